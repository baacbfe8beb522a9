import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BriefComment } from "../../server/schema/comment.ts";
import { type Cast, share, sharedBrief, signUpCast } from "../auth/fixtures.ts";
import { type Answer, call } from "../utils/auth.ts";
import { connectClient, eventually, fragmentText, synced } from "../utils/clients.ts";
import { removeDataDir, startTestServer, type TestServer } from "../utils/server.ts";

describe("comments", () => {
  let server: TestServer;
  let cast: Cast;
  let id: string;
  beforeAll(async () => {
    server = await startTestServer();
    cast = await signUpCast(server);
    id = await sharedBrief(server, cast, "Commented brief");
  });
  afterAll(async () => {
    await server.close();
    removeDataDir(server.dataDir);
  });

  const comment = (token: string, body: unknown): Promise<Answer<BriefComment>> =>
    call<BriefComment>(server, "POST", `/api/briefs/${id}/comments`, { token, body });
  const remove = (token: string, commentId: string) =>
    call(server, "DELETE", `/api/briefs/${id}/comments/${commentId}`, { token });

  it("a commenter's comment reaches everyone with the brief open, and never the body", async () => {
    const owner = connectClient(server.wsUrl, id, { params: { token: cast.owner.token } });
    await synced(owner.provider);
    const body = fragmentText(owner.doc);

    const res = await comment(cast.commenter.token, {
      text: "  Is this figure from the ministry?  ",
      quote: "the figure",
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      authorId: cast.commenter.user.id,
      authorName: cast.commenter.user.name,
      text: "Is this figure from the ministry?",
      quote: "the figure",
    });
    const live = owner.doc.getArray<BriefComment>("comments");
    await eventually(() => live.length === 1, 5000, "the comment to arrive");
    expect(live.get(0)).toEqual(res.body);
    expect(fragmentText(owner.doc)).toBe(body);

    const listed = await call<{ comments: BriefComment[] }>(
      server,
      "GET",
      `/api/briefs/${id}/comments`,
      { token: cast.viewer.token },
    );
    expect(listed.body.comments).toEqual([res.body]);
    owner.destroy();
  });

  it("viewers and strangers cannot comment; a bad comment is a 400 naming its field", async () => {
    expect((await comment(cast.viewer.token, { text: "Hello" })).status).toBe(403);
    expect((await comment(cast.other.token, { text: "Hello" })).status).toBe(404);
    const empty = await comment(cast.commenter.token, { text: "   " });
    expect(empty.status).toBe(400);
    expect(JSON.stringify(empty.body)).toContain("text");
    expect((await comment(cast.commenter.token, { text: "x".repeat(2001) })).status).toBe(400);
    expect((await comment(cast.commenter.token, { text: "Hi", extra: 1 })).status).toBe(400);
  });

  it("a guest with a commenter link comments under the link's name", async () => {
    const link = await share(server, cast.owner, id, { role: "commenter" });
    const res = await comment(link.token!, { text: "From outside" });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      authorId: `link:${link.id}`,
      authorName: "Guest with a link",
    });
    const viewerLink = await share(server, cast.owner, id, { role: "viewer" });
    expect((await comment(viewerLink.token!, { text: "No" })).status).toBe(403);
  });

  it("its author or an editor deletes a comment; another commenter or a viewer cannot", async () => {
    const mine = (await comment(cast.commenter.token, { text: "Mine" })).body;
    const editors = (await comment(cast.editor.token, { text: "The editor's" })).body;
    expect((await remove(cast.commenter.token, editors.id)).status).toBe(403);
    expect((await remove(cast.viewer.token, mine.id)).status).toBe(403);
    expect((await remove(cast.commenter.token, mine.id)).status).toBe(204);
    expect((await remove(cast.commenter.token, mine.id)).status).toBe(404);
    expect((await remove(cast.owner.token, editors.id)).status).toBe(204);

    const listed = await call<{ comments: BriefComment[] }>(
      server,
      "GET",
      `/api/briefs/${id}/comments`,
      { token: cast.owner.token },
    );
    expect(listed.body.comments.map((x) => x.id)).not.toContain(mine.id);
    expect(listed.body.comments.map((x) => x.id)).not.toContain(editors.id);
  });

  it("a brief holds at most 500 open comments; resolving one makes room", async () => {
    const full = await sharedBrief(server, cast, "Much discussed");
    const post = (text: string) =>
      call<BriefComment>(server, "POST", `/api/briefs/${full}/comments`, {
        token: cast.commenter.token,
        body: { text },
      });
    const made: BriefComment[] = [];
    for (let batch = 0; batch < 10; batch++) {
      const answers = await Promise.all(
        Array.from({ length: 50 }, (_, i) => post(`Comment ${batch * 50 + i}`)),
      );
      for (const a of answers) made.push(a.body);
    }
    const refused = await post("One too many");
    expect(refused.status).toBe(409);
    expect(JSON.stringify(refused.body)).toContain("too_many_comments");
    const resolved = await call(server, "DELETE", `/api/briefs/${full}/comments/${made[0]!.id}`, {
      token: cast.commenter.token,
    });
    expect(resolved.status).toBe(204);
    expect((await post("Now there is room")).status).toBe(201);
  });

  it("comments are stored with the brief and outlive a restart", async () => {
    const kept = (await comment(cast.editor.token, { text: "Kept" })).body;
    await server.close();
    server = await startTestServer({}, { dataDir: server.dataDir, account: false });
    const listed = await call<{ comments: BriefComment[] }>(
      server,
      "GET",
      `/api/briefs/${id}/comments`,
      { token: cast.owner.token },
    );
    expect(listed.body.comments).toContainEqual(kept);
  });
});
