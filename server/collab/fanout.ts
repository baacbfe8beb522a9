/**
 * Cross-instance fan-out: each room publishes the document and awareness updates it takes
 * from its own clients and applies what other instances publish. Redis implements it; a
 * single instance runs without one.
 */
export type FanoutKind = "doc" | "awareness";

export interface FanoutMessage {
  kind: FanoutKind;
  payload: Uint8Array;
}

/** An access change every instance must act on (close sockets of a brief or a user). */
export interface ControlMessage {
  /** evict: close a brief's sockets; revoke: one user's on it; end-session: one session's. */
  type: "evict" | "revoke" | "end-session";
  briefId?: string;
  userId?: string;
  session?: string;
  code: number;
  reason: string;
}

export interface Fanout {
  /** Starts delivering a brief's messages from other instances; resolves once subscribed. */
  subscribe(briefId: string, onMessage: (msg: FanoutMessage) => void): Promise<() => Promise<void>>;
  publish(briefId: string, msg: FanoutMessage): void;
  /** Delivers access changes to every instance, this one included. */
  onControl(handler: (msg: ControlMessage) => void): void;
  publishControl(msg: ControlMessage): Promise<void>;
  /** Called when the connection comes back after an outage: messages may have been missed. */
  onReconnect(handler: () => void): void;
  close(): Promise<void>;
}

const KIND_BYTE: Record<FanoutKind, number> = { doc: 0, awareness: 1 };
const BYTE_KIND: FanoutKind[] = ["doc", "awareness"];

/** Frames a message as [kind][instance id][payload] so an instance can skip its own. */
export function encodeFanout(instance: Uint8Array, msg: FanoutMessage): Buffer {
  const out = Buffer.allocUnsafe(1 + instance.length + msg.payload.length);
  out[0] = KIND_BYTE[msg.kind];
  out.set(instance, 1);
  out.set(msg.payload, 1 + instance.length);
  return out;
}

/** Reverses `encodeFanout`; null for a frame from this instance or an unknown kind. */
export function decodeFanout(instance: Uint8Array, frame: Buffer): FanoutMessage | null {
  const kind = BYTE_KIND[frame[0] ?? 255];
  if (!kind || frame.length < 1 + instance.length) return null;
  if (frame.subarray(1, 1 + instance.length).equals(instance)) return null;
  return { kind, payload: new Uint8Array(frame.subarray(1 + instance.length)) };
}
