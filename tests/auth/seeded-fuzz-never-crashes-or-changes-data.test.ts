import { connect } from "node:net";
import path from "node:path";
import Database from "better-sqlite3";
import * as encoding from "lib0/encoding";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as awarenessProtocol from "y-protocols/awareness";
import * as syncProtocol from "y-protocols/sync";
import * as Y from "yjs";
import { call, sessionCookie, signIn } from "../utils/auth.ts";
import { openRawSocket, type RawSocket } from "../utils/raw-socket.ts";
import { type Random, seededRandom } from "../utils/seeded-random.ts";
import { removeDataDir, startTestServer, type TestServer } from "../utils/server.ts";
import { type Cast, newBrief, share, sharedBrief, signUpCast } from "./fixtures.ts";

const SEED = Number(process.env.FUZZ_SEED ?? 7);
const HTTP_REQUESTS = 8000;
const RAW_TCP = 200;
const WS_FRAMES = 1800;
const CONCURRENCY = 16;

/**
 * Every table, row by row, as bytes (hex for blobs). The audit log is compared apart: it
 * may only grow, by the refused sign-ins and rate limits the fuzz itself causes.
 */
function dump(dataDir: string): { tables: Record<string, string>; audit: unknown[] } {
  const db = new Database(path.join(dataDir, "briefroom.db"), { readonly: true });
  const names = (
    db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as {
      name: string;
    }[]
  )
    .map((r) => r.name)
    .filter((n) => n !== "audit_log" && n !== "sqlite_sequence");
  const replacer = (_k: string, v: unknown) =>
    Buffer.isBuffer(v) ? `hex:${v.toString("hex")}` : v;
  const tables = Object.fromEntries(
    names.map((n) => [
      n,
      // Rows as sorted text: doc_updates has no rowid to order by.
      db
        .prepare(`SELECT * FROM "${n}"`)
        .all()
        .map((row) => JSON.stringify(row, replacer))
        .sort()
        .join("\n"),
    ]),
  );
  const audit = db.prepare("SELECT * FROM audit_log ORDER BY seq").all();
  db.close();
  return { tables, audit };
}

interface Req {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string | Uint8Array;
}

