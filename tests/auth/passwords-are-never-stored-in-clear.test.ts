import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { readEnv } from "../../server/env.ts";
import { createLogger } from "../../server/logger.ts";
import { startServer } from "../../server/server.ts";
import { call, signUp } from "../utils/auth.ts";
import { removeDataDir } from "../utils/server.ts";

describe("secrets at rest and in logs", () => {
  it("keeps only scrypt hashes of passwords and SHA-256 of tokens, and logs neither", async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "briefroom-secrets-"));
    const lines: string[] = [];
    const server = await startServer(
      readEnv({ PORT: "0", HOST: "127.0.0.1", DATA_DIR: dataDir }),
      createLogger("debug", (line) => lines.push(line)),
    );
    const password = "Unmistakable-Secret-9431";
    const wrong = "Another-Guess-77812";
    const user = await signUp(server, { email: "alice@example.com", password });
    expect(
      (
        await call(server, "POST", "/api/auth/login", {
          body: { email: "alice@example.com", password: wrong },
        })
      ).status,
    ).toBe(401);
    const login = await call<{ token: string }>(server, "POST", "/api/auth/login", {
      body: { email: "alice@example.com", password },
    });
    expect(login.status).toBe(200);
    // A weak password is refused by policy, and not echoed back.
    const weak = await call(server, "POST", "/api/auth/signup", {
      body: { email: "weak@example.com", password: "aaaaaaaaaaaa", name: "Weak" },
    });
    expect(weak.status).toBe(400);
    expect(JSON.stringify(weak.body)).not.toContain("aaaaaaaaaaaa");
    await server.close();

    const db = new Database(path.join(dataDir, "briefroom.db"), { readonly: true });
    const row = db
      .prepare("SELECT password_hash FROM users WHERE email = ?")
      .get("alice@example.com") as {
      password_hash: string;
    };
    const hashes = (
      db.prepare("SELECT token_hash FROM sessions").all() as { token_hash: string }[]
    ).map((r) => r.token_hash);
    db.close();
    expect(row.password_hash).toMatch(/^scrypt\$32768\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    expect(hashes).toHaveLength(2);
    for (const h of hashes) expect(h).toMatch(/^[0-9a-f]{64}$/);

    const secrets = [password, wrong, user.token, login.body.token];
    const files = readdirSync(dataDir).map((f) => readFileSync(path.join(dataDir, f)));
    for (const secret of secrets) {
      for (const bytes of files) {
        expect(bytes.includes(Buffer.from(secret, "utf8"))).toBe(false);
        expect(bytes.includes(Buffer.from(secret, "utf16le"))).toBe(false);
      }
      expect(lines.join("")).not.toContain(secret);
    }
    removeDataDir(dataDir);
  });
});
