import { z } from "zod";

/** Brief ids are URL-safe so they can be room names and path segments as they are. */
export const BriefId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "not a valid brief id");

/** Template field values of a brief: field key → value (dates as YYYY-MM-DD). */
export const FieldValuesSchema = z.record(z.string().max(40), z.string().max(5000));
export type FieldValues = z.infer<typeof FieldValuesSchema>;

/** A brief as listed: metadata only. */
export const BriefSchema = z.object({
  id: BriefId,
  title: z.string(),
  templateId: z.string().nullable(),
  fields: FieldValuesSchema,
  ownerId: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Brief = z.infer<typeof BriefSchema>;

/** ProseMirror JSON of a node; validated against the editor schema where it matters. */
export interface PMNode {
  type: string;
  attrs?: Record<string, unknown>;
  content?: PMNode[];
  marks?: { type: string; attrs?: Record<string, unknown> }[];
  text?: string;
}

/** `GET /api/briefs/:id`: metadata plus the body as ProseMirror JSON. */
export type BriefWithDoc = Brief & { doc: PMNode };

/** Body of `POST /api/briefs`. */
export const CreateBriefSchema = z
  .object({
    title: z.string().trim().min(1, "a brief needs a title").max(300),
    templateId: z.string().max(64).optional(),
    fields: FieldValuesSchema.optional(),
    articleIds: z.array(z.string().max(64)).max(50).optional(),
    draft: z.boolean().optional(),
  })
  .strict();
export type CreateBrief = z.infer<typeof CreateBriefSchema>;

/** Body of `PATCH /api/briefs/:id`. */
export const PatchBriefSchema = z
  .object({
    title: z.string().trim().min(1).max(300).optional(),
    fields: FieldValuesSchema.optional(),
  })
  .strict();
export type PatchBrief = z.infer<typeof PatchBriefSchema>;
