import { readEnv } from "./env.ts";
import { createLogger } from "./logger.ts";
import { startServer } from "./server.ts";

const env = readEnv();
const log = createLogger(env.LOG_LEVEL);
const server = await startServer(env, log).catch((err: unknown) => {
  log.error("could not start", { err: err instanceof Error ? err.message : String(err) });
  process.exit(1);
});

let stopping = false;
async function stop(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  log.info("shutting down: flushing rooms", { signal });
  const force = setTimeout(() => {
    log.error("shutdown took too long; exiting");
    process.exit(1);
  }, 10_000);
  force.unref();
  await server.close();
  log.info("stopped");
  process.exit(0);
}
process.on("SIGTERM", () => void stop("SIGTERM"));
process.on("SIGINT", () => void stop("SIGINT"));
