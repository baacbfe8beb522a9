import { useEffect, useState } from "react";
import { META_MAP } from "../../server/schema/editor.ts";
import { type MetaSnapshot, readMeta } from "./meta.ts";
import type { BriefSession } from "./session.ts";

/** The brief's title, template and fields, live from the shared document. */
export function useMeta(session: BriefSession | null): MetaSnapshot | null {
  const [meta, setMeta] = useState<MetaSnapshot | null>(null);
  useEffect(() => {
    if (!session) return;
    const map = session.doc.getMap(META_MAP);
    const update = () => setMeta(readMeta(session.doc));
    update();
    // Deep: field values live in a map inside `meta`.
    map.observeDeep(update);
    return () => map.unobserveDeep(update);
  }, [session]);
  return meta;
}
