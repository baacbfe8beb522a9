import type { ErrorHandler } from "hono";
import { HTTPException } from "hono/http-exception";
import { AppError } from "../errors.ts";
import type { Logger } from "../logger.ts";

/** The one place errors become responses: `{error:{id,message}}`, never a stack trace. */
export function onError(log: Logger): ErrorHandler {
  return (err, c) => {
    if (err instanceof AppError) {
      return c.json({ error: { id: err.id, message: err.message } }, err.status);
    }
    if (err instanceof HTTPException) {
      const id = err.status === 413 ? "payload_too_large" : `http_${err.status}`;
      return c.json({ error: { id, message: err.message || "Request refused." } }, err.status);
    }
    log.error("unhandled error", {
      path: c.req.path,
      err: String(err),
      stack: (err as Error).stack,
    });
    return c.json({ error: { id: "internal", message: "Something went wrong on our side." } }, 500);
  };
}
