import { zValidator } from "@hono/zod-validator";
import type { ValidationTargets } from "hono";
import type { z } from "zod";
import { badRequest } from "../errors.ts";

/** Turns zod issues into one readable line that names each failing field. */
export function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  return issues
    .map((i) => (i.path.length ? `${i.path.join(".")}: ${i.message}` : i.message))
    .join("; ");
}

/**
 * `zValidator` with Briefroom's error shape: a failed parse becomes a 400 whose message
 * names each failing field, e.g. `title: a brief needs a title`.
 */
export const validate = <Target extends keyof ValidationTargets, Schema extends z.ZodType>(
  target: Target,
  schema: Schema,
) =>
  zValidator(target, schema, (result) => {
    if (!result.success) {
      throw badRequest(`invalid_${target}`, describeIssues(result.error.issues));
    }
  });
