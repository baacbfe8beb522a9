import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";

/** An error meant for the client: an HTTP status, a stable machine id and a human message. */
export class AppError extends HTTPException {
  constructor(
    status: ContentfulStatusCode,
    readonly id: string,
    message: string,
  ) {
    super(status, { message });
  }
}

export const badRequest = (id: string, message: string) => new AppError(400, id, message);
export const unauthenticated = (message = "Sign in to continue.") =>
  new AppError(401, "unauthenticated", message);
export const forbidden = (id: string, message: string) => new AppError(403, id, message);
export const notFound = (what: string, id: string) =>
  new AppError(404, `${what}_not_found`, `No ${what.replace(/_/g, " ")} with id "${id}".`);
export const conflict = (id: string, message: string) => new AppError(409, id, message);
export const tooLarge = (message: string) => new AppError(413, "payload_too_large", message);
export const unsupportedMedia = (message: string) =>
  new AppError(415, "unsupported_media_type", message);
export const tooManyRequests = (message = "Too many requests; try again shortly.") =>
  new AppError(429, "rate_limited", message);
export const badGateway = (id: string, message: string) => new AppError(502, id, message);
