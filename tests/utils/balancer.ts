import net, { type Socket } from "node:net";

/** A TCP load balancer in front of several instances, for the scale-out tests. */
export interface Balancer {
  url: string;
  wsUrl: string;
  /** Connections open right now through the backend on `port`. */
  open(port: number): number;
  close(): Promise<void>;
}

/**
 * Forwards each new connection to the next backend in turn, skipping one that refuses it
 * (a dead instance), like a proxy with passive health checks. Nothing is sticky: a client
 * that reconnects lands wherever the rotation is, and a backend's death closes every
 * connection through it, so its clients see the drop and reconnect.
 */
export async function startBalancer(ports: number[]): Promise<Balancer> {
  const through = new Map(ports.map((port) => [port, new Set<Socket>()]));
  const sockets = new Set<Socket>();
  let turn = 0;

  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.on("error", () => {});
    socket.once("close", () => sockets.delete(socket));
  };

  const route = (down: Socket, tried: number): void => {
    if (down.destroyed) return;
    if (tried === ports.length) {
      down.destroy();
      return;
    }
    const port = ports[turn++ % ports.length]!;
    const up = net.connect(port, "127.0.0.1");
    track(up);
    let connected = false;
    up.once("error", () => {
      if (!connected) route(down, tried + 1);
    });
    up.once("connect", () => {
      connected = true;
      const open = through.get(port)!;
      open.add(up);
      up.once("close", () => {
        open.delete(up);
        down.destroy();
      });
      down.once("close", () => up.destroy());
      down.pipe(up);
      up.pipe(down);
    });
  };

  const server = net.createServer((down) => {
    // Hold what the client sends until a backend accepts the connection.
    down.pause();
    track(down);
    route(down, 0);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    wsUrl: `ws://127.0.0.1:${port}/collab`,
    open: (backend) => through.get(backend)?.size ?? 0,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
