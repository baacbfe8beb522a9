import type { ChildProcess } from "node:child_process";

interface Request {
  id: number;
  cmd: string;
  args: unknown;
}
interface Reply {
  id: number;
  ok: boolean;
  result?: unknown;
  error?: string;
}

/** Calls into a forked worker over IPC: one request, one reply, matched by id. */
export function rpcClient(child: ChildProcess) {
  let next = 1;
  const waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  child.on("message", (msg: Reply) => {
    const w = waiting.get(msg.id);
    if (!w) return;
    waiting.delete(msg.id);
    if (msg.ok) w.resolve(msg.result);
    else w.reject(new Error(msg.error));
  });
  child.on("exit", (code) => {
    for (const w of waiting.values()) w.reject(new Error(`bench worker exited (${code})`));
    waiting.clear();
  });
  return <T>(cmd: string, args: unknown = {}): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const id = next++;
      waiting.set(id, { resolve: resolve as (v: unknown) => void, reject });
      child.send({ id, cmd, args } satisfies Request);
    });
}

/** Serves requests from the parent process with `handlers`. */
export function serveRpc(handlers: Record<string, (args: never) => Promise<unknown>>): void {
  process.on("message", async (msg: Request) => {
    const handler = handlers[msg.cmd];
    try {
      if (!handler) throw new Error(`unknown command ${msg.cmd}`);
      const result = await handler(msg.args as never);
      process.send!({ id: msg.id, ok: true, result } satisfies Reply);
    } catch (err) {
      process.send!({
        id: msg.id,
        ok: false,
        error: (err as Error).stack ?? String(err),
      } satisfies Reply);
    }
  });
}