describe(`seeded fuzz (seed ${SEED}; FUZZ_SEED replays)`, () => {
  let server: TestServer;
  let cast: Cast;
  let a: string;
  let b: string;
  const creds: Record<string, string> = {};
  beforeAll(async () => {
    server = await startTestServer();
    cast = await signUpCast(server);
    a = await sharedBrief(server, cast, "Fuzzed A");
    b = await newBrief(server, cast.other, "Fuzzed B");
    creds.viewerLink = (await share(server, cast.owner, a, { role: "viewer" })).token!;
    const revoked = await share(server, cast.owner, a, { role: "editor" });
    await call(server, "DELETE", `/api/briefs/${a}/shares/${revoked.id}`, {
      token: cast.owner.token,
    });
    creds.revokedLink = revoked.token!;
    creds.expiredLink = (
      await share(server, cast.owner, a, {
        role: "editor",
        expiresAt: new Date(Date.now() + 300).toISOString(),
      })
    ).token!;
    creds.ownerCookie = sessionCookie(
      await call(server, "POST", "/api/auth/login", {
        body: { email: cast.owner.user.email, password: "Correct-Horse-42" },
      }),
    );
    await signIn(server, cast.viewer.user.email); // a second live session, as a real user would have
    await new Promise((r) => setTimeout(r, 400)); // let the expiring link expire
  });
  afterAll(async () => {
    await server.close().catch(() => {});
    removeDataDir(server.dataDir);
  });

  /** A request that must be refused, whatever the dice say. */
  function randomRequest(rng: Random): Req {
    const junk = () =>
      rng.pick([
        "",
        "x",
        "..",
        "%2e%2e",
        "%zz",
        "%00",
        "a".repeat(rng.int(300)),
        "€",
        "<script>",
        "'--",
        "?token=",
        "🙂",
      ]);
    const garbageToken = () => Buffer.from(rng.bytes(32)).toString("base64url");
    const body = (): string | Uint8Array | undefined =>
      rng.pick<() => string | Uint8Array | undefined>([
        () => undefined,
        () => rng.bytes(rng.int(200)),
        () => "{".repeat(rng.int(50)),
        () => JSON.stringify({ title: rng.pick([1, null, "", [], {}, "x".repeat(301)]) }),
        () => JSON.stringify({ email: junk(), password: "short", name: junk() }),
        () => JSON.stringify({ role: rng.pick(["owner", "admin", "", 3]), email: junk() }),
        () => JSON.stringify({ title: "ok", extra: true }),
        () => JSON.stringify([1, 2, 3]),
        () => "null",
        () => JSON.stringify({ fields: "not an object" }),
        () => JSON.stringify({ role: "viewer", expiresAt: "yesterday" }),
      ])();
    const contentType = () =>
      rng.pick([
        "application/json",
        "text/plain",
        "application/x-www-form-urlencoded",
        "multipart/form-data; boundary=x",
        "",
      ]);
    const briefPath = (id: string) =>
      `/api/briefs/${id}${rng.pick(["", "", "/shares", `/shares/${junk()}`, "/export.docx", "/check", `/${junk()}`])}`;
    const anyPath = () =>
      rng.pick([
        () => `/api/${junk()}`,
        () => `/api/briefs/${junk()}`,
        () => briefPath(rng.pick([a, b, "no-such-brief"])),
        () => `/api/articles/${junk()}`,
        () => `/api/templates/${junk()}`,
        () => "/api/admin/audit",
        () => `/api/admin/audit?limit=${junk()}`,
        () => "/api/me",
        () => "/api/briefs",
        () => `/collab/${rng.pick([a, b, junk()])}`,
        () => "/api/auth/signup",
        () => "/api/auth/login",
      ])();
    const methods = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"];
    const mutations = ["POST", "PUT", "PATCH", "DELETE"];

    const kind = rng.int(6);
    const headers: Record<string, string> = {};
    const withBody = (req: Req): Req => {
      const b = body();
      if (b === undefined || req.method === "GET" || req.method === "HEAD") return req;
      const type = contentType();
      return {
        ...req,
        body: b,
        headers: { ...req.headers, ...(type ? { "content-type": type } : {}) },
      };
    };
    if (kind === 0) {
      // No credentials, or bad, revoked or expired ones, in every place they can travel.
      const token = rng.pick([garbageToken(), creds.revokedLink!, creds.expiredLink!, "", "x"]);
      const where = rng.int(4);
      let p = anyPath();
      if (where === 1)
        headers.authorization = rng.pick([`Bearer ${token}`, "Basic abc", "Bearer", token]);
      if (where === 2) headers.cookie = `briefroom_session=${token}`;
      if (where === 3) p += `${p.includes("?") ? "&" : "?"}token=${token}`;
      let method = rng.pick(methods);
      if (method === "POST" && p === "/api/auth/logout") method = "GET";
      return withBody({ method, path: p, headers });
    }
    if (kind === 1) {
      // Signed in, but without the role: mutations by read-only roles; anything on B.
      const who = rng.pick(["viewer", "commenter", "viewerLink", "other"] as const);
      const token = who === "viewerLink" ? creds.viewerLink! : cast[who].token;
      const target = who === "other" ? a : rng.pick([a, b]);
      const method =
        target === b || who === "other"
          ? rng.pick(methods.filter((m) => m !== "OPTIONS"))
          : rng.pick(mutations);
      return withBody({
        method,
        path: briefPath(target),
        headers: { authorization: `Bearer ${token}` },
      });
    }
    if (kind === 2) {
      // The owner's cookie, from another site or from nowhere: CSRF.
      const origin = rng.pick(["http://evil.example", "null", undefined]);
      return withBody({
        method: rng.pick(mutations),
        path: rng.pick([
          `/api/briefs/${a}`,
          "/api/briefs",
          `/api/briefs/${a}/shares`,
          "/api/auth/logout",
        ]),
        headers: { cookie: creds.ownerCookie!, ...(origin ? { origin } : {}) },
      });
    }
    if (kind === 3) {
      // The owner, with bodies that must fail validation.
      const [method, p] = rng.pick([
        ["PATCH", `/api/briefs/${a}`],
        ["POST", "/api/briefs"],
        ["POST", `/api/briefs/${a}/shares`],
      ] as const);
      const bad = rng.pick([
        () => ({ raw: rng.bytes(1 + rng.int(100)), type: "application/json" }),
        () => ({
          raw: JSON.stringify({ title: rng.pick([1, null, "", "x".repeat(301)]) }),
          type: "application/json",
        }),
        () => ({
          raw: JSON.stringify({ title: "ok", role: "x", nope: 1 }),
          type: "application/json",
        }),
        () => ({ raw: JSON.stringify({ role: "owner" }), type: "application/json" }),
        () => ({
          raw: JSON.stringify({ email: "not-an-email", role: "viewer" }),
          type: "application/json",
        }),
        () => ({ raw: JSON.stringify([{ title: "x" }]), type: "application/json" }),
        () => ({ raw: JSON.stringify({ title: "valid but wrong type" }), type: "text/plain" }),
        () => ({ raw: "title=form", type: "application/x-www-form-urlencoded" }),
      ])();
      return {
        method,
        path: p,
        headers: { authorization: `Bearer ${cast.owner.token}`, "content-type": bad.type },
        body: bad.raw,
      };
    }
    if (kind === 4) {
      // Sign-up and sign-in that cannot succeed: bad shapes, weak passwords, wrong passwords.
      const p = rng.pick(["/api/auth/signup", "/api/auth/login"]);
      const email = rng.pick([cast.owner.user.email, `nobody${rng.int(5)}@example.com`, junk()]);
      const payload = rng.pick([
        { email, password: "short" },
        {
          email,
          password: `Wrong-${rng.int(1e6)}-pw`,
          ...(p.endsWith("signup") ? { name: "" } : {}),
        },
        { email, password: "x".repeat(201), name: "Big" },
        { email: junk(), password: `Wrong-${rng.int(1e6)}-pw`, name: "N", extra: 1 },
      ]);
      return {
        method: "POST",
        path: p,
        headers: { "content-type": "application/json" },
        body: JSON.stringify(payload),
      };
    }
    // Oversized bodies on the small-body routes.
    return {
      method: "POST",
      path: rng.pick(["/api/auth/login", "/api/auth/signup", `/api/briefs/${a}/shares`]),
      headers: { "content-type": "application/json", authorization: `Bearer ${cast.owner.token}` },
      body: JSON.stringify({ email: "a@b.co", password: "p".repeat(20_000 + rng.int(5000)) }),
    };
  }

  /** Malformed HTTP straight onto the socket; resolves with the status line's code. */
  function rawRequest(rng: Random): Promise<number> {
    const payload = rng.pick([
      () => Buffer.from(rng.bytes(1 + rng.int(200))),
      () => Buffer.from("GET /api/me HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n\r\n"),
      () =>
        Buffer.from(
          "POST /api/briefs HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
        ),
      () => Buffer.from(`GET /${"a".repeat(100_000)} HTTP/1.1\r\nHost: x\r\n\r\n`),
      () => Buffer.from("GET /api/me HTTP/1.1\r\nBad Header\r\n\r\n"),
      () => Buffer.from("GET /api/briefs/%ZZ%00 HTTP/1.1\r\nHost: x\r\n\r\n"),
      () =>
        Buffer.from(
          `GET /api/me HTTP/1.1\r\nHost: x\r\nCookie: ${"briefroom_session=".repeat(500)}\r\n\r\n`,
        ),
    ])();
    return new Promise((resolve) => {
      const socket = connect(server.port, "127.0.0.1");
      let got = "";
      const done = () => {
        socket.destroy();
        const code = /^HTTP\/1\.1 (\d{3})/.exec(got)?.[1];
        resolve(code ? Number(code) : 0);
      };
      socket.on("data", (d) => {
        got += d.toString("latin1");
        if (got.includes("\r\n")) done();
      });
      socket.on("error", done);
      socket.on("close", done);
      socket.setTimeout(3000, done);
      socket.write(payload);
    });
  }

  /** A frame of the kinds a misbehaving read-only client could send. */
  function randomFrame(rng: Random): Uint8Array | string {
    const doc = new Y.Doc();
    doc.getXmlFragment("default").insert(0, [new Y.XmlText(`fuzz ${rng.int(1e6)}`)]);
    doc.getMap("meta").set("title", "hijacked");
    const kind = rng.int(8);
    const enc = encoding.createEncoder();
    if (kind < 3) {
      encoding.writeVarUint(enc, 0);
      syncProtocol.writeUpdate(enc, Y.encodeStateAsUpdate(doc));
    } else if (kind === 3) {
      encoding.writeVarUint(enc, 0);
      syncProtocol.writeSyncStep2(enc, doc, new Uint8Array([0]));
    } else if (kind === 4) {
      const awareness = new awarenessProtocol.Awareness(doc);
      awareness.setLocalState({ user: { name: "fuzz" } });
      encoding.writeVarUint(enc, 1);
      encoding.writeVarUint8Array(
        enc,
        awarenessProtocol.encodeAwarenessUpdate(awareness, [doc.clientID]),
      );
      awareness.destroy();
    } else if (kind === 5) {
      return rng.bytes(1 + rng.int(64));
    } else if (kind === 6) {
      return rng.pick(["hello", "{}", ""]);
    } else {
      encoding.writeVarUint(enc, rng.pick([3, 2, 9, 200]));
    }
    doc.destroy();
    return encoding.toUint8Array(enc);
  }

  it("answers only 4xx, closes only with 44xx, survives, and leaves the stored data unchanged", async () => {
    const rng = seededRandom(SEED);
    const before = dump(server.dataDir);
    // Dot segments ("/api/..") are resolved by the URL parser before sending; a path that
    // resolves outside the API is a page request, answered with the app, so draw again.
    const inScope = (r: Req) => /^\/(api|collab)\//.test(new URL(server.url + r.path).pathname);
    const requests = Array.from({ length: HTTP_REQUESTS }, () => {
      let req = randomRequest(rng);
      while (!inScope(req)) req = randomRequest(rng);
      return req;
    });
    const raws = Array.from({ length: RAW_TCP }, () => rng.next());

    const statuses = new Map<number, number>();
    const bad: string[] = [];
    let next = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < requests.length) {
          const req = requests[next++]!;
          const res = await fetch(server.url + req.path, {
            method: req.method,
            headers: req.headers,
            body: req.body as BodyInit | undefined,
          }).catch((err: Error) => ({ status: -1, text: async () => err.message }));
          await res.text();
          statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
          if (res.status < 400 || res.status >= 500)
            bad.push(`${res.status} ${req.method} ${req.path.slice(0, 80)}`);
        }
      }),
    );
    for (const r of raws) {
      const code = await rawRequest(seededRandom(Math.floor(r * 2 ** 31)));
      if (code !== 0 && (code < 400 || code >= 500)) bad.push(`raw ${code}`);
    }

    // WebSocket frames from read-only, foreign and anonymous connections.
    const codes: number[] = [];
    const tokens = [
      creds.viewerLink,
      cast.viewer.token,
      cast.commenter.token,
      cast.other.token,
      "",
      Buffer.from(rng.bytes(32)).toString("base64url"),
    ];
    let sockets: RawSocket[] = [];
    const reopen = (i: number) => {
      const t = tokens[i % tokens.length]!;
      // B belongs to "other", who may write it: they connect to A, where they have no access.
      const target = t === cast.other.token ? a : rng.pick([a, a, b]);
      const socket = openRawSocket(`${server.wsUrl}/${target}${t ? `?token=${t}` : ""}`, {
        auth: false,
      });
      void socket.closed.then((c) => codes.push(c.code));
      return socket;
    };
    sockets = tokens.map((_, i) => reopen(i));
    for (let sent = 0; sent < WS_FRAMES; sent++) {
      const i = rng.int(sockets.length);
      let socket = sockets[i]!;
      if (socket.ws.readyState > 1) sockets[i] = socket = reopen(i);
      if (socket.ws.readyState === 0) await socket.opened.catch(() => {});
      if (socket.ws.readyState === 1) socket.ws.send(randomFrame(rng));
      if (sent % 50 === 0) await new Promise((r) => setTimeout(r, 5));
    }
    await new Promise((r) => setTimeout(r, 300));
    for (const s of sockets) s.ws.close();
    await Promise.all(sockets.map((s) => s.closed));

    expect(bad, `non-4xx answers (statuses: ${JSON.stringify([...statuses])})`).toEqual([]);
    const serverCodes = codes.filter((c) => c !== 1005 && c !== 1000);
    expect(
      serverCodes.every((c) => c >= 4400 && c < 4500),
      `close codes ${[...new Set(codes)]}`,
    ).toBe(true);
    expect(serverCodes.length).toBeGreaterThan(0);
    expect((await call(server, "GET", "/healthz")).status).toBe(200);

    const owner = await call<{ title: string; doc: unknown }>(server, "GET", `/api/briefs/${a}`, {
      token: cast.owner.token,
    });
    expect(owner.body.title).toBe("Fuzzed A");
    await server.close();
    const after = dump(server.dataDir);
    const changed = Object.keys({ ...before.tables, ...after.tables }).filter(
      (t) => before.tables[t] !== after.tables[t],
    );
    expect(changed, "tables whose bytes changed").toEqual([]);
    expect(JSON.stringify(after.audit.slice(0, before.audit.length))).toBe(
      JSON.stringify(before.audit),
    );
    const added = new Set(
      after.audit.slice(before.audit.length).map((e) => (e as { type: string }).type),
    );
    for (const type of added) expect(["login_failed", "rate_limited"]).toContain(type);
    // 8,000 requests and 1,800 frames: ~25 s alone on a slow 2-core machine, more beside
    // the rest of the suite.
  }, 120_000);
});
