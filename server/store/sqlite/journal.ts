import { closeSync, ftruncateSync, openSync, readFileSync, writeSync } from "node:fs";
import { crc32 } from "node:zlib";

/** One update of a brief's log, with its place in that log. */
export interface LoggedUpdate {
  briefId: string;
  seq: number;
  update: Uint8Array;
}

/** Each record starts with its payload's length and the payload's CRC-32 (u32 LE each). */
const HEADER_BYTES = 8;
/** A payload is the brief id's length (u16 LE), the id, the seq (f64 LE), then the update. */
const FIXED_PAYLOAD_BYTES = 2 + 8;

/** Room for this many bytes of records at first; it grows as a long second needs. */
const INITIAL_CAPACITY = 256 * 1024;

/**
 * The front of the SQLite document log: a file that a turn's updates reach in one `write`.
 * Once written there they survive a killed process, as a WAL commit with synchronous=NORMAL
 * does, for a small part of a commit's cost; the store moves them into `doc_updates` in one
 * transaction every second or so. Every record carries a CRC-32, so a record torn by a power
 * cut is recognised on opening and dropped, with anything after it.
 *
 * Records are encoded into one buffer that mirrors the file, and read back from it when they
 * move: a second of edits held as objects would outlive the garbage collector's young
 * generation, and copying them to the old one cost more than the write.
 */
export class Journal {
  private readonly fd: number;
  /** The file's records, from the start of `buffer`. */
  private buffer: Buffer;
  /** Bytes of whole records in the file (and the buffer). */
  private bytes: number;
  private records: number;
  /** Set when a failed write could not be undone: nothing more can follow it safely. */
  private broken: Error | null = null;

  /** Opens the journal at `file`, creating it; what it holds is `held` until `clear`. */
  constructor(file: string) {
    this.fd = openSync(file, "a+");
    const data = readFileSync(this.fd);
    const { updates, bytes } = readRecords(data);
    // Drops a torn tail, so that new records follow whole ones.
    ftruncateSync(this.fd, bytes);
    this.buffer = Buffer.allocUnsafeSlow(Math.max(INITIAL_CAPACITY, bytes));
    data.copy(this.buffer, 0, 0, bytes);
    this.bytes = bytes;
    this.records = updates.length;
  }

  /** The updates written since the last `clear`, oldest first. */
  get held(): LoggedUpdate[] {
    return readRecords(this.buffer.subarray(0, this.bytes)).updates;
  }

  /** How many updates it holds. */
  get count(): number {
    return this.records;
  }

  /** Bytes of records since the last `clear`. */
  get size(): number {
    return this.bytes;
  }

  /** Writes `updates` as records, in one write; on failure none of them is kept. */
  append(updates: readonly LoggedUpdate[]): void {
    if (this.broken) throw this.broken;
    const end = this.bytes + recordsSize(updates);
    if (end > this.buffer.length) this.grow(end);
    encodeRecordsAt(this.buffer, this.bytes, updates);
    try {
      for (let at = this.bytes; at < end; ) at += writeSync(this.fd, this.buffer, at, end - at);
    } catch (err) {
      // Half a record must not stay for the next ones to follow: reading stops at it.
      try {
        ftruncateSync(this.fd, this.bytes);
      } catch (truncating) {
        this.broken = truncating instanceof Error ? truncating : new Error(String(truncating));
      }
      throw err;
    }
    this.bytes = end;
    this.records += updates.length;
  }

  /** Empties the journal, once everything it held is stored elsewhere. */
  clear(): void {
    ftruncateSync(this.fd, 0);
    this.bytes = 0;
    this.records = 0;
    // A burst of large pastes needn't keep its room.
    if (this.buffer.length > INITIAL_CAPACITY)
      this.buffer = Buffer.allocUnsafeSlow(INITIAL_CAPACITY);
  }

  close(): void {
    closeSync(this.fd);
  }

  private grow(needed: number): void {
    const grown = Buffer.allocUnsafeSlow(Math.max(needed, this.buffer.length * 2));
    this.buffer.copy(grown, 0, 0, this.bytes);
    this.buffer = grown;
  }
}

/** Bytes the records of `updates` take. */
function recordsSize(updates: readonly LoggedUpdate[]): number {
  let size = 0;
  for (const { briefId, update } of updates)
    size += HEADER_BYTES + FIXED_PAYLOAD_BYTES + Buffer.byteLength(briefId) + update.length;
  return size;
}

/** The records of `updates`, back to back. */
export function encodeRecords(updates: readonly LoggedUpdate[]): Buffer {
  const out = Buffer.allocUnsafe(recordsSize(updates));
  encodeRecordsAt(out, 0, updates);
  return out;
}

/** Encodes the records of `updates` into `out` from `at`, which has room for them. */
function encodeRecordsAt(out: Buffer, at: number, updates: readonly LoggedUpdate[]): void {
  for (const { briefId, seq, update } of updates) {
    const start = at + HEADER_BYTES;
    const idBytes = out.write(briefId, start + 2);
    out.writeUInt16LE(idBytes, start);
    at = out.writeDoubleLE(seq, start + 2 + idBytes);
    out.set(update, at);
    at += update.length;
    out.writeUInt32LE(at - start, start - HEADER_BYTES);
    out.writeUInt32LE(crc32(out.subarray(start, at)), start - 4);
  }
}

/**
 * The whole records at the start of `data`, and how many bytes they take: reading stops at
 * the first record that is cut short or fails its CRC.
 */
export function readRecords(data: Buffer): { updates: LoggedUpdate[]; bytes: number } {
  const updates: LoggedUpdate[] = [];
  let at = 0;
  while (at + HEADER_BYTES <= data.length) {
    const length = data.readUInt32LE(at);
    const end = at + HEADER_BYTES + length;
    if (length < FIXED_PAYLOAD_BYTES || end > data.length) break;
    const payload = data.subarray(at + HEADER_BYTES, end);
    if (crc32(payload) !== data.readUInt32LE(at + 4)) break;
    const idEnd = 2 + payload.readUInt16LE(0);
    if (idEnd + 8 > length) break;
    updates.push({
      briefId: payload.toString("utf8", 2, idEnd),
      seq: payload.readDoubleLE(idEnd),
      update: new Uint8Array(payload.subarray(idEnd + 8)),
    });
    at = end;
  }
  return { updates, bytes: at };
}
