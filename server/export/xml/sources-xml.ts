import type { BundleSource } from "../../schema/bundle.ts";
import { sourceEntryText } from "../source-text.ts";
import { StyleId } from "../styles.ts";
import { hyperlink, para, pStyle, rStyle, run, text, textRun } from "./primitives.ts";
import type { XmlParts } from "./xml-context.ts";

/** The Sources list as `renderSourcesList` writes it, as body XML. */
export function writeSourcesList(
  order: string[],
  sources: Record<string, BundleSource>,
  parts: XmlParts,
  withHeading = true,
): string {
  const entries = order.flatMap((id) => (sources[id] ? [sources[id]] : []));
  if (entries.length === 0) return "";
  let out = withHeading ? para(pStyle("Heading1"), textRun("Sources")) : "";
  for (const source of entries) {
    const link = source.url
      ? hyperlink(parts.link(source.url), run(rStyle("Hyperlink"), text(source.url)))
      : "";
    out += para(
      pStyle(StyleId.sourceEntry),
      textRun(`${sourceEntryText(source)}${source.url ? " " : ""}`) + link,
    );
  }
  return out;
}
