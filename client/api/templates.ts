import type { TemplateInfo } from "../../server/schema/template.ts";
import { client, done, ok } from "./client.ts";

/** Brief templates: the built-in ones and any the team saved. */
export const templatesApi = {
  list: async (): Promise<TemplateInfo[]> => {
    const body: unknown = await ok(client.api.templates.$get());
    // The list is an array; tolerate `{templates}` should the route wrap it.
    return Array.isArray(body) ? body : (body as { templates: TemplateInfo[] }).templates;
  },
  get: async (id: string): Promise<TemplateInfo> =>
    ok(client.api.templates[":id"].$get({ param: { id } })) as Promise<TemplateInfo>,
  /** Deletes a template the team saved (built-in ones cannot be). */
  remove: (id: string): Promise<void> =>
    done(client.api.templates[":id"].$delete({ param: { id } })),
  /** Saves a brief's structure, fields and style as a new template named `name`. */
  fromBrief: async (fromBriefId: string, name: string): Promise<TemplateInfo> =>
    ok(client.api.templates.$post({ json: { fromBriefId, name } })) as Promise<TemplateInfo>,
};
