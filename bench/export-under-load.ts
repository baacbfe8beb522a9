/**
 * Live editing while briefs export: a busy room types while five exports of a ~100-page brief
 * run back to back against the same server. Prints JSON with the room's edit latency
 * (p50/p95/p99, ms) idle and under the exports, their ratio, and the exports' own median time.
 * Export renders in worker threads, so the ratio should stay near 1 (the issue's bound is 2×).
 *
 *   npm run bench:export-load [-- --clients 20 --rate 4 --seconds 10 --exports 5]
 */
import { spawn } from "node:child_process";
import { parseArgs } from "node:util";
import * as Y from "yjs";
import { jsonToDoc } from "../server/briefs/doc-json.ts";
import { largeBundle } from "../tests/utils/sample-bundle.ts";
import { BenchClient, type LatencySink, sleep } from "./collab/bench-client.ts";
import { startBenchServer } from "./collab/servers.ts";
import { percentiles } from "./collab/stats.ts";

const { values } = parseArgs({
  options: {
    clients: { type: "string", default: "20" },
    rate: { type: "string", default: "4" },
    seconds: { type: "string", default: "10" },
    exports: { type: "string", default: "5" },
  },
});
const clientCount = Number(values.clients);
const rate = Number(values.rate);
const windowMs = Number(values.seconds) * 1000;
const exportCount = Number(values.exports);

const server = await startBenchServer("briefroom");
const [serverUrl = "", query = ""] = server.wsUrl.split("?");
const base = serverUrl.replace(/^ws/, "http").replace(/\/collab$/, "");
const token = new URLSearchParams(query).get("token");
const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};

/** `count` loops that each export the brief back to back until stdin closes; prints each one's ms. */
const EXPORT_LOOPS = `
const [url, headers, count] = process.argv.slice(1);
let exporting = true;
process.stdin.on("end", () => { exporting = false; }).resume();
const ms = [];
await Promise.all(Array.from({ length: Number(count) }, async () => {
  while (exporting) {
    const t = performance.now();
    const res = await fetch(url, { headers: JSON.parse(headers) });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error("export answered " + res.status);
    ms.push(performance.now() - t);
  }
}));
process.stdout.write(JSON.stringify(ms));
`;

async function until(check: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(10);
  }
}

try {
  const [room = "", big = ""] = await server.createRooms(2);

  // The brief to export: ~100 pages, written into the live document by one client.
  const writer = new BenchClient(server.wsUrl, big, 0, null);
  await writer.synced();
  const pages = jsonToDoc(largeBundle(100).doc);
  Y.applyUpdate(writer.doc, Y.encodeStateAsUpdate(pages));
  pages.destroy();
  await sleep(1000);

  // The busy room: every client types into a paragraph of its own.
  const sink: LatencySink = { latencies: [], observed: 0 };
  const clients = Array.from(
    { length: clientCount },
    (_, i) => new BenchClient(server.wsUrl, room, i, sink),
  );
  await Promise.all(clients.map((c) => c.synced()));
  const first = clients[0]!;
  const offset = first.body.length;
  first.doc.transact(() => {
    for (let i = 0; i < clientCount; i++) {
      const p = new Y.XmlElement("paragraph");
      p.insert(0, [new Y.XmlText("")]);
      first.body.push([p]);
    }
  });
  await until(() => clients.every((c) => c.body.length >= offset + clientCount), "paragraphs");
  for (const c of clients) c.typeInto(offset + c.index);

  async function measure(): Promise<number[]> {
    sink.latencies = [];
    for (const c of clients) c.startTyping(rate);
    await sleep(windowMs);
    for (const c of clients) c.stopTyping();
    await sleep(500);
    return [...sink.latencies];
  }

  await measure(); // warm-up
  const idle = await measure();

  // The exports come from another process, as other people's downloads would: the typists'
  // own process (which measures latency) does not also fetch and read 90 KB documents.
  const exporter = spawn(
    process.execPath,
    [
      "--input-type=module",
      "-e",
      EXPORT_LOOPS,
      `${base}/api/briefs/${big}/export.docx?proceed=true`,
      JSON.stringify(headers),
      String(exportCount),
    ],
    { stdio: ["pipe", "pipe", "inherit"] },
  );
  let report = "";
  exporter.stdout.on("data", (b: Buffer) => {
    report += b;
  });
  const exited = new Promise<number | null>((resolve) => exporter.on("exit", resolve));
  await sleep(300);
  const loaded = await measure();
  exporter.stdin.end();
  if ((await exited) !== 0) throw new Error("the exports failed (their error is above)");
  const exportMs = JSON.parse(report) as number[];

  const idleP = percentiles(idle);
  const loadedP = percentiles(loaded);
  const sorted = [...exportMs].sort((a, b) => a - b);
  console.log(
    JSON.stringify(
      {
        room: { clients: clientCount, editsPerSecondEach: rate, windowSeconds: windowMs / 1000 },
        idle: idleP,
        whileExporting: loadedP,
        p99Ratio: Math.round((loadedP.p99 / idleP.p99) * 100) / 100,
        exports: {
          concurrent: exportCount,
          done: exportMs.length,
          medianMs: Math.round(sorted[Math.floor(sorted.length / 2)] ?? Number.NaN),
        },
      },
      null,
      2,
    ),
  );
  for (const c of clients) c.destroy();
  writer.destroy();
} finally {
  await server.stop();
}
