import { useEffect, useState } from "react";
import type { Account } from "../account/account.ts";
import { briefsApi } from "../api/briefs.ts";
import type { BriefRecord } from "./use-brief-record.ts";

/**
 * What this person may do in the brief: the owner also shares it; editors write;
 * commenters and viewers only read ("read-only"); "checking" until that is known.
 */
export type BriefAccess = "checking" | "owner" | "editor" | "read-only";

const fromRole = (role: string): BriefAccess =>
  role === "owner" ? "owner" : role === "editor" ? "editor" : "read-only";

/**
 * Works out the access from the brief: its `role` when the server says it, else ownership
 * (admins own every brief), else an empty PATCH that only editors may make. Offline, the
 * editor stays writable: edits wait on this device and the server enforces the role.
 */
export function useBriefAccess(
  briefId: string,
  record: BriefRecord,
  account: Account | null,
  linkToken: string | null,
): BriefAccess {
  const [access, setAccess] = useState<BriefAccess>("checking");
  useEffect(() => {
    if (record.status === "loading") return setAccess("checking");
    if (record.status !== "ok") return setAccess("editor");
    const { brief } = record;
    if (typeof brief.role === "string") return setAccess(fromRole(brief.role));
    if (!linkToken && account && (account.isAdmin || brief.ownerId === account.id)) {
      return setAccess("owner");
    }
    let live = true;
    briefsApi.canEdit(briefId, linkToken ?? undefined).then(
      (editable) => live && setAccess(editable ? "editor" : "read-only"),
      () => live && setAccess("editor"),
    );
    return () => {
      live = false;
    };
  }, [briefId, record, account, linkToken]);
  return access;
}
