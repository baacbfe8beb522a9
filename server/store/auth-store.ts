/**
 * What the store keeps for accounts and access: users, sessions, brief shares and the
 * audit log. Secrets are stored only as derived values: password hashes (scrypt) and
 * SHA-256 hashes of session and link tokens.
 */

/** Roles a share can grant; the owner's role comes from the brief itself. */
export type ShareRole = "editor" | "commenter" | "viewer";

export interface User {
  id: string;
  /** Lower-cased, trimmed; unique. */
  email: string;
  name: string;
  isAdmin: boolean;
  createdAt: string;
}

export interface NewUser {
  id: string;
  email: string;
  name: string;
  passwordHash: string;
}

export interface UserRepo {
  /**
   * Creates a user. The first user of an empty store becomes admin, decided atomically so
   * two racing sign-ups cannot both become admin. Null when the email is taken.
   */
  create(user: NewUser): Promise<User | null>;
  get(id: string): Promise<User | null>;
  /** The user and their password hash, for signing in. */
  byEmail(email: string): Promise<{ user: User; passwordHash: string } | null>;
  count(): Promise<number>;
  /** Replaces a user's password hash. */
  setPassword(userId: string, passwordHash: string): Promise<void>;
}

export interface SessionRepo {
  create(session: { tokenHash: string; userId: string; expiresAt: string }): Promise<void>;
  /** The user a session token hash belongs to and when it ends; null when unknown or expired at `now`. */
  find(tokenHash: string, now: string): Promise<{ user: User; expiresAt: string } | null>;
  delete(tokenHash: string): Promise<void>;
  /** Ends every session of a user but `keep`; returns the token hashes of those ended. */
  deleteOthers(userId: string, keep: string): Promise<string[]>;
  /** Drops sessions that expired before `now`; returns how many. */
  deleteExpired(now: string): Promise<number>;
}

/** A brief shared with a person (by email, pending until they sign up) or by link. */
export interface Share {
  id: string;
  briefId: string;
  kind: "user" | "link";
  role: ShareRole;
  /** The account a user share belongs to; null while the invitee has no account. */
  userId: string | null;
  email: string | null;
  /** Link shares only; ISO time after which the link no longer works. */
  expiresAt: string | null;
  createdBy: string;
  createdAt: string;
}

export interface ShareRepo {
  /** Shares with a person, or changes the role of their existing share on that brief. */
  upsertUserShare(share: {
    id: string;
    briefId: string;
    email: string;
    userId: string | null;
    role: ShareRole;
    createdBy: string;
  }): Promise<{ share: Share; created: boolean }>;
  createLinkShare(share: {
    id: string;
    briefId: string;
    tokenHash: string;
    role: ShareRole;
    expiresAt: string | null;
    createdBy: string;
  }): Promise<Share>;
  get(id: string): Promise<Share | null>;
  list(briefId: string): Promise<Share[]>;
  /** The share giving `userId` access to `briefId`, if any. */
  forUser(briefId: string, userId: string): Promise<Share | null>;
  /** The link share a token hash belongs to (expired ones too: the caller checks). */
  byTokenHash(tokenHash: string): Promise<Share | null>;
  /** Every brief shared with the user, and the role each share gives. */
  rolesForUser(userId: string): Promise<Map<string, ShareRole>>;
  /** Whether any brief is waiting for this email to sign up (invite-only sign-up). */
  hasPending(email: string): Promise<boolean>;
  /** Attaches the pending shares of `email` to the account just created for it. */
  claim(email: string, userId: string): Promise<number>;
  delete(id: string): Promise<boolean>;
}

export type AuditType =
  | "signup"
  | "login"
  | "login_failed"
  | "logout"
  | "password_changed"
  | "rate_limited"
  | "share_created"
  | "share_updated"
  | "share_revoked"
  | "brief_deleted"
  | "article_deleted"
  | "template_deleted"
  | "export";

export interface AuditEvent {
  type: AuditType;
  actorId: string | null;
  briefId?: string | null;
  ip?: string | null;
  /** Never secrets: no passwords, no tokens. */
  details?: Record<string, unknown>;
}

export interface AuditEntry {
  seq: number;
  at: string;
  type: AuditType;
  actorId: string | null;
  briefId: string | null;
  ip: string | null;
  details: Record<string, unknown>;
}

export interface AuditRepo {
  record(event: AuditEvent): Promise<void>;
  /** Newest first; `before` pages back from a `seq`. */
  list(opts: { limit: number; before?: number }): Promise<AuditEntry[]>;
}
