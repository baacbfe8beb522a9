import type { PMNode } from "../../server/schema/brief.ts";
import { type Bundle, parseBundle } from "../../server/schema/bundle.ts";
import type { Template } from "../../server/schema/template.ts";

type Mark = NonNullable<PMNode["marks"]>[number];

/** A text node with marks given by name (`"bold"`) or in full. */
export const text = (value: string, ...marks: (string | Mark)[]): PMNode => ({
  type: "text",
  text: value,
  ...(marks.length ? { marks: marks.map((m) => (typeof m === "string" ? { type: m } : m)) } : {}),
});
export const cite = (snippetId: string, articleId: string): Mark => ({
  type: "citation",
  attrs: { snippetId, articleId },
});
export const link = (href: string): Mark => ({ type: "link", attrs: { href } });
export const p = (...content: PMNode[]): PMNode => ({ type: "paragraph", content });
export const h = (level: number, value: string): PMNode => ({
  type: "heading",
  attrs: { level },
  content: [text(value)],
});
export const li = (...content: PMNode[]): PMNode => ({ type: "listItem", content });
export const ul = (...items: PMNode[]): PMNode => ({ type: "bulletList", content: items });
export const ol = (start: number, ...items: PMNode[]): PMNode => ({
  type: "orderedList",
  attrs: { start },
  content: items,
});
export const quote = (
  value: string,
  attrs: { snippetId: string; articleId: string; speaker?: string; speakerRole?: string },
): PMNode => ({ type: "blockquote", attrs, content: [p(text(value))] });
const cell = (type: "tableHeader" | "tableCell", value: string): PMNode => ({
  type,
  content: [p(text(value))],
});
export const table = (head: string[], ...rows: string[][]): PMNode => ({
  type: "table",
  content: [
    { type: "tableRow", content: head.map((v) => cell("tableHeader", v)) },
    ...rows.map((r) => ({ type: "tableRow", content: r.map((v) => cell("tableCell", v)) })),
  ],
});
export const doc = (...content: PMNode[]): PMNode => ({ type: "doc", content });

export const SOURCES: Bundle["sources"] = {
  "art-reuters": {
    title: "Ministers agree grid levy",
    publisher: "Reuters",
    url: "https://example.com/reuters/grid-levy",
    publishedAt: "2024-03-05T09:30:00Z",
    author: "A. Writer",
  },
  "art-ft": {
    title: "Energy costs weigh on industry",
    publisher: "Financial Times",
    url: "https://example.com/ft/energy-costs",
    publishedAt: "2024-02-28",
  },
};

/**
 * A realistic small brief: headings at three levels, cited paragraphs (one source cited twice),
 * formatting marks, a link, two snippet quotes, nested and restarted lists, and a table.
 */
export function sampleBundle(overrides: Partial<Bundle> = {}): Bundle {
  return parseBundle({
    title: "Grid levy: options for the minister",
    fields: { classification: "OFFICIAL-SENSITIVE", author: "Policy Unit", date: "2024-03-06" },
    sources: SOURCES,
    doc: doc(
      h(1, "Summary"),
      p(
        text("Ministers agreed a levy on grid connections", cite("s1", "art-reuters")),
        text(" and industry says "),
        text("costs are rising", cite("s2", "art-ft")),
        text("."),
      ),
      p(
        text("Bold", "bold"),
        text(" italic", "italic"),
        text(" underline", "underline"),
        text(" struck", "strike"),
        text(" code", "code"),
        text(" "),
        text("a link", link("https://example.com/x")),
      ),
      h(2, "What was said"),
      quote("We will not let bills rise for households.", {
        snippetId: "q1",
        articleId: "art-reuters",
        speaker: "Jane Doe",
        speakerRole: "Energy Minister",
      }),
      quote("Industry cannot absorb another rise.", {
        snippetId: "q2",
        articleId: "art-ft",
        speaker: "John Roe",
      }),
      h(3, "Options"),
      ol(
        1,
        li(p(text("Phase the levy in")), ul(li(p(text("from 2025"))), li(p(text("from 2026"))))),
        li(p(text("Exempt small firms"))),
      ),
      p(text("Then, separately:")),
      ol(4, li(p(text("Fourth option"))), li(p(text("Fifth option")))),
      table(
        ["Option", "Cost", "Risk"],
        ["Phase in", "£1.2bn", "Low"],
        ["Exempt", "£0.4bn", "Medium"],
      ),
      { type: "horizontalRule" },
      p(
        text("A repeat citation", cite("s3", "art-reuters")),
        { type: "hardBreak" },
        text("after a break."),
      ),
      { type: "codeBlock", content: [text("levy = rate * kWh\ntotal = sum(levy)")] },
    ),
    ...overrides,
  });
}

