import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { openSqliteStore } from "../../server/store/sqlite/open.ts";
import {
  appendParagraph,
  connectClient,
  eventually,
  fragmentText,
  synced,
} from "../utils/clients.ts";
import { removeDataDir, startTestServer, type TestServer } from "../utils/server.ts";
import { type Cast, sharedBrief, signUpCast } from "./fixtures.ts";

describe("a read-only connection", () => {
  let server: TestServer;
  let cast: Cast;
  beforeAll(async () => {
    server = await startTestServer();
    cast = await signUpCast(server);
  });
  afterAll(async () => {
    await server.close().catch(() => {});
    removeDataDir(server.dataDir);
  });

  it("receives updates and shows as present, but its edits reach neither the document nor other clients", async () => {
    const id = await sharedBrief(server, cast, "Read only");
    const as = (who: keyof Cast) =>
      connectClient(server.wsUrl, id, { params: { token: cast[who].token } });
    const owner = as("owner");
    const viewer = as("viewer");
    const commenter = as("commenter");
    await Promise.all([owner, viewer, commenter].map((c) => synced(c.provider)));

    viewer.provider.awareness.setLocalStateField("user", { name: "Viewer" });
    await eventually(
      () => owner.provider.awareness.getStates().has(viewer.doc.clientID),
      5000,
      "the viewer to show as present",
    );

    appendParagraph(viewer.doc, "viewer edit");
    appendParagraph(commenter.doc, "commenter edit");
    // An edit the owner makes afterwards reaches the read-only clients: by then the server has
    // handled their frames (one socket delivers in order).
    appendParagraph(owner.doc, "owner edit");
    await eventually(
      () => viewer.text().includes("owner edit"),
      5000,
      "the viewer to receive the owner's edit",
    );
    await eventually(
      () => commenter.text().includes("owner edit"),
      5000,
      "the commenter to receive it",
    );

    const fresh = connectClient(server.wsUrl, id, { params: { token: cast.editor.token } });
    await synced(fresh.provider);
    for (const text of [owner.text(), fresh.text()]) {
      expect(text).toContain("owner edit");
      expect(text).not.toContain("viewer edit");
      expect(text).not.toContain("commenter edit");
    }
    const read = await server.api<{ doc: unknown }>("GET", `/api/briefs/${id}`);
    expect(JSON.stringify(read.body.doc)).not.toMatch(/viewer edit|commenter edit/);
    for (const c of [owner, viewer, commenter, fresh]) c.destroy();

    await server.close();
    const store = openSqliteStore(server.dataDir);
    const stored = await store.docs.load(id);
    await store.close();
    const doc = new Y.Doc();
    Y.applyUpdate(doc, Y.mergeUpdates([stored!.snapshot!, ...stored!.updates].filter(Boolean)));
    expect(fragmentText(doc)).toContain("owner edit");
    expect(fragmentText(doc)).not.toMatch(/viewer edit|commenter edit/);
  });
});
