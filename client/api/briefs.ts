import type { CreateBrief } from "../../server/schema/brief.ts";
import { apiFetch, client, done, ok } from "./client.ts";
import { errorFromResponse } from "./errors.ts";

const byId = client.api.briefs[":id"];

/** Briefs: list (with who is in each), create, read, delete, export. */
export const briefsApi = {
  list: async () => (await ok(client.api.briefs.$get())).briefs,
  create: (input: CreateBrief) => ok(client.api.briefs.$post({ json: input })),
  get: (id: string) => ok(byId.$get({ param: { id } })),
  remove: (id: string) => done(byId.$delete({ param: { id } })),
  /** The brief rendered by its template as a Word document. */
  async exportDocx(id: string): Promise<Blob> {
    const res = await apiFetch(byId["export.docx"].$url({ param: { id } }));
    if (!res.ok) throw await errorFromResponse(res);
    return res.blob();
  },
};

export type BriefListItem = Awaited<ReturnType<typeof briefsApi.list>>[number];
