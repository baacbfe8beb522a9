import path from "node:path";
import { z } from "zod";

const bool = z
  .enum(["true", "false", "1", "0", ""])
  .transform((v) => v === "true" || v === "1")
  .optional();

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8787),
  HOST: z.string().min(1).default("127.0.0.1"),
  DATA_DIR: z.string().min(1).default("./data"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgres:// URL")
    .optional(),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, "REDIS_URL must be a redis:// URL")
    .optional(),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error", "silent"]).default("info"),
  /** Largest WebSocket frame accepted, in bytes. */
  MAX_MESSAGE_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(8 * 1024 * 1024),
  /** Largest article accepted for import, in bytes. */
  MAX_ARTICLE_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(2 * 1024 * 1024),
  /** Updates in a brief's log before it is merged into a snapshot. */
  COMPACT_EVERY: z.coerce.number().int().positive().default(500),
  /** How long a room stays loaded after its last client leaves, in ms. */
  ROOM_IDLE_MS: z.coerce.number().int().nonnegative().default(10_000),
  /** A room sends presence (cursors, selections) at most once per this many ms; 0: at once. */
  PRESENCE_INTERVAL_MS: z.coerce.number().int().nonnegative().default(50),
  /** Interval between keepalive pings; a socket silent for two intervals is dropped. */
  PING_INTERVAL_MS: z.coerce.number().int().positive().default(15_000),
  /** Let URL import reach private, loopback and link-local addresses (tests, intranets). */
  ALLOW_PRIVATE_URLS: bool,
  /** Behind one reverse proxy of ours: take the client's address and https from X-Forwarded-*. */
  TRUST_PROXY: bool,
  /** "open" lets anyone sign up; "invite" lets only the first account and invitees in. */
  SIGNUP: z.enum(["open", "invite"]).default("open"),
  /** Serve the built client from this folder. */
  CLIENT_DIR: z.string().default("./dist"),
});

export type Env = z.infer<typeof EnvSchema>;

/** Parses configuration from an environment; the only reader of `process.env`. */
export function readEnv(source: Record<string, string | undefined> = process.env): Env {
  const parsed = EnvSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join("\n")}`);
  }
  return { ...parsed.data, DATA_DIR: path.resolve(parsed.data.DATA_DIR) };
}
