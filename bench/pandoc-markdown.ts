import { fullSourceText } from "../server/export/source-text.ts";
import type { PMNode } from "../server/schema/brief.ts";
import type { Bundle } from "../server/schema/bundle.ts";

/**
 * A bundle as Pandoc Markdown with the same content — headings, lists, tables, block quotes,
 * links, and each citation as a real footnote (`^[…]`) — so `pandoc -o x.docx` does the same
 * job our renderer does, for the benchmark's comparison.
 */
export function toPandocMarkdown(bundle: Bundle): string {
  const inline = (nodes: PMNode[] = []): string =>
    nodes
      .map((n) => {
        if (n.type === "hardBreak") return "\\\n";
        let s = (n.text ?? "").replace(/([\\*_`[\]#<>^|])/g, "\\$1");
        for (const m of n.marks ?? []) {
          if (m.type === "bold") s = `**${s}**`;
          else if (m.type === "italic") s = `*${s}*`;
          else if (m.type === "link") s = `[${s}](${m.attrs?.href})`;
          else if (m.type === "citation") {
            const source = bundle.sources[String(m.attrs?.articleId)];
            s += `^[${source ? fullSourceText(source) : "Source not recorded."}]`;
          }
        }
        return s;
      })
      .join("");
  const indent = (text: string, by: string) => text.replace(/\n(?!\n|$)/g, `\n${by}`);
  const block = (n: PMNode): string => {
    const kids = n.content ?? [];
    switch (n.type) {
      case "heading":
        return `${"#".repeat(Number(n.attrs?.level ?? 1))} ${inline(kids)}`;
      case "paragraph":
        return inline(kids);
      case "blockquote":
        return kids.map((k) => `> ${block(k)}`).join("\n>\n");
      case "bulletList":
      case "orderedList":
        return kids
          .map((item, i) => {
            const marker = n.type === "bulletList" ? "- " : `${i + 1}. `;
            const body = (item.content ?? []).map(block).join("\n\n");
            return marker + indent(body, " ".repeat(marker.length));
          })
          .join("\n");
      case "codeBlock":
        return `\`\`\`\n${kids.map((k) => k.text).join("")}\n\`\`\``;
      case "horizontalRule":
        return "---";
      case "table": {
        const rows = kids.map((r) =>
          (r.content ?? []).map((c) => (c.content ?? []).map(block).join(" ")),
        );
        const line = (cells: string[]) => `| ${cells.join(" | ")} |`;
        const [head = [], ...body] = rows;
        return [line(head), line(head.map(() => "---")), ...body.map(line)].join("\n");
      }
      default:
        return inline(kids);
    }
  };
  return `# ${bundle.title}\n\n${(bundle.doc.content ?? []).map(block).join("\n\n")}\n`;
}
