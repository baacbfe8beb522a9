import type { MiddlewareHandler } from "hono";
import { Hono } from "hono";
import { z } from "zod";
import { loadBriefState } from "../briefs/load-doc.ts";
import { refuseLowCoverage, refuseSourceProblems } from "../check/export-gate.ts";
import type { RoomManager } from "../collab/rooms.ts";
import { notFound } from "../errors.ts";
import { loadArticles } from "../export/brief-bundle.ts";
import { BriefId } from "../schema/brief.ts";
import { PLAIN_TEMPLATE } from "../schema/template.ts";
import type { Store } from "../store/store.ts";
import type { TemplateRegistry } from "../templates/registry.ts";
import { workerPool } from "../workers/pool.ts";
import { validate } from "./validation.ts";

export interface ExportDeps {
  store: Store;
  rooms: RoomManager;
  registry: TemplateRegistry;
  requireViewer: MiddlewareHandler;
}

const flag = z.enum(["true", "false", "1", "0"]).transform((v) => v === "true" || v === "1");

/**
 * `proceed`: export despite source problems (they are then marked in the document) or
 * coverage under the template's minimum. `annex`: add the evidence annex after the sources.
 */
const ExportQuery = z.object({ proceed: flag.default(false), annex: flag.default(false) });

/**
 * `GET /api/briefs/:id/export.docx`: the brief, live or stored, checked against its sources
 * and rendered off the event loop. 409 when it must ask first and `proceed` is not set.
 */
export function exportRoutes(deps: ExportDeps) {
  return new Hono().get(
    "/:id/export.docx",
    deps.requireViewer,
    validate("param", z.object({ id: BriefId })),
    validate("query", ExportQuery),
    async (c) => {
      const { id } = c.req.valid("param");
      const { proceed, annex } = c.req.valid("query");
      const brief = await deps.store.briefs.get(id);
      const state = brief ? await loadBriefState(deps, id) : null;
      if (!brief || !state) throw notFound("brief", id);
      const templateId = brief.templateId;
      const template = (templateId ? await deps.registry.get(templateId) : null) ?? PLAIN_TEMPLATE;
      const reference = templateId ? await deps.registry.referenceDocx(templateId) : null;

      // Checked and rendered in a worker thread; only the encoding happens on this loop.
      const outcome = await workerPool().exportBrief(
        { state, template, proceed, annex, ...(reference ? { referenceDocx: reference } : {}) },
        (ids) => loadArticles(deps.store.articles, ids),
      );
      if (outcome.kind === "refused") {
        refuseSourceProblems(outcome.check, false);
        refuseLowCoverage(outcome.check, template.minCoverage, false);
        throw new Error("export refused without a reason"); // mustAsk and the gates agree
      }
      return c.body(outcome.bytes as Uint8Array<ArrayBuffer>, 200, {
        "content-type": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "content-disposition": attachmentDisposition(outcome.title),
      });
    },
  );
}

/**
 * Characters a file name must not hold: those Windows reserves, control characters, the bidi
 * controls that can disguise an extension, and lone surrogates (which can't be encoded).
 */
const UNSAFE_IN_FILE_NAME = /[/\\:*?"<>|\p{Cc}\p{Cs}\u202A-\u202E\u2066-\u2069]/gu;
/** Letters NFKD leaves whole that have a plain ASCII spelling. */
const ASCII_SPELLING: Record<string, string> = {
  ß: "ss",
  æ: "ae",
  Æ: "AE",
  œ: "oe",
  Œ: "OE",
  ø: "o",
  Ø: "O",
  ł: "l",
  Ł: "L",
  đ: "d",
  Đ: "D",
  ð: "d",
  Ð: "D",
  þ: "th",
  Þ: "Th",
  ı: "i",
};

/**
 * The `Content-Disposition` of a downloaded brief, named after its title: `filename*`
 * (RFC 6266, RFC 5987 encoding) carries the title in UTF-8, and `filename` an ASCII spelling
 * of it (accents dropped; "brief" when nothing is left) for clients that don't read the other.
 */
export function attachmentDisposition(title: string): string {
  const name = fileName(title);
  const ascii = name
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .replace(/[^\x20-\x7E]/gu, (ch) => ASCII_SPELLING[ch] ?? "")
    // NFKD can turn a full-width "／" or "＂" into a character the name must not hold.
    .replace(UNSAFE_IN_FILE_NAME, "")
    // Some browsers decode %XX in the plain parameter, so a literal % is left out there.
    .replace(/%/g, "")
    .replace(/\s+/g, " ")
    .trim();
  const fallback = /[A-Za-z0-9]/.test(ascii) ? ascii : "brief";
  return `attachment; filename="${fallback}.docx"; filename*=UTF-8''${encodeRfc5987(`${name}.docx`)}`;
}

/** The title as a file name: unsafe characters gone, spaces collapsed, at most 80 characters. */
function fileName(title: string): string {
  const cleaned = title
    .normalize("NFC")
    .replace(UNSAFE_IN_FILE_NAME, "")
    .replace(/\s+/g, " ")
    // A leading dot would hide the file on macOS and Linux.
    .replace(/^[.\s]+/, "")
    .trim();
  return Array.from(cleaned).slice(0, 80).join("").trim() || "brief";
}

/** Percent-encodes UTF-8 so that only RFC 5987's attr-char is left as is. */
function encodeRfc5987(value: string): string {
  return encodeURIComponent(value).replace(
    /['()*]/g,
    (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}
