import { afterEach, beforeEach, describe, expect, it } from "vitest";
import * as Y from "yjs";
import type { Store } from "../../server/store/store.ts";

async function brief(store: Store, id: string, ownerId: string | null = null): Promise<void> {
  const y = new Y.Doc();
  await store.briefs.create({
    id,
    title: id,
    templateId: null,
    fields: {},
    ownerId,
    state: Y.encodeStateAsUpdate(y),
    stateVector: Y.encodeStateVector(y),
    doc: { type: "doc", content: [] },
  });
}

const user = (id: string, email = `${id}@example.com`) => ({
  id,
  email,
  name: id,
  passwordHash: `scrypt$hash-of-${id}`,
});

/** Users, sessions, shares and the audit log: the same behaviour on every backend. */
export function authStoreContract(
  name: string,
  open: () => Promise<Store>,
  cleanup: (s: Store) => Promise<void>,
) {
  describe(`${name} auth store contract`, () => {
    let store: Store;
    beforeEach(async () => {
      store = await open();
    });
    afterEach(async () => {
      await cleanup(store);
    });

    it("makes the first user admin and refuses a taken email", async () => {
      const first = await store.users.create(user("u1"));
      const second = await store.users.create(user("u2"));
      expect(first).toMatchObject({ id: "u1", email: "u1@example.com", isAdmin: true });
      expect(second?.isAdmin).toBe(false);
      expect(await store.users.create(user("u3", "u1@example.com"))).toBeNull();
      expect(await store.users.count()).toBe(2);
      expect(await store.users.byEmail("u2@example.com")).toMatchObject({
        user: { id: "u2" },
        passwordHash: "scrypt$hash-of-u2",
      });
      expect(await store.users.get("nobody")).toBeNull();
    });

    it("makes exactly one admin when first sign-ups race", async () => {
      const made = await Promise.all(
        ["a", "b", "c", "d"].map((id) => store.users.create(user(id))),
      );
      expect(made.filter((u) => u?.isAdmin)).toHaveLength(1);
    });

    it("resolves a session until it expires or is deleted", async () => {
      await store.users.create(user("u1"));
      const now = "2030-01-01T00:00:00.000Z";
      await store.sessions.create({
        tokenHash: "h1",
        userId: "u1",
        expiresAt: "2030-01-02T00:00:00.000Z",
      });
      await store.sessions.create({
        tokenHash: "h2",
        userId: "u1",
        expiresAt: "2029-12-31T00:00:00.000Z",
      });
      expect(await store.sessions.find("h1", now)).toMatchObject({
        user: { id: "u1" },
        expiresAt: "2030-01-02T00:00:00.000Z",
      });
      expect(await store.sessions.find("h2", now)).toBeNull();
      expect(await store.sessions.deleteExpired(now)).toBe(1);
      await store.sessions.delete("h1");
      expect(await store.sessions.find("h1", now)).toBeNull();
    });

    it("replaces a password and ends a user's other sessions, and only theirs", async () => {
      await store.users.create(user("u1", "u1@example.com"));
      await store.users.create(user("u2", "u2@example.com"));
      const later = "2030-01-02T00:00:00.000Z";
      for (const [tokenHash, userId] of [
        ["keep", "u1"],
        ["end1", "u1"],
        ["end2", "u1"],
        ["theirs", "u2"],
      ] as const)
        await store.sessions.create({ tokenHash, userId, expiresAt: later });
      expect((await store.sessions.deleteOthers("u1", "keep")).sort()).toEqual(["end1", "end2"]);
      const now = "2030-01-01T00:00:00.000Z";
      expect(await store.sessions.find("keep", now)).not.toBeNull();
      expect(await store.sessions.find("end1", now)).toBeNull();
      expect(await store.sessions.find("theirs", now)).not.toBeNull();

      await store.users.setPassword("u1", "new-hash");
      expect((await store.users.byEmail("u1@example.com"))?.passwordHash).toBe("new-hash");
      expect((await store.users.byEmail("u2@example.com"))?.passwordHash).not.toBe("new-hash");
    });

    it("shares with people, pending until they sign up, and changes roles in place", async () => {
      await store.users.create(user("owner"));
      await brief(store, "b1", "owner");
      const pending = await store.shares.upsertUserShare({
        id: "s1",
        briefId: "b1",
        email: "later@example.com",
        userId: null,
        role: "viewer",
        createdBy: "owner",
      });
      expect(pending).toMatchObject({
        created: true,
        share: { kind: "user", userId: null, role: "viewer" },
      });
      expect(await store.shares.hasPending("later@example.com")).toBe(true);
      await store.users.create(user("later", "later@example.com"));
      expect(await store.shares.claim("later@example.com", "later")).toBe(1);
      expect(await store.shares.hasPending("later@example.com")).toBe(false);
      expect((await store.shares.forUser("b1", "later"))?.id).toBe("s1");
      const changed = await store.shares.upsertUserShare({
        id: "s2",
        briefId: "b1",
        email: "later@example.com",
        userId: "later",
        role: "editor",
        createdBy: "owner",
      });
      expect(changed).toMatchObject({ created: false, share: { id: "s1", role: "editor" } });
      expect(await store.shares.rolesForUser("later")).toEqual(new Map([["b1", "editor"]]));
    });

    it("finds link shares by token hash, never returning the hash", async () => {
      await store.users.create(user("owner"));
      await brief(store, "b1", "owner");
      const link = await store.shares.createLinkShare({
        id: "l1",
        briefId: "b1",
        tokenHash: "th",
        role: "commenter",
        expiresAt: "2030-01-01T00:00:00.000Z",
        createdBy: "owner",
      });
      expect(link).toMatchObject({
        kind: "link",
        role: "commenter",
        expiresAt: "2030-01-01T00:00:00.000Z",
      });
      expect(JSON.stringify(await store.shares.byTokenHash("th"))).not.toContain('"th"');
      expect((await store.shares.byTokenHash("th"))?.id).toBe("l1");
      expect(await store.shares.list("b1")).toHaveLength(1);
      expect(await store.shares.delete("l1")).toBe(true);
      expect(await store.shares.byTokenHash("th")).toBeNull();
      expect(await store.shares.delete("l1")).toBe(false);
    });

    it("drops a brief's shares with the brief", async () => {
      await store.users.create(user("owner"));
      await brief(store, "b1", "owner");
      await store.shares.createLinkShare({
        id: "l1",
        briefId: "b1",
        tokenHash: "th",
        role: "viewer",
        expiresAt: null,
        createdBy: "owner",
      });
      await store.briefs.delete("b1");
      expect(await store.shares.get("l1")).toBeNull();
    });

    it("keeps the audit log in order and pages back through it", async () => {
      for (let i = 0; i < 5; i++) {
        await store.audit.record({
          type: "login_failed",
          actorId: null,
          ip: "127.0.0.1",
          details: { i },
        });
      }
      const newest = await store.audit.list({ limit: 2 });
      expect(newest.map((e) => e.details.i)).toEqual([4, 3]);
      const older = await store.audit.list({ limit: 10, before: newest[1]!.seq });
      expect(older.map((e) => e.details.i)).toEqual([2, 1, 0]);
      expect(older[0]).toMatchObject({
        type: "login_failed",
        actorId: null,
        briefId: null,
        ip: "127.0.0.1",
      });
    });
  });
}
