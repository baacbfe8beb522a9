import { readFileSync } from "node:fs";

/** True once `server/app.ts` installs authentication (docs/auth-integration.patch). */
export const authInstalled = readFileSync(
  new URL("../../server/app.ts", import.meta.url),
  "utf8",
).includes("./auth/install.ts");
