import { zValidator } from "@hono/zod-validator";
import type { ValidationTargets } from "hono";
import type { z } from "zod";
import { badRequest, unsupportedMedia } from "../errors.ts";

/** Turns zod issues into one readable line that names each failing field. */
export function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  return issues
    .map((i) => (i.path.length ? `${i.path.join(".")}: ${i.message}` : i.message))
    .join("; ");
}

const JSON_MEDIA = /^application\/([\w.-]+\+)?json$/i;

/**
 * `zValidator` with Briefroom's error shape: a failed parse becomes a 400 whose message
 * names each failing field, e.g. `title: a brief needs a title`. A JSON body sent under
 * another media type is refused with a 415 (zValidator would otherwise validate `{}` and
 * ignore the body).
 */
export const validate = <Target extends keyof ValidationTargets, Schema extends z.ZodType>(
  target: Target,
  schema: Schema,
) => {
  const check = zValidator(target, schema, (result) => {
    if (!result.success) {
      throw badRequest(`invalid_${target}`, describeIssues(result.error.issues));
    }
  });
  if (target !== "json") return check;
  return (async (c, next) => {
    const media = (c.req.header("content-type") ?? "").split(";")[0]!.trim();
    if (!JSON_MEDIA.test(media)) throw unsupportedMedia("send the body as application/json");
    return check(c, next);
  }) as typeof check;
};
