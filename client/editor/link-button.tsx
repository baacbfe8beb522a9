import type { Editor } from "@tiptap/core";
import { type FormEvent, useId, useState } from "react";
import { Popover } from "../components/popover.tsx";
import { Tool } from "./tool.tsx";
import { normaliseHref } from "./toolbar-state.ts";

/** Adds, edits or removes a link on the selection, in a small popover form. */
export function LinkButton({ editor, active }: { editor: Editor; active: boolean }) {
  const [open, setOpen] = useState(false);
  const [value, setValue] = useState("");
  const [error, setError] = useState("");
  const id = useId();

  const show = () => {
    setValue((editor.getAttributes("link").href as string | undefined) ?? "");
    setError("");
    setOpen(true);
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const href = normaliseHref(value);
    if (!href) return setError("Enter a web address such as https://example.org");
    editor.chain().focus().extendMarkRange("link").setLink({ href }).run();
    setOpen(false);
  };
  const remove = () => {
    editor.chain().focus().extendMarkRange("link").unsetLink().run();
    setOpen(false);
  };

  return (
    <Popover
      open={open}
      onClose={() => setOpen(false)}
      trigger={<Tool icon="link" label="Link" active={active} onRun={show} />}
    >
      <form className="popover-form" onSubmit={submit}>
        <label htmlFor={id}>Link address</label>
        <input
          id={id}
          type="text"
          inputMode="url"
          // biome-ignore lint/a11y/noAutofocus: the popover exists to type into this field
          autoFocus
          placeholder="https://"
          value={value}
          onChange={(e) => setValue(e.target.value)}
          aria-invalid={Boolean(error)}
        />
        {error && <p className="field-error">{error}</p>}
        <div className="popover-actions">
          {active && (
            <button type="button" className="btn btn-quiet" onClick={remove}>
              Remove link
            </button>
          )}
          <button type="submit" className="btn btn-primary">
            Apply
          </button>
        </div>
      </form>
    </Popover>
  );
}
