import type { BriefRole } from "../../server/schema/auth.ts";
import type { BriefRecord } from "./use-brief-record.ts";

/**
 * What this person may do in the brief: the owner also shares it; editors write;
 * commenters and viewers only read ("read-only"); "checking" until that is known.
 */
export type BriefAccess = "checking" | "owner" | "editor" | "read-only";

const fromRole = (role: BriefRole): BriefAccess =>
  role === "owner" ? "owner" : role === "editor" ? "editor" : "read-only";

/**
 * The access the server states with the brief (its `role` for the caller). Offline, the
 * editor stays writable: edits wait on this device and the server enforces the role.
 */
export function briefAccess(record: BriefRecord): BriefAccess {
  if (record.status === "loading") return "checking";
  if (record.status !== "ok") return "editor";
  return fromRole(record.brief.role);
}
