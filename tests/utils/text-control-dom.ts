import { parseHTML } from "linkedom";
import { act, createElement, type ReactElement, useState } from "react";

type Control = (value: string, onChange: (v: string) => void) => ReactElement;

/**
 * Mounts a text control fed by a shared value, as the Y.Map feeds it: its own writes and
 * others' changes (`remote`) both land there. Runs on linkedom with just enough of a browser:
 * a caret that jumps to the end whenever the value is set, focus, and typing that reaches
 * React's onChange. linkedom has no selection, focus or default input type of its own.
 */
export async function mountTextControl(control: Control, initial: string) {
  const { window, document } = parseHTML("<!doctype html><html><body><div></div></body></html>");
  Object.assign(globalThis, { window, document, IS_REACT_ACT_ENVIRONMENT: true });
  if (!("navigator" in globalThis)) Object.assign(globalThis, { navigator: { userAgent: "" } });
  // React checks `oninput` to tell a modern browser from an old IE that needs a polyfill.
  Object.assign(document, { oninput: null });
  let focused: Element | null = null;
  Object.defineProperty(document, "activeElement", { get: () => focused });
  for (const proto of [window.HTMLInputElement.prototype, window.HTMLTextAreaElement.prototype]) {
    // linkedom shares its classes between documents: patch them once.
    if ("setSelectionRange" in proto) continue;
    const value = Object.getOwnPropertyDescriptor(proto, "value");
    if (!value?.set || !value.get) throw new Error("linkedom control without a value property");
    const { get, set } = value;
    Object.defineProperties(proto, {
      value: {
        configurable: true,
        get,
        set(this: { caret?: number[] }, v: string) {
          set.call(this, v);
          this.caret = [v.length, v.length];
        },
      },
      selectionDirection: { configurable: true, value: "none" },
      type: {
        configurable: true,
        get(this: Element) {
          return this.getAttribute("type") ?? (this.localName === "input" ? "text" : "textarea");
        },
      },
      selectionStart: { configurable: true, get: caretAt(0) },
      selectionEnd: { configurable: true, get: caretAt(1) },
      setSelectionRange: {
        configurable: true,
        value(this: { caret?: number[] }, start: number, end: number) {
          this.caret = [start, end];
        },
      },
    });
  }
  const { createRoot } = await import("react-dom/client");
  const container = document.querySelector("div") as unknown as HTMLElement;
  const root = createRoot(container);
  const link: Link = { writes: [], setShared: () => {} };
  await act(async () => root.render(createElement(Shared, { control, initial, link })));
  const el = container.querySelector("input, textarea") as HTMLInputElement;
  const nativeValue = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(el), "value");
  return {
    control: el,
    writes: link.writes,
    /** Someone else's change reaches the shared value. */
    remote: (value: string) => act(async () => link.setShared(value)),
    focus: () =>
      act(async () => {
        focused = el;
        el.dispatchEvent(new window.Event("focusin", { bubbles: true }));
      }),
    blur: () =>
      act(async () => {
        focused = null;
        el.dispatchEvent(new window.Event("focusout", { bubbles: true }));
      }),
    /** The person types: the text changes under the caret, as a browser does, then React hears of it. */
    type: (text: string, caret = text.length) =>
      act(async () => {
        nativeValue?.set?.call(el, text);
        el.setSelectionRange(caret, caret);
        el.dispatchEvent(new window.Event("input", { bubbles: true }));
      }),
  };
}

interface Link {
  writes: string[];
  setShared: (v: string) => void;
}

function Shared({ control, initial, link }: { control: Control; initial: string; link: Link }) {
  const [value, setValue] = useState(initial);
  link.setShared = setValue;
  return control(value, (v) => {
    link.writes.push(v);
    setValue(v);
  });
}

function caretAt(end: 0 | 1) {
  return function (this: { caret?: number[]; value: string }) {
    return this.caret?.[end] ?? this.value.length;
  };
}
