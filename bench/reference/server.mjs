// The reference server for `npm run bench:collab`: stock @y/websocket-server 0.1.1 (yjs 13),
// in memory, no auth, no persistence: what its own `bin` does, plus a JSON "listening" line on
// stderr (the same shape Briefroom logs) so the bench can treat both servers alike.
import http from "node:http";
import { setupWSConnection } from "@y/websocket-server/utils";
import { WebSocketServer } from "ws";

const host = process.env.HOST || "127.0.0.1";
const port = Number(process.env.PORT || 0);

const wss = new WebSocketServer({ noServer: true });
wss.on("connection", setupWSConnection);

const server = http.createServer((_req, res) => {
  res.writeHead(200, { "content-type": "application/json" });
  res.end('{"ok":true}');
});
server.on("upgrade", (req, socket, head) => {
  wss.handleUpgrade(req, socket, head, (ws) => wss.emit("connection", ws, req));
});
server.listen(port, host, () => {
  const addr = server.address();
  process.stderr.write(`${JSON.stringify({ level: "info", msg: "listening", port: addr.port })}\n`);
});
for (const sig of ["SIGTERM", "SIGINT"]) process.on(sig, () => process.exit(0));
