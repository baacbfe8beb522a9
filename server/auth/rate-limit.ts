import type { Context, MiddlewareHandler } from "hono";

export interface LimitOptions {
  /** Requests allowed per key within `windowMs`. */
  limit: number;
  windowMs: number;
  /** Keys tracked at most; beyond it the stalest are forgotten (memory stays bounded). */
  maxKeys?: number;
}

/**
 * An in-memory sliding-window limiter: each key keeps the times of its recent hits. It is
 * per process; with several instances each enforces its own limit.
 */
export class RateLimiter {
  private readonly hits = new Map<string, number[]>();

  constructor(readonly opts: LimitOptions) {}

  /** Seconds until `key` may try again, or 0 when it may now. Does not count a hit. */
  retryAfter(key: string, now = Date.now()): number {
    const recent = this.recent(key, now);
    if (recent.length < this.opts.limit) return 0;
    return Math.max(1, Math.ceil((recent[0]! + this.opts.windowMs - now) / 1000));
  }

  /** Counts a hit; returns the seconds to wait when the key is over its limit, else 0. */
  hit(key: string, now = Date.now()): number {
    const wait = this.retryAfter(key, now);
    if (wait > 0) return wait;
    const recent = this.recent(key, now);
    recent.push(now);
    // Re-insert so Map order runs from least to most recently hit.
    this.hits.delete(key);
    this.hits.set(key, recent);
    this.evict();
    return 0;
  }

  reset(key: string): void {
    this.hits.delete(key);
  }

  private recent(key: string, now: number): number[] {
    const times = this.hits.get(key) ?? [];
    const from = now - this.opts.windowMs;
    let drop = 0;
    while (drop < times.length && times[drop]! <= from) drop++;
    return drop > 0 ? times.slice(drop) : times;
  }

  private evict(): void {
    const max = this.opts.maxKeys ?? 50_000;
    for (const key of this.hits.keys()) {
      if (this.hits.size <= max) return;
      this.hits.delete(key);
    }
  }
}

/** A 429 in the API's error shape, with `Retry-After`. */
export function tooMany(c: Context, retryAfter: number, message: string): Response {
  return c.json({ error: { id: "rate_limited", message } }, 429, {
    "Retry-After": String(retryAfter),
  });
}

/** Middleware counting each request against `limiter` under `key(c)`. */
export function rateLimit(
  limiter: RateLimiter,
  key: (c: Context) => string,
  onLimited?: (c: Context) => void,
): MiddlewareHandler {
  return async (c, next) => {
    const wait = limiter.hit(key(c));
    if (wait > 0) {
      onLimited?.(c);
      return tooMany(c, wait, `Too many requests; try again in ${wait} s.`);
    }
    await next();
  };
}