/** Sample field values for a template: each select's first option, dates fixed, text named. */
export function sampleFields(template: Template): Record<string, string> {
  return Object.fromEntries(
    template.fields.map((f) => [
      f.key,
      f.type === "select"
        ? (f.options[0] ?? "")
        : f.type === "date"
          ? "2024-03-06"
          : `Sample ${f.label.toLowerCase()}`,
    ]),
  );
}

/**
 * A brief as a template would draft it: each of its sections with content of the kind its
 * autofill asks for (quotes, bullets, cited sentences), plus a table and a numbered list.
 */
export function templateSampleBundle(template: Template): Bundle {
  const content: PMNode[] = [];
  template.sections.forEach((section, i) => {
    content.push(h(section.level, section.heading));
    const as = section.autofill?.as;
    if (as === "quotes") {
      content.push(
        quote("We will not let bills rise for households.", {
          snippetId: `q${i}`,
          articleId: "art-reuters",
          speaker: "Jane Doe",
          speakerRole: "Energy Minister",
        }),
      );
    } else if (as === "bullets") {
      content.push(
        ul(
          li(p(text("Levy agreed", cite(`b${i}`, "art-reuters")))),
          li(p(text("Industry objects", cite(`c${i}`, "art-ft")))),
        ),
      );
    } else {
      content.push(
        p(
          text(`${section.guidance.slice(0, 120)} `),
          text("Costs are rising.", cite(`s${i}`, "art-ft")),
        ),
      );
    }
    if (i === 1)
      content.push(table(["Option", "Cost"], ["Phase in", "£1.2bn"], ["Exempt", "£0.4bn"]));
    if (i === 2) content.push(ol(1, li(p(text("First"))), li(p(text("Second")))));
  });
  return parseBundle({
    title: `Sample ${template.name.toLowerCase()}`,
    fields: sampleFields(template),
    sources: SOURCES,
    doc: doc(...content),
  });
}

/** A deterministic pseudo-random generator, so a large brief is the same on every run. */
function seeded(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const WORDS =
  "the minister agreed levy grid energy costs industry households policy market supply demand risk option report council budget review analysis impact region security trade tariff network investment price rise fall target plan committee evidence".split(
    " ",
  );

/**
 * A long brief like the export benchmark's: per `pages` of ~100, about 60 sections, 2,000
 * paragraphs, 300 quotes, 300 citations, tables and nested lists.
 */
export function largeBundle(pages = 100): Bundle {
  const rand = seeded(42);
  const scale = pages / 100;
  const sentence = (n: number) =>
    Array.from({ length: n }, () => WORDS[Math.floor(rand() * WORDS.length)]).join(" ");
  const articles = Array.from({ length: 40 }, (_, i) => `art-${i}`);
  const sources: Bundle["sources"] = Object.fromEntries(
    articles.map((id, i) => [
      id,
      {
        title: `Article ${i}: ${sentence(5)}`,
        publisher: `Publisher ${i % 7}`,
        url: `https://example.com/${id}`,
        publishedAt: "2024-03-05",
      },
    ]),
  );
  const sections = Math.round(60 * scale);
  const perSection = 2000 / 60;
  let cited = 0;
  let quoted = 0;
  const content: PMNode[] = [];
  for (let s = 0; s < sections; s++) {
    content.push(h(s % 5 === 0 ? 1 : 2, `Section ${s + 1}: ${sentence(4)}`));
    for (let k = 0; k < perSection; k++) {
      const article = articles[Math.floor(rand() * articles.length)]!;
      const parts: PMNode[] = [text(`${sentence(5)} `)];
      if (k % 7 === 0 && cited < 300 * scale) {
        parts.push(text(sentence(4), cite(`s${cited++}`, article)));
        parts.push(text(`. ${sentence(4)} `));
      }
      parts.push(text(sentence(2), "bold"), text(` ${sentence(3)}.`));
      content.push(p(...parts));
      if (k % 7 === 3 && quoted < 300 * scale) {
        content.push(
          quote(sentence(12), {
            snippetId: `q${quoted++}`,
            articleId: article,
            speaker: `Speaker ${quoted % 13}`,
            speakerRole: "Minister",
          }),
        );
      }
    }
    if (s % 3 === 0) {
      content.push(
        table(
          ["Measure", "2023", "2024", "Change"],
          ...Array.from({ length: 6 }, (_, r) => [sentence(2), `${r * 3}`, `${r * 4}`, `${r}%`]),
        ),
      );
    }
    if (s % 2 === 0) {
      content.push(
        ol(
          1,
          li(p(text(sentence(8))), ul(li(p(text(sentence(6)))), li(p(text(sentence(6)))))),
          li(p(text(sentence(8)))),
        ),
      );
    }
  }
  return parseBundle({
    title: "Large benchmark brief",
    fields: { classification: "OFFICIAL" },
    sources,
    doc: doc(...content),
  });
}
