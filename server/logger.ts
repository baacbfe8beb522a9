/** Structured JSON-lines logging to stderr; one object per event. */
export type Level = "debug" | "info" | "warn" | "error" | "silent";

const rank: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 99 };

export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
}

/** Creates a logger that writes events at `level` and above as JSON lines. */
export function createLogger(
  level: Level = "info",
  write: (line: string) => void = (line) => process.stderr.write(line),
): Logger {
  const at =
    (l: Exclude<Level, "silent">) =>
    (msg: string, fields: Record<string, unknown> = {}): void => {
      if (rank[l] < rank[level]) return;
      write(`${JSON.stringify({ level: l, time: new Date().toISOString(), msg, ...fields })}\n`);
    };
  return { debug: at("debug"), info: at("info"), warn: at("warn"), error: at("error") };
}

/** A logger that drops everything (tests, benchmarks). */
export const silentLogger: Logger = createLogger("silent");
