import { type AnyExtension, getSchema, Mark, mergeAttributes } from "@tiptap/core";
import Blockquote from "@tiptap/extension-blockquote";
import { TableKit } from "@tiptap/extension-table";
import type { Schema } from "@tiptap/pm/model";
import StarterKit from "@tiptap/starter-kit";

/** Name of the Y.XmlFragment holding the brief body (Tiptap Collaboration's default field). */
export const BODY_FIELD = "default";
/** Name of the Y.Map holding brief metadata: title, templateId, fields. */
export const META_MAP = "meta";

/** Attributes a quote snippet leaves on the blockquote it becomes. */
const SNIPPET_QUOTE_ATTRS = ["snippetId", "speaker", "speakerRole", "articleId"] as const;

function dataAttribute(name: string) {
  const html = `data-${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
  return {
    default: null,
    parseHTML: (el: HTMLElement) => el.getAttribute(html),
    renderHTML: (attrs: Record<string, unknown>) =>
      attrs[name] == null ? {} : { [html]: String(attrs[name]) },
  };
}

/**
 * A blockquote that remembers the quote snippet it came from, so export can footnote it
 * and the source check can compare it with the article.
 */
export const SnippetBlockquote = Blockquote.extend({
  addAttributes() {
    return Object.fromEntries(SNIPPET_QUOTE_ATTRS.map((name) => [name, dataAttribute(name)]));
  },
});

/** Marks text that rests on a snippet; export turns each into a footnote naming the source. */
export const Citation = Mark.create({
  name: "citation",
  inclusive: false,
  addAttributes() {
    return { snippetId: dataAttribute("snippetId"), articleId: dataAttribute("articleId") };
  },
  parseHTML() {
    // `span[data-citation]` is what text copied from the article reader carries; a citation
    // of a whole article (no snippet) renders as `cite[data-article-id]`.
    return [
      { tag: "cite[data-snippet-id]" },
      { tag: "cite[data-article-id]" },
      { tag: "span[data-citation]" },
    ];
  },
  renderHTML({ HTMLAttributes }) {
    return ["cite", mergeAttributes(HTMLAttributes, { class: "citation" }), 0];
  },
});

export interface EditorExtensionOptions {
  /** Collaboration brings its own history; the plain editor keeps StarterKit's. */
  history?: boolean;
}

/**
 * The one list of editor extensions. The client adds Collaboration and carets on top; the
 * server uses the same list (through `editorSchema`) to build, convert and check documents.
 */
export function editorExtensions(options: EditorExtensionOptions = {}): AnyExtension[] {
  return [
    StarterKit.configure({
      blockquote: false,
      undoRedo: options.history ? {} : false,
      link: { openOnClick: false, autolink: true },
    }),
    SnippetBlockquote,
    TableKit.configure({ table: { resizable: false } }),
    Citation,
  ];
}

/** The ProseMirror schema every brief body conforms to, on client and server alike. */
export const editorSchema: Schema = getSchema(editorExtensions());
