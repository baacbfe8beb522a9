import type { Article, Snippet } from "../../server/schema/article.ts";
import { type Template, TemplateSchema } from "../../server/schema/template.ts";

let counter = 0;
const next = () => ++counter;

/** A valid template as raw JSON (what a file or a request holds); `overrides` replace keys. */
export function templateInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: `test-template-${next()}`,
    name: "Test template",
    description: "A template made by a test.",
    version: 1,
    fields: [
      {
        key: "classification",
        label: "Classification",
        type: "select",
        options: ["OFFICIAL", "SECRET"],
        default: "OFFICIAL",
      },
      { key: "author", label: "Author", type: "text", default: "" },
      { key: "date", label: "Date", type: "date", default: "today" },
    ],
    sections: [
      {
        heading: "Summary",
        guidance: "The point in two sentences.",
        autofill: { kind: "fact", limit: 2, as: "bullets" },
      },
      {
        heading: "Voices",
        guidance: "What people said.",
        autofill: { kind: "quote", limit: 2, as: "quotes" },
      },
      { heading: "Next steps", level: 2, guidance: "" },
    ],
    style: { header: "{{classification}}", footer: "{{author}} · {{date}}", toc: true },
    ...overrides,
  };
}

/** A parsed, valid template. */
export function buildTemplate(overrides: Record<string, unknown> = {}): Template {
  return TemplateSchema.parse(templateInput(overrides));
}

/** A snippet whose offsets point at `text` inside `paragraphs[paragraph]` (throws if absent). */
export function buildSnippet(
  article: Pick<Article, "id" | "paragraphs">,
  spec: Omit<Snippet, "articleId" | "start" | "end" | "id"> & { id?: string; occurrence?: number },
): Snippet {
  const { occurrence = 0, ...rest } = spec;
  const source = article.paragraphs[spec.paragraph] ?? "";
  let start = -1;
  for (let i = 0; i <= occurrence; i++) start = source.indexOf(spec.text, start + 1);
  if (start < 0) throw new Error(`"${spec.text}" is not in paragraph ${spec.paragraph}`);
  return {
    id: `snip-${next()}`,
    ...rest,
    articleId: article.id,
    start,
    end: start + spec.text.length,
  };
}

/** An article; by default two short paragraphs, one fact and one quote. */
export function buildArticle(overrides: Partial<Article> = {}): Article {
  const base: Article = {
    id: `article-${next()}`,
    title: "Talks to resume in Geneva",
    source: {
      publisher: "Example Wire",
      url: "https://example.com/talks",
      publishedAt: "2024-10-25",
    },
    paragraphs: [
      "Negotiators will meet in Geneva on Monday, the foreign ministry said.",
      '"We expect a long week," said Anna Berg, the chief negotiator.',
    ],
    boilerplate: [],
    snippets: [],
    entities: { people: ["Anna Berg"], orgs: [], places: ["Geneva"] },
    ...overrides,
  };
  if (overrides.snippets) return base;
  return {
    ...base,
    snippets: [
      buildSnippet(base, { kind: "fact", paragraph: 0, text: base.paragraphs[0] ?? "" }),
      buildSnippet(base, {
        kind: "quote",
        paragraph: 1,
        text: "We expect a long week,",
        speaker: "Anna Berg",
        speakerRole: "the chief negotiator",
      }),
    ],
  };
}
