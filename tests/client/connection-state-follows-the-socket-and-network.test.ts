import { describe, expect, it } from "vitest";
import {
  type ConnectionEvent,
  connectionReducer,
  describeConnection,
  initialConnection,
} from "../../client/collab/connection-state.ts";

const run = (online: boolean, events: ConnectionEvent[]) =>
  events.reduce(connectionReducer, initialConnection(online));

describe("the connection state", () => {
  it("is connecting until the first sync, then live", () => {
    expect(run(true, []).connection).toBe("connecting");
    expect(run(true, [{ type: "status", status: "connected" }]).connection).toBe("connecting");
    expect(
      run(true, [
        { type: "status", status: "connected" },
        { type: "synced", synced: true },
      ]).connection,
    ).toBe("connected");
  });

  it("says reconnecting when a live socket drops, and live again once re-synced", () => {
    const dropped = run(true, [
      { type: "synced", synced: true },
      { type: "synced", synced: false },
      { type: "status", status: "disconnected" },
    ]);
    expect(dropped.connection).toBe("reconnecting");
    expect(connectionReducer(dropped, { type: "synced", synced: true }).connection).toBe(
      "connected",
    );
  });

  it("says offline while the browser has no network, whatever the socket reports", () => {
    const offline = run(true, [
      { type: "synced", synced: true },
      { type: "network", online: false },
    ]);
    expect(offline.connection).toBe("offline");
    expect(connectionReducer(offline, { type: "status", status: "connecting" }).connection).toBe(
      "offline",
    );
    expect(connectionReducer(offline, { type: "network", online: true }).connection).toBe(
      "reconnecting",
    );
    expect(run(false, []).connection).toBe("offline");
  });

  it("ends for good when the server closes the brief, and explains why", () => {
    const gone = run(true, [
      { type: "synced", synced: true },
      { type: "closed", code: 4404 },
    ]);
    expect(gone).toMatchObject({ connection: "gone", closeCode: 4404 });
    expect(connectionReducer(gone, { type: "synced", synced: true }).connection).toBe("gone");
    expect(describeConnection(gone).detail).toMatch(/deleted/);
    expect(describeConnection(run(false, [])).detail).toMatch(/saved on this device/);
  });
});
