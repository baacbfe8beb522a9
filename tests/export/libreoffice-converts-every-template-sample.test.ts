import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadTemplateFile, TEMPLATES_DIR } from "../../server/export/load-template-file.ts";
import { renderDocx } from "../../server/export/render-docx.ts";
import { templateSampleBundle } from "../utils/sample-bundle.ts";

const soffice = ["soffice", "libreoffice"].find((bin) => spawnSync("which", [bin]).status === 0);
const templateIds = readdirSync(TEMPLATES_DIR, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);
const dir = mkdtempSync(path.join(tmpdir(), "briefroom-lo-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function pageCount(pdf: string): number {
  const info = spawnSync("pdfinfo", [pdf], { encoding: "utf8" });
  if (info.status === 0) return Number(/Pages:\s+(\d+)/.exec(info.stdout)?.[1]);
  // Without poppler, count the page objects in the PDF itself.
  return (
    execFileSync("cat", [pdf])
      .toString("latin1")
      .match(/\/Type\s*\/Page[^s]/g) ?? []
  ).length;
}

describe.skipIf(!soffice)(
  `LibreOffice (${soffice ?? "not installed: soffice/libreoffice not on PATH"})`,
  () => {
    it.each(templateIds)(
      "converts the %s sample brief to a PDF of a sensible length",
      async (id) => {
        const { template, referenceDocx } = await loadTemplateFile(id);
        const docx = path.join(dir, `${id}.docx`);
        writeFileSync(
          docx,
          await renderDocx(
            templateSampleBundle(template),
            template,
            referenceDocx ? { referenceDocx } : {},
          ),
        );
        execFileSync(
          soffice!,
          [
            `-env:UserInstallation=file://${dir}/profile`,
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            dir,
            docx,
          ],
          {
            stdio: "ignore",
            timeout: 120_000,
          },
        );
        const pages = pageCount(path.join(dir, `${id}.pdf`));
        const minimum = 1 + (template.style.coverPage ? 1 : 0) + (template.style.toc ? 1 : 0);
        expect(pages).toBeGreaterThanOrEqual(minimum);
        expect(pages).toBeLessThanOrEqual(minimum + 4);
      },
      150_000,
    );
  },
);
