import { type RefObject, useLayoutEffect, useRef } from "react";

const isHigh = (s: string, i: number) => /[\uD800-\uDBFF]/.test(s.charAt(i));
const isLow = (s: string, i: number) => /[\uDC00-\uDFFF]/.test(s.charAt(i));

/**
 * Where a caret at `pos` in `before` belongs once the text has become `after`. The change is
 * taken as one span between the common prefix and suffix: a caret before it stays, one after it
 * shifts by the length difference, one inside it goes to the end of the inserted text.
 */
export function mapCaret(before: string, after: string, pos: number): number {
  const shorter = Math.min(before.length, after.length);
  let prefix = 0;
  while (prefix < shorter && before[prefix] === after[prefix]) prefix++;
  // Never split a surrogate pair: the caret cannot sit inside one.
  if (prefix > 0 && isHigh(before, prefix - 1)) prefix--;
  let suffix = 0;
  while (
    suffix < shorter - prefix &&
    before[before.length - 1 - suffix] === after[after.length - 1 - suffix]
  )
    suffix++;
  if (suffix > 0 && isLow(before, before.length - suffix)) suffix--;
  if (pos <= prefix) return pos;
  if (pos >= before.length - suffix) return pos + after.length - before.length;
  return after.length - suffix;
}

type TextControl = HTMLInputElement | HTMLTextAreaElement;

/**
 * Keeps a focused text control's selection in place when its value changes from elsewhere
 * (another person's edit), mapped through the change with `mapCaret`. Without this the browser
 * puts the caret at the end whenever React writes a new value into the control.
 */
export function useCaretThroughChanges<T extends TextControl>(value: string): RefObject<T | null> {
  const ref = useRef<T>(null);
  const saved = useRef<{ text: string; start: number; end: number } | null>(null);
  // Read the selection before React overwrites the text: hooks have no getSnapshotBeforeUpdate.
  // When the control already holds `value`, the change was typed here and the caret is right.
  const el = ref.current;
  if (el && el.value !== value && el.ownerDocument.activeElement === el) {
    saved.current = { text: el.value, start: el.selectionStart ?? 0, end: el.selectionEnd ?? 0 };
  }
  useLayoutEffect(() => {
    const was = saved.current;
    saved.current = null;
    const el = ref.current;
    if (!was || !el || el.value !== value) return;
    el.setSelectionRange(
      mapCaret(was.text, value, was.start),
      mapCaret(was.text, value, was.end),
      el.selectionDirection ?? undefined,
    );
  }, [value]);
  return ref;
}
