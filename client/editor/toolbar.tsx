import type { Editor } from "@tiptap/core";
import { useEditorState } from "@tiptap/react";
import type { ReactNode } from "react";
import { LinkButton } from "./link-button.tsx";
import { TableMenu } from "./table-menu.tsx";
import { Tool } from "./tool.tsx";
import { toolbarState } from "./toolbar-state.ts";

const Group = ({ children }: { children: ReactNode }) => (
  <div className="tool-group">{children}</div>
);

/** Formatting for every mark and node the brief schema has. */
export function Toolbar({ editor }: { editor: Editor }) {
  const s = useEditorState({ editor, selector: ({ editor: e }) => toolbarState(e) });
  const run = () => editor.chain().focus();
  return (
    <div className="toolbar" role="toolbar" aria-label="Formatting">
      <Group>
        <Tool
          icon="undo"
          label="Undo your last edit"
          shortcut="Ctrl+Z"
          disabled={!s.canUndo}
          onRun={() => run().undo().run()}
        />
        <Tool
          icon="redo"
          label="Redo"
          shortcut="Ctrl+Shift+Z"
          disabled={!s.canRedo}
          onRun={() => run().redo().run()}
        />
      </Group>
      <Group>
        <select
          className="block-select"
          aria-label="Text style"
          value={s.block}
          onChange={(e) => {
            const v = e.target.value;
            if (v === "paragraph") run().setParagraph().run();
            else
              run()
                .setHeading({ level: Number(v.slice(1)) as 1 | 2 | 3 })
                .run();
          }}
        >
          <option value="paragraph">Body text</option>
          <option value="h1">Heading 1</option>
          <option value="h2">Heading 2</option>
          <option value="h3">Heading 3</option>
          {s.block === "other" && (
            <option value="other" disabled>
              —
            </option>
          )}
        </select>
      </Group>
      <Group>
        <Tool
          icon="bold"
          label="Bold"
          shortcut="Ctrl+B"
          active={s.bold}
          onRun={() => run().toggleBold().run()}
        />
        <Tool
          icon="italic"
          label="Italic"
          shortcut="Ctrl+I"
          active={s.italic}
          onRun={() => run().toggleItalic().run()}
        />
        <Tool
          icon="underline"
          label="Underline"
          shortcut="Ctrl+U"
          active={s.underline}
          onRun={() => run().toggleUnderline().run()}
        />
        <Tool
          icon="strike"
          label="Strikethrough"
          shortcut="Ctrl+Shift+S"
          active={s.strike}
          onRun={() => run().toggleStrike().run()}
        />
        <Tool
          icon="code"
          label="Inline code"
          shortcut="Ctrl+E"
          active={s.code}
          onRun={() => run().toggleCode().run()}
        />
        <LinkButton editor={editor} active={s.link} />
      </Group>
      <Group>
        <Tool
          icon="bulletList"
          label="Bulleted list"
          shortcut="Ctrl+Shift+8"
          active={s.bulletList}
          onRun={() => run().toggleBulletList().run()}
        />
        <Tool
          icon="orderedList"
          label="Numbered list"
          shortcut="Ctrl+Shift+7"
          active={s.orderedList}
          onRun={() => run().toggleOrderedList().run()}
        />
        <Tool
          icon="quote"
          label="Quote"
          shortcut="Ctrl+Shift+B"
          active={s.blockquote}
          onRun={() => run().toggleBlockquote().run()}
        />
        <Tool
          icon="codeBlock"
          label="Code block"
          shortcut="Ctrl+Alt+C"
          active={s.codeBlock}
          onRun={() => run().toggleCodeBlock().run()}
        />
        <Tool icon="rule" label="Divider" onRun={() => run().setHorizontalRule().run()} />
        <TableMenu editor={editor} inTable={s.inTable} />
      </Group>
      <Group>
        <Tool
          icon="clear"
          label="Clear formatting"
          onRun={() => run().unsetAllMarks().clearNodes().run()}
        />
      </Group>
    </div>
  );
}
