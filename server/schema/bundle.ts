import { z } from "zod";
import type { PMNode } from "./brief.ts";

/** A ProseMirror node as JSON; checked for shape only, since export renders unknown nodes as text. */
const PMNodeSchema: z.ZodType<PMNode> = z.lazy(() =>
  z.object({
    type: z.string().min(1),
    attrs: z.record(z.string(), z.unknown()).optional(),
    content: z.array(PMNodeSchema).optional(),
    marks: z
      .array(
        z.object({ type: z.string().min(1), attrs: z.record(z.string(), z.unknown()).optional() }),
      )
      .optional(),
    text: z.string().optional(),
  }),
);

/** What a footnote needs to name an article: every part optional but the title. */
export const BundleSourceSchema = z.object({
  title: z.string(),
  publisher: z.string().optional(),
  url: z.string().optional(),
  publishedAt: z.string().optional(),
  author: z.string().optional(),
});
export type BundleSource = z.infer<typeof BundleSourceSchema>;

/**
 * Everything an export needs and nothing else: the body, the template field values and the
 * sources its citations name (keyed by article id), so rendering needs no store.
 */
export const BundleSchema = z.object({
  title: z.string().default(""),
  fields: z.record(z.string(), z.string()).default({}),
  doc: PMNodeSchema.refine((n) => n.type === "doc", { message: 'the body must be a "doc" node' }),
  sources: z.record(z.string(), BundleSourceSchema).default({}),
});
export type Bundle = z.infer<typeof BundleSchema>;
export type BundleInput = z.input<typeof BundleSchema>;

/**
 * Parses a bundle, or a bare ProseMirror doc (`{"type":"doc",...}`), which becomes a bundle
 * with no title, fields or sources. Throws a `ZodError` that says what is wrong otherwise.
 */
export function parseBundle(json: unknown): Bundle {
  if (json && typeof json === "object" && (json as { type?: unknown }).type === "doc") {
    return BundleSchema.parse({ doc: json });
  }
  return BundleSchema.parse(json);
}
