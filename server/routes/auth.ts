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
import { AppError, badRequest, conflict, forbidden } from "../errors.ts";
import { type AuthResponse, LoginSchema, SignupSchema } from "../schema/auth.ts";
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

/** `/api/me`: the signed-in user. */
export function meRoutes() {
  return new Hono().get("/", (c) => c.json({ user: currentUser(c) }));
}
