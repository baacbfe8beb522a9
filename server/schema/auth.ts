import { z } from "zod";

/** Emails are compared lower-cased and trimmed; that is how they are stored. */
export const EmailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, "an email address is at most 254 characters")
  .pipe(z.email("not a valid email address"));

/** The password policy itself is checked on sign-up (server/auth/password.ts). */
const Password = z.string().min(1, "enter a password").max(200, "at most 200 characters");

const Name = z
  .string()
  .trim()
  .min(1, "enter your name")
  .max(100, "at most 100 characters")
  .regex(/^[^\p{Cc}]*$/u, "no control characters");

/** Body of `POST /api/auth/signup`. */
export const SignupSchema = z
  .object({ email: EmailSchema, password: Password, name: Name })
  .strict();
export type Signup = z.infer<typeof SignupSchema>;

/** Body of `POST /api/me/password`. */
export const PasswordChangeSchema = z
  .object({ currentPassword: Password, newPassword: Password })
  .strict();

/** Body of `POST /api/auth/login`. */
export const LoginSchema = z.object({ email: EmailSchema, password: Password }).strict();
export type Login = z.infer<typeof LoginSchema>;

/** A signed-in account as the API shows it (never its password hash). */
export const PublicUserSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  isAdmin: z.boolean(),
  createdAt: z.string(),
});
export type PublicUser = z.infer<typeof PublicUserSchema>;

/** `POST /api/auth/signup|login`: the session token (also set as a cookie) and the user. */
export interface AuthResponse {
  token: string;
  user: PublicUser;
}

/** Roles a share grants, weakest last; the owner's role is not shareable. */
export const ShareRoleSchema = z.enum(["editor", "commenter", "viewer"]);
/** What a caller may do with a brief: a share's role, or "owner". */
export type BriefRole = "owner" | z.infer<typeof ShareRoleSchema>;

/** Body of `POST /api/briefs/:id/shares`: with a person by email, or as a link. */
export const CreateShareSchema = z.union([
  z.object({ email: EmailSchema, role: ShareRoleSchema }).strict(),
  z
    .object({
      role: ShareRoleSchema,
      expiresAt: z.iso.datetime({ offset: true, message: "an ISO date-time" }).optional(),
    })
    .strict(),
]);
export type CreateShare = z.infer<typeof CreateShareSchema>;

/** Share ids are random and URL-safe. */
export const ShareId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "not a valid share id");

/** A share as listed; a link's token appears only in the answer that created it. */
export interface ShareView {
  id: string;
  briefId: string;
  kind: "user" | "link";
  role: z.infer<typeof ShareRoleSchema>;
  email: string | null;
  /** False while the invitee has not signed up yet. */
  accepted: boolean;
  expiresAt: string | null;
  createdAt: string;
  token?: string;
}

/** Query of `GET /api/admin/audit`. */
export const AuditQuerySchema = z
  .object({
    limit: z.coerce.number().int().min(1).max(500).default(100),
    before: z.coerce.number().int().positive().optional(),
  })
  .strict();
