import { Hono } from "hono";
import type { Audit } from "../auth/audit.ts";
import { clientIp } from "../auth/client-ip.ts";
import type { AuthLimits } from "../auth/limits.ts";
import { currentUser, getAuth } from "../auth/middleware.ts";
import {
  burnVerification,
  hashPassword,
  passwordProblem,
  verifyPassword,
} from "../auth/password.ts";
import { RateLimiter, rateLimit, tooMany } from "../auth/rate-limit.ts";
import { clearSessionCookie, setSessionCookie, startSession } from "../auth/session.ts";
import { smallBody } from "../auth/small-body.ts";
import { newId } from "../auth/tokens.ts";
import type { RoomManager } from "../collab/rooms.ts";
import type { Env } from "../env.ts";
import { AppError, badRequest, conflict, forbidden, unauthenticated } from "../errors.ts";
import {
  type AuthResponse,
  LoginSchema,
  PasswordChangeSchema,
  SignupSchema,
} from "../schema/auth.ts";
import { CloseCode } from "../schema/protocol.ts";
import type { Store } from "../store/store.ts";
import { validate } from "./validation.ts";

export interface AuthRoutesDeps {
  store: Store;
  rooms: Pick<RoomManager, "endSession">;
  env: Pick<Env, "SIGNUP">;
  audit: Audit;
  limits: AuthLimits;
}

/** `/api/auth`: sign up, sign in, sign out. Each answers with the session token and cookie. */
export function authRoutes({ store, rooms, env, audit, limits }: AuthRoutesDeps) {
  const signupIp = new RateLimiter(limits.signupPerIp);
  const loginIp = new RateLimiter(limits.loginPerIp);
  const loginEmail = new RateLimiter(limits.loginFailuresPerEmail);
  const limited = (c: Parameters<Audit>[0]) =>
    void audit(c, { type: "rate_limited", details: { path: c.req.path } });

  return new Hono()
    .post(
      "/signup",
      smallBody(),
      rateLimit(signupIp, clientIp, limited),
      validate("json", SignupSchema),
      async (c) => {
        const { email, password, name } = c.req.valid("json");
        const problem = passwordProblem(password, email);
        if (problem) throw badRequest("weak_password", problem);
        if (
          env.SIGNUP === "invite" &&
          (await store.users.count()) > 0 &&
          !(await store.shares.hasPending(email))
        ) {
          throw forbidden(
            "signup_invite_only",
            "Sign-up is by invitation: ask someone to share a brief with you.",
          );
        }
        const user = await store.users.create({
          id: newId(),
          email,
          name,
          passwordHash: await hashPassword(password),
        });
        if (!user)
          throw conflict("email_taken", "An account with this email exists; sign in instead.");
        await store.shares.claim(email, user.id);
        const session = await startSession(store, user.id);
        setSessionCookie(c, session.token, session.expiresAt);
        await audit(c, { type: "signup", actorId: user.id, details: { admin: user.isAdmin } });
        return c.json({ token: session.token, user } satisfies AuthResponse, 201);
      },
    )
    .post(
      "/login",
      smallBody(),
      rateLimit(loginIp, clientIp, limited),
      validate("json", LoginSchema),
      async (c) => {
        const { email, password } = c.req.valid("json");
        const wait = loginEmail.retryAfter(email);
        if (wait > 0) {
          limited(c);
          return tooMany(
            c,
            wait,
            `Too many failed sign-ins for this account; try again in ${wait} s.`,
          );
        }
        const found = await store.users.byEmail(email);
        const ok = found
          ? await verifyPassword(password, found.passwordHash)
          : await burnVerification(password);
        if (!found || !ok) {
          loginEmail.hit(email);
          await audit(c, { type: "login_failed", details: { email } });
          throw new AppError(401, "invalid_credentials", "Wrong email or password.");
        }
        loginEmail.reset(email);
        const session = await startSession(store, found.user.id);
        setSessionCookie(c, session.token, session.expiresAt);
        await audit(c, { type: "login", actorId: found.user.id });
        return c.json({ token: session.token, user: found.user } satisfies AuthResponse);
      },
    )
    .post("/logout", async (c) => {
      const auth = getAuth(c);
      if (auth?.kind === "user") {
        await store.sessions.delete(auth.tokenHash);
        // Briefs this session has open stop taking its edits now, not at its next request.
        await rooms.endSession(auth.tokenHash, CloseCode.Unauthenticated, "signed out");
        await audit(c, { type: "logout" });
      }
      clearSessionCookie(c);
      return c.body(null, 204);
    });
}

/**
 * `/api/me`: the signed-in user, and changing their password. A new password ends the
 * person's other sessions (and closes their sockets) on every instance; this one stays.
 * Wrong current passwords are limited per account as failed sign-ins are (a counter of their own).
 */
export function meRoutes({ store, rooms, audit, limits }: Omit<AuthRoutesDeps, "env">) {
  const failures = new RateLimiter(limits.loginFailuresPerEmail);
  return new Hono()
    .get("/", (c) => c.json({ user: currentUser(c) }))
    .post("/password", smallBody(), validate("json", PasswordChangeSchema), async (c) => {
      const auth = getAuth(c);
      if (auth?.kind !== "user") throw unauthenticated();
      const { currentPassword, newPassword } = c.req.valid("json");
      const { email } = auth.user;
      const wait = failures.retryAfter(email);
      if (wait > 0) return tooMany(c, wait, `Too many wrong passwords; try again in ${wait} s.`);
      const found = await store.users.byEmail(email);
      if (!found || !(await verifyPassword(currentPassword, found.passwordHash))) {
        failures.hit(email);
        throw new AppError(403, "wrong_password", "currentPassword: that is not your password.");
      }
      const problem = passwordProblem(newPassword, email);
      if (problem) throw badRequest("weak_password", `newPassword: ${problem}`);
      if (newPassword === currentPassword)
        throw badRequest("same_password", "newPassword: choose one other than the current one.");
      failures.reset(email);
      await store.users.setPassword(auth.user.id, await hashPassword(newPassword));
      const ended = await store.sessions.deleteOthers(auth.user.id, auth.tokenHash);
      for (const session of ended)
        await rooms.endSession(session, CloseCode.Unauthenticated, "password changed");
      await audit(c, { type: "password_changed", details: { sessionsEnded: ended.length } });
      return c.body(null, 204);
    });
}
