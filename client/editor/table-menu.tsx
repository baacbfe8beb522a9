import type { Editor } from "@tiptap/core";
import { useState } from "react";
import { Popover } from "../components/popover.tsx";
import { Tool } from "./tool.tsx";

/** Inserts a table, or edits rows and columns of the one the cursor is in. */
export function TableMenu({ editor, inTable }: { editor: Editor; inTable: boolean }) {
  const [open, setOpen] = useState(false);
  const act = (fn: (c: ReturnType<Editor["chain"]>) => ReturnType<Editor["chain"]>) => () => {
    fn(editor.chain().focus()).run();
    setOpen(false);
  };
  const trigger = (
    <Tool
      icon="table"
      label={inTable ? "Table options" : "Insert table"}
      active={inTable}
      onRun={() =>
        inTable
          ? setOpen(true)
          : editor.chain().focus().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run()
      }
    />
  );
  return (
    <Popover open={open} onClose={() => setOpen(false)} trigger={trigger}>
      <div className="menu" role="menu" aria-label="Table">
        <button type="button" role="menuitem" onClick={act((c) => c.addRowAfter())}>
          Add row below
        </button>
        <button type="button" role="menuitem" onClick={act((c) => c.addColumnAfter())}>
          Add column right
        </button>
        <button type="button" role="menuitem" onClick={act((c) => c.deleteRow())}>
          Delete row
        </button>
        <button type="button" role="menuitem" onClick={act((c) => c.deleteColumn())}>
          Delete column
        </button>
        <button type="button" role="menuitem" onClick={act((c) => c.toggleHeaderRow())}>
          Toggle header row
        </button>
        <button
          type="button"
          role="menuitem"
          className="danger"
          onClick={act((c) => c.deleteTable())}
        >
          Delete table
        </button>
      </div>
    </Popover>
  );
}
