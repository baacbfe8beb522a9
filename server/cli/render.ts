import { readFile, writeFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { ZodError } from "zod";
import { loadTemplateFile, TemplateFileError } from "../export/load-template-file.ts";
import { renderDocx } from "../export/render-docx.ts";
import { type Bundle, parseBundle } from "../schema/bundle.ts";

const USAGE =
  "usage: npm run --silent render -- --in <bundle.json> --template <id> --out <file.docx>";

/** A problem with what the user asked for: printed without a stack, exit code 2. */
class UsageError extends Error {}

async function readBundle(file: string): Promise<Bundle> {
  let raw: string;
  try {
    raw = await readFile(file, "utf8");
  } catch {
    throw new UsageError(`cannot read ${file}`);
  }
  try {
    return parseBundle(JSON.parse(raw));
  } catch (err) {
    if (err instanceof SyntaxError) throw new UsageError(`${file} is not JSON: ${err.message}`);
    if (err instanceof ZodError) {
      const issues = err.issues
        .map((i) => `  ${i.path.join(".") || "(root)"}: ${i.message}`)
        .join("\n");
      throw new UsageError(`${file} is not a valid bundle:\n${issues}`);
    }
    throw err;
  }
}

async function main(argv: string[]): Promise<void> {
  let values: { in?: string; template?: string; out?: string };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { in: { type: "string" }, template: { type: "string" }, out: { type: "string" } },
      strict: true,
    }));
  } catch (err) {
    throw new UsageError(`${(err as Error).message}\n${USAGE}`);
  }
  const missing = (["in", "template", "out"] as const).filter((k) => !values[k]);
  if (missing.length > 0)
    throw new UsageError(`missing ${missing.map((k) => `--${k}`).join(", ")}\n${USAGE}`);
  const bundle = await readBundle(values.in!);
  const { template, referenceDocx } = await loadTemplateFile(values.template!);
  const bytes = await renderDocx(bundle, template, referenceDocx ? { referenceDocx } : {});
  await writeFile(values.out!, bytes);
}

main(process.argv.slice(2)).catch((err: unknown) => {
  if (err instanceof UsageError || err instanceof TemplateFileError) {
    process.stderr.write(`render: ${err.message}\n`);
    process.exitCode = 2;
  } else {
    process.stderr.write(
      `render: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
    );
    process.exitCode = 1;
  }
});
