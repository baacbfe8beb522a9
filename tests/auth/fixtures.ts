import type { ShareView } from "../../server/schema/auth.ts";
import { call, type SignedUp, signUp } from "../utils/auth.ts";
import type { TestServer } from "../utils/server.ts";

export type ShareRole = "editor" | "commenter" | "viewer";

/** The cast of the access tests: an owner, one user per share role and a stranger. */
export interface Cast {
  owner: SignedUp;
  editor: SignedUp;
  commenter: SignedUp;
  viewer: SignedUp;
  other: SignedUp;
}

export async function signUpCast(server: TestServer): Promise<Cast> {
  const [owner, editor, commenter, viewer, other] = await Promise.all(
    ["Owner", "Editor", "Commenter", "Viewer", "Other"].map((name) => signUp(server, { name })),
  );
  return { owner: owner!, editor: editor!, commenter: commenter!, viewer: viewer!, other: other! };
}

/** A brief made by `owner`; returns its id. */
export async function newBrief(
  server: TestServer,
  owner: SignedUp,
  title = "Shared brief",
): Promise<string> {
  const res = await call<{ id: string }>(server, "POST", "/api/briefs", {
    token: owner.token,
    body: { title },
  });
  if (res.status !== 201) throw new Error(`creating a brief failed: ${res.status}`);
  return res.body.id;
}

/** Shares a brief with a person (by email) or, without one, as a link. */
export async function share(
  server: TestServer,
  owner: SignedUp,
  briefId: string,
  spec: { email?: string; role: ShareRole; expiresAt?: string },
): Promise<ShareView> {
  const res = await call<ShareView>(server, "POST", `/api/briefs/${briefId}/shares`, {
    token: owner.token,
    body: spec,
  });
  if (res.status !== 201 && res.status !== 200)
    throw new Error(`sharing failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** A brief owned by the cast's owner and shared with its editor, commenter and viewer. */
export async function sharedBrief(server: TestServer, cast: Cast, title?: string): Promise<string> {
  const id = await newBrief(server, cast.owner, title);
  for (const role of ["editor", "commenter", "viewer"] as const) {
    await share(server, cast.owner, id, { email: cast[role].user.email, role });
  }
  return id;
}
