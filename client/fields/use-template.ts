import { useEffect, useState } from "react";
import type { TemplateInfo } from "../../server/schema/template.ts";
import { readableError } from "../api/errors.ts";
import { templatesApi } from "../api/templates.ts";

export type TemplateLoad =
  | { status: "none" }
  | { status: "loading" }
  | { status: "ok"; template: TemplateInfo }
  | { status: "error"; message: string };

/** Loads a template definition by id (none for briefs without a template). */
export function useTemplate(templateId: string | null): TemplateLoad {
  const [load, setLoad] = useState<TemplateLoad>({ status: templateId ? "loading" : "none" });
  useEffect(() => {
    if (!templateId) return setLoad({ status: "none" });
    let live = true;
    setLoad({ status: "loading" });
    templatesApi.get(templateId).then(
      (template) => live && setLoad({ status: "ok", template }),
      (err: unknown) => live && setLoad({ status: "error", message: readableError(err) }),
    );
    return () => {
      live = false;
    };
  }, [templateId]);
  return load;
}
