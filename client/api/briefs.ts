import type { BriefRole } from "../../server/schema/auth.ts";
import type { BriefWithDoc, CreateBrief } from "../../server/schema/brief.ts";
import type { CheckResult } from "../../server/schema/check.ts";
import { apiFetch, client, done, ok } from "./client.ts";
import { errorFromResponse } from "./errors.ts";

const byId = client.api.briefs[":id"];

/** A link share's token as the credential of one request (it wins over the session cookie). */
const linkAuth = (token?: string) =>
  token ? { headers: { authorization: `Bearer ${token}` } } : undefined;

/** How to export: past the source check's objections, and with the evidence annex. */
export interface ExportOptions {
  /** A link share's token, when the brief was opened through one. */
  token?: string;
  /** Export despite source problems or low coverage (the server then marks the problems). */
  proceed?: boolean;
  /** Add the evidence annex (every quote with its source paragraph) after Sources. */
  annex?: boolean;
}

/** Briefs: list (with who is in each), create, read, delete, check, export. */
export const briefsApi = {
  list: async () => (await ok(client.api.briefs.$get())).briefs,
  create: (input: CreateBrief) => ok(client.api.briefs.$post({ json: input })),
  /** Reads a brief; `token` is a link share's token (`?token=` is accepted on this route). */
  get: (id: string, token?: string) =>
    ok(byId.$get({ param: { id }, ...(token ? { query: { token } } : {}) })) as Promise<
      BriefWithDoc & { role: BriefRole }
    >,
  remove: (id: string) => done(byId.$delete({ param: { id } })),
  /** The source check of the live brief: quotation problems and citation coverage. */
  check: (id: string, token?: string, signal?: AbortSignal): Promise<CheckResult> =>
    ok(byId.check.$get({ param: { id } }, { ...linkAuth(token), init: { signal } })),
  /**
   * The brief rendered by its template as a Word document. A brief with source problems or
   * coverage under its template's minimum is refused (an `ApiError` with status 409 and id
   * `source_problems` or `coverage_below_minimum`) unless `proceed` is set.
   */
  async exportDocx(id: string, options: ExportOptions = {}): Promise<Blob> {
    const query = {
      ...(options.proceed ? { proceed: "true" as const } : {}),
      ...(options.annex ? { annex: "true" as const } : {}),
    };
    const url = byId["export.docx"].$url({ param: { id }, query });
    const res = await apiFetch(url, linkAuth(options.token));
    if (!res.ok) throw await errorFromResponse(res);
    return res.blob();
  },
};

export type BriefListItem = Awaited<ReturnType<typeof briefsApi.list>>[number];
