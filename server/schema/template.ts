import { z } from "zod";
import { SnippetKind } from "./article.ts";
import { BriefId } from "./brief.ts";

const Slug = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, "use lowercase letters, digits and dashes (max 63)");
const Colour = z.string().regex(/^#?[0-9a-fA-F]{6}$/, "use a hex colour like #1F3864");

const FieldBase = {
  key: z.string().regex(/^[a-zA-Z][a-zA-Z0-9_]{0,39}$/, "use letters, digits and _"),
  label: z.string().min(1).max(80),
  help: z.string().max(300).optional(),
  required: z.boolean().default(false),
};

/** A value a brief carries besides its body: classification, audience, author, date... */
export const TemplateFieldSchema = z.discriminatedUnion("type", [
  z.object({
    ...FieldBase,
    type: z.literal("text"),
    default: z.string().max(500).default(""),
    maxLength: z.number().int().positive().max(5000).default(500),
  }),
  z.object({
    ...FieldBase,
    type: z.literal("date"),
    default: z.union([z.literal("today"), z.iso.date(), z.literal("")]).default(""),
  }),
  z
    .object({
      ...FieldBase,
      type: z.literal("select"),
      options: z.array(z.string().min(1).max(120)).min(1).max(50),
      default: z.string().optional(),
    })
    .refine((f) => f.default === undefined || f.options.includes(f.default), {
      message: "default must be one of the options",
      path: ["default"],
    }),
]);
export type TemplateField = z.infer<typeof TemplateFieldSchema>;

/** How a section fills itself from the chosen articles' snippets when a brief is drafted. */
export const AutoFillSchema = z.object({
  kind: SnippetKind.optional(),
  speaker: z.string().max(200).optional(),
  entity: z.string().max(200).optional(),
  articleId: z.string().optional(),
  limit: z.number().int().positive().max(100).default(3),
  as: z.enum(["quotes", "bullets", "cited-sentences"]),
});
export type AutoFill = z.infer<typeof AutoFillSchema>;

export const TemplateSectionSchema = z.object({
  heading: z
    .string({ error: "a section needs a heading" })
    .trim()
    .min(1, "a section needs a heading")
    .max(200),
  level: z.number().int().min(1).max(3).default(1),
  guidance: z.string().max(2000).default(""),
  autofill: AutoFillSchema.optional(),
});
export type TemplateSection = z.infer<typeof TemplateSectionSchema>;

/** Page and typography of the Word export. Sizes in points, margins in millimetres. */
export const ExportStyleSchema = z.object({
  fonts: z
    .object({
      body: z.string().max(80).default("Calibri"),
      heading: z.string().max(80).default("Calibri"),
    })
    .default({ body: "Calibri", heading: "Calibri" }),
  sizes: z
    .object({
      body: z.number().min(6).max(24).default(11),
      h1: z.number().min(8).max(48).default(16),
      h2: z.number().min(8).max(40).default(13),
      h3: z.number().min(8).max(32).default(12),
      title: z.number().min(10).max(72).default(26),
    })
    .default({ body: 11, h1: 16, h2: 13, h3: 12, title: 26 }),
  colors: z
    .object({
      text: Colour.default("#222222"),
      heading: Colour.default("#1F3864"),
      accent: Colour.default("#2E74B5"),
    })
    .default({ text: "#222222", heading: "#1F3864", accent: "#2E74B5" }),
  margins: z
    .object({
      top: z.number().min(5).max(80).default(25),
      right: z.number().min(5).max(80).default(25),
      bottom: z.number().min(5).max(80).default(25),
      left: z.number().min(5).max(80).default(25),
    })
    .default({ top: 25, right: 25, bottom: 25, left: 25 }),
  coverPage: z.boolean().default(false),
  /** Text at the top of every page; `{{field}}` placeholders take the brief's field values. */
  header: z.string().max(300).default(""),
  /** Text at the foot of every page, before "Page X of Y". */
  footer: z.string().max(300).default(""),
  pageNumbers: z.boolean().default(true),
  toc: z.boolean().default(false),
  footnotes: z.enum(["full", "short-repeat"]).default("short-repeat"),
  sourcesList: z.boolean().default(true),
});
export type ExportStyle = z.infer<typeof ExportStyleSchema>;

/** A reusable brief template, as stored in `templates/<id>/template.json` or the store. */
export const TemplateSchema = z.object({
  id: Slug,
  name: z.string().trim().min(1).max(120),
  description: z.string().max(1000).default(""),
  version: z.number().int().positive().default(1),
  fields: z.array(TemplateFieldSchema).max(40).default([]),
  sections: z.array(TemplateSectionSchema).max(100).default([]),
  style: ExportStyleSchema.default(ExportStyleSchema.parse({})),
  /**
   * Least share (0–1) of the brief's factual sentences that must carry a citation; below it,
   * the export asks for confirmation (`proceed=true`) before going ahead.
   */
  minCoverage: z.number().min(0).max(1).optional(),
  /** File name of a reference .docx beside the template, whose styles, header and footer win. */
  referenceDocx: z.string().max(200).optional(),
});
export type Template = z.infer<typeof TemplateSchema>;

/** What a brief with no template (or a since-deleted one) is checked and exported with. */
export const PLAIN_TEMPLATE: Template = TemplateSchema.parse({ id: "plain", name: "Plain" });
export type TemplateInput = z.input<typeof TemplateSchema>;

/** A template as the API lists it: whether it ships with Briefroom or a user made it. */
export type TemplateInfo = Template & { builtIn: boolean };

/** Body of `POST /api/templates` and `PUT /api/templates/:id`: a template; `id` may be left out. */
export const TemplateBodySchema = TemplateSchema.extend({ id: Slug.optional() });
export type TemplateBody = z.input<typeof TemplateBodySchema>;

/** Body of `POST /api/templates` that saves a brief's structure, fields and style as a template. */
export const TemplateFromBriefSchema = z
  .object({ fromBriefId: BriefId, name: z.string().trim().min(1).max(120) })
  .strict();

/** Body of `POST /api/templates`: a template as JSON, or a brief to derive one from. */
export const CreateTemplateSchema = z.union([TemplateFromBriefSchema, TemplateBodySchema]);
