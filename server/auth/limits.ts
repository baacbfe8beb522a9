import type { LimitOptions } from "./rate-limit.ts";

const MINUTE = 60_000;

/** Rate limits of the auth routes and imports (docs/security.md); tests may pass their own. */
export interface AuthLimits {
  /** Every sign-in attempt, per client address. */
  loginPerIp: LimitOptions;
  /** Failed sign-ins per email; over it, even the right password is refused until it eases. */
  loginFailuresPerEmail: LimitOptions;
  /** Every sign-up attempt, per client address. */
  signupPerIp: LimitOptions;
  /** Article imports, per signed-in user. */
  importsPerUser: LimitOptions;
}

export const DEFAULT_LIMITS: AuthLimits = {
  loginPerIp: { limit: 30, windowMs: 5 * MINUTE },
  loginFailuresPerEmail: { limit: 10, windowMs: 15 * MINUTE },
  signupPerIp: { limit: 20, windowMs: 60 * MINUTE },
  importsPerUser: { limit: 60, windowMs: MINUTE },
};

/** Tight body limit for the small JSON bodies of auth and share routes. */
export const SMALL_BODY_BYTES = 16 * 1024;
