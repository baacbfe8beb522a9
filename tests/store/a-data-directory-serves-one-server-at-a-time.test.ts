import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, expect, it } from "vitest";
import { killSpawnedServers, spawnServer } from "../utils/process.ts";
import { removeDataDir, startTestServer } from "../utils/server.ts";

const dirs: string[] = [];
const freshDir = () => {
  const dir = mkdtempSync(path.join(tmpdir(), "briefroom-lock-"));
  dirs.push(dir);
  return dir;
};
afterEach(killSpawnedServers);
afterAll(() => {
  for (const dir of dirs) removeDataDir(dir);
});

it("a second server on the same DATA_DIR is refused and the first carries on; once it stops, another may start", async () => {
  const dataDir = freshDir();
  const first = await startTestServer({}, { dataDir });
  await expect(startTestServer({}, { dataDir })).rejects.toThrow(
    /DATA_DIR .* is in use by another Briefroom server/,
  );
  const created = await first.api<{ id: string }>("POST", "/api/briefs", { title: "Kept" });
  expect(created.status).toBe(201);
  await first.close();

  const next = await startTestServer({}, { dataDir });
  expect((await next.api("GET", `/api/briefs/${created.body.id}`)).status).toBe(200);
  await next.close();
});

it("a server process started on a DATA_DIR in use exits with a clear error; a killed server leaves no stale lock", async () => {
  const dataDir = freshDir();
  const first = await spawnServer({ dataDir });
  const second = await spawnServer({ dataDir, account: false }).then(
    () => null,
    (err: Error) => err,
  );
  expect(second?.message).toMatch(/in use by another Briefroom server/);
  expect((await first.api("GET", "/healthz")).status).toBe(200);

  expect((await first.kill("SIGKILL")).signal).toBe("SIGKILL");
  const restarted = await spawnServer({ dataDir, account: false });
  expect((await restarted.api("GET", "/healthz")).status).toBe(200);
}, 60_000);
