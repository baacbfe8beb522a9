import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call } from "../utils/auth.ts";
import { closeCode, openRawSocket } from "../utils/raw-socket.ts";
import { removeDataDir, startTestServer, type TestServer } from "../utils/server.ts";
import { type Cast, share, sharedBrief, signUpCast } from "./fixtures.ts";

type Who = "owner" | "editor" | "commenter" | "viewer" | "other" | "link" | "anonymous";
const WHO: Who[] = ["owner", "editor", "commenter", "viewer", "other", "link", "anonymous"];

interface Row {
  name: string;
  method: string;
  /** Builds the path (fresh fixtures for destructive routes), and a link token for it. */
  path: (who: Who) => Promise<string | { path: string; link: string }>;
  body?: unknown;
  expect: Record<Who, number>;
}

/** Expected statuses, in the order owner, editor, commenter, viewer, other, link (viewer), anonymous. */
const s = (...codes: number[]): Record<Who, number> =>
  Object.fromEntries(WHO.map((w, i) => [w, codes[i]!])) as Record<Who, number>;

describe("every route answers each role as specified", () => {
  let server: TestServer;
  let cast: Cast;
  let brief: string;
  let link: string;
  const token = (who: Who): string | null =>
    who === "anonymous" ? null : who === "link" ? link : cast[who].token;

  beforeAll(async () => {
    server = await startTestServer();
    cast = await signUpCast(server);
    brief = await sharedBrief(server, cast, "Matrix");
    link = (await share(server, cast.owner, brief, { role: "viewer" })).token!;
  });
  afterAll(async () => {
    await server.close();
    removeDataDir(server.dataDir);
  });

  /** A fresh brief (for deletion), shared like the main one, with its own viewer link. */
  async function doomed(): Promise<{ path: string; link: string }> {
    const id = await sharedBrief(server, cast, "Doomed");
    const own = (await share(server, cast.owner, id, { role: "viewer" })).token!;
    return { path: `/api/briefs/${id}`, link: own };
  }
  const same = async () => `/api/briefs/${brief}`;

  const rows: Row[] = [
    {
      name: "GET /api/me",
      method: "GET",
      path: async () => "/api/me",
      expect: s(200, 200, 200, 200, 200, 401, 401),
    },
    {
      name: "GET /api/briefs",
      method: "GET",
      path: async () => "/api/briefs",
      expect: s(200, 200, 200, 200, 200, 401, 401),
    },
    {
      name: "POST /api/briefs",
      method: "POST",
      path: async () => "/api/briefs",
      body: { title: "Mine" },
      expect: s(201, 201, 201, 201, 201, 401, 401),
    },
    {
      name: "GET /api/briefs/:id",
      method: "GET",
      path: same,
      expect: s(200, 200, 200, 200, 404, 200, 401),
    },
    {
      name: "GET /api/briefs/:unknown",
      method: "GET",
      path: async () => "/api/briefs/no-such-brief",
      expect: s(404, 404, 404, 404, 404, 404, 401),
    },
    {
      name: "PATCH /api/briefs/:id",
      method: "PATCH",
      path: same,
      body: { title: "Renamed" },
      expect: s(200, 200, 403, 403, 404, 403, 401),
    },
    {
      name: "DELETE /api/briefs/:id",
      method: "DELETE",
      path: doomed,
      expect: s(204, 403, 403, 403, 404, 403, 401),
    },
    {
      name: "GET /api/briefs/:id/shares",
      method: "GET",
      path: async () => `/api/briefs/${brief}/shares`,
      expect: s(200, 403, 403, 403, 404, 403, 401),
    },
    {
      name: "POST /api/briefs/:id/shares",
      method: "POST",
      path: async () => `/api/briefs/${brief}/shares`,
      body: { role: "viewer" },
      expect: s(201, 403, 403, 403, 404, 403, 401),
    },
    {
      name: "DELETE /api/briefs/:id/shares/:shareId",
      method: "DELETE",
      path: async () => {
        const made = await share(server, cast.owner, brief, { role: "commenter" });
        return `/api/briefs/${brief}/shares/${made.id}`;
      },
      expect: s(204, 403, 403, 403, 404, 403, 401),
    },
    {
      name: "GET /api/admin/audit",
      method: "GET",
      path: async () => "/api/admin/audit",
      expect: s(403, 403, 403, 403, 403, 401, 401),
    },
    {
      name: "GET /api/briefs/:id/export.docx",
      method: "GET",
      path: async () => `/api/briefs/${brief}/export.docx`,
      expect: s(200, 200, 200, 200, 404, 200, 401),
    },
    {
      name: "GET /api/briefs/:id/check",
      method: "GET",
      path: async () => `/api/briefs/${brief}/check`,
      expect: s(200, 200, 200, 200, 404, 200, 401),
    },
    {
      name: "GET /api/articles",
      method: "GET",
      path: async () => "/api/articles",
      expect: s(200, 200, 200, 200, 200, 401, 401),
    },
    {
      name: "GET /api/templates",
      method: "GET",
      path: async () => "/api/templates",
      expect: s(200, 200, 200, 200, 200, 401, 401),
    },
  ];

  const target = async (row: Row, who: Who) => {
    const made = await row.path(who);
    if (typeof made === "string") return { path: made, token: token(who) };
    return { path: made.path, token: who === "link" ? made.link : token(who) };
  };

  it.for(rows)("$name", async (row) => {
    const actual = {} as Record<Who, number>;
    for (const who of WHO) {
      const { path, token: t } = await target(row, who);
      actual[who] = (await call(server, row.method, path, { token: t, body: row.body })).status;
    }
    expect(actual).toEqual(row.expect);
  });

  it("lists to each user only the briefs they may see, with their role on each", async () => {
    type Listed = { id: string; role: string }[];
    const listed = async (who: Who) =>
      (await call<{ briefs: Listed }>(server, "GET", "/api/briefs", { token: token(who) })).body
        .briefs ?? [];
    for (const who of ["owner", "editor", "commenter", "viewer"] as const)
      expect((await listed(who)).find((b) => b.id === brief)?.role).toBe(who);
    expect((await listed("other")).map((b) => b.id)).not.toContain(brief);
    const admin = (await server.api<{ briefs: Listed }>("GET", "/api/briefs")).body.briefs;
    expect(admin.find((b) => b.id === brief)?.role).toBe("owner");
  });

  it("saves a brief as a template only for those who may read it", async () => {
    const actual = {} as Record<Who, number>;
    for (const who of WHO) {
      actual[who] = (
        await call(server, "POST", "/api/templates", {
          token: token(who),
          body: { fromBriefId: brief, name: `Matrix by ${who}` },
        })
      ).status;
    }
    expect(actual).toEqual(s(201, 201, 201, 201, 404, 401, 401));
  });

  it("lets the admin read the audit log", async () => {
    expect((await server.api("GET", "/api/admin/audit")).status).toBe(200);
  });

  it("opens the WebSocket read-write for owner and editor, read-only for commenter, viewer and link, and refuses the rest", async () => {
    const verdicts: Record<string, string | number> = {};
    for (const who of WHO) {
      const t = token(who);
      const url = `${server.wsUrl}/${brief}${t ? `?token=${t}` : ""}`;
      const socket = openRawSocket(url, { auth: false });
      const first = await Promise.race([
        socket.next((f) => f[0] === 0).then(() => "open" as const),
        closeCode(socket),
      ]);
      verdicts[who] = first;
      socket.ws.close();
    }
    const unknown = openRawSocket(`${server.wsUrl}/no-such-brief?token=${cast.owner.token}`, {
      auth: false,
    });
    verdicts.unknownBrief = await closeCode(unknown);
    expect(verdicts).toEqual({
      owner: "open",
      editor: "open",
      commenter: "open",
      viewer: "open",
      other: 4403,
      link: "open",
      anonymous: 4401,
      unknownBrief: 4404,
    });
  });
});
