import type { MiddlewareHandler } from "hono";
import type { Logger } from "../logger.ts";

/** Logs one structured line per request: method, path, status, duration. */
export function requestLog(log: Logger): MiddlewareHandler {
  return async (c, next) => {
    const started = performance.now();
    await next();
    const ms = Math.round((performance.now() - started) * 10) / 10;
    const fields = { method: c.req.method, path: c.req.path, status: c.res.status, ms };
    if (c.res.status >= 500) log.error("request", fields);
    else log.info("request", fields);
  };
}
