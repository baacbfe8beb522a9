import type { BriefWithDoc, CreateBrief } from "../../server/schema/brief.ts";
import { apiFetch, client, done, ok } from "./client.ts";
import { errorFromResponse } from "./errors.ts";

const byId = client.api.briefs[":id"];

/** A link share's token as the credential of one request (it wins over the session cookie). */
const linkAuth = (token?: string) =>
  token ? { headers: { authorization: `Bearer ${token}` } } : undefined;

/** Briefs: list (with who is in each), create, read, delete, export. */
export const briefsApi = {
  list: async () => (await ok(client.api.briefs.$get())).briefs,
  create: (input: CreateBrief) => ok(client.api.briefs.$post({ json: input })),
  /** Reads a brief; `token` is a link share's token (`?token=` is accepted on this route). */
  get: (id: string, token?: string) =>
    ok(byId.$get({ param: { id }, ...(token ? { query: { token } } : {}) })) as Promise<
      BriefWithDoc & { role?: string }
    >,
  /**
   * Whether the caller may change the brief: an empty PATCH, which changes nothing, answers
   * 200 for editors and owners and 403 for commenters and viewers. Needed only while
   * `GET /api/briefs/:id` does not say the caller's role.
   */
  async canEdit(id: string, token?: string): Promise<boolean> {
    const res = await byId.$patch({ param: { id }, json: {} }, linkAuth(token));
    if (res.ok) return true;
    if (res.status === 403) return false;
    throw await errorFromResponse(res as unknown as Response);
  },
  remove: (id: string) => done(byId.$delete({ param: { id } })),
  /** The brief rendered by its template as a Word document. */
  async exportDocx(id: string, token?: string): Promise<Blob> {
    const res = await apiFetch(byId["export.docx"].$url({ param: { id }, query: {} }), linkAuth(token));
    if (!res.ok) throw await errorFromResponse(res);
    return res.blob();
  },
};

export type BriefListItem = Awaited<ReturnType<typeof briefsApi.list>>[number];
