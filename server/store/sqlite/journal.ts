import { closeSync, constants, ftruncateSync, openSync, readFileSync, writeSync } from "node:fs";
import { createRequire } from "node:module";
import { crc32 } from "node:zlib";

/** One update of a brief's log, with its place in that log. */
export interface LoggedUpdate {
  briefId: string;
  seq: number;
  update: Uint8Array;
}

/** Maps the first `length` bytes of an open file into memory (see native/mmap). */
export type MapFile = (fd: number, length: number) => Buffer;

/** Each record starts with its payload's length and the payload's CRC-32 (u32 LE each). */
const HEADER_BYTES = 8;
/** A payload is the brief id's length (u16 LE), the id, the seq (f64 LE), then the update. */
const FIXED_PAYLOAD_BYTES = 2 + 8;

/**
 * The size of a mapped journal's file. The store moves the journal into the log every second,
 * or at half this: a second of 200 rooms typing takes ~100 KB. A batch too big for it (a huge
 * paste) goes straight into the log.
 */
export const MAPPED_BYTES = 4 * 1024 * 1024;
/** A written journal's buffer has room for this many bytes of records at first, and grows. */
const INITIAL_CAPACITY = 256 * 1024;

/** The native addon's `map`, or null where it was not built (no compiler at install). */
function addonMap(): MapFile | null {
  try {
    return (createRequire(import.meta.url)("@briefroom/mmap") as { map: MapFile | null }).map;
  } catch {
    return null;
  }
}

/**
 * The front of the SQLite document log: a file that a turn's updates reach before they are
 * sent. Once there they survive a killed process, as a WAL commit with synchronous=NORMAL
 * does, for a small part of a commit's cost; the store moves them into `doc_updates` in one
 * transaction every second or so. Every record carries a CRC-32, so a record torn by a crash
 * is recognised on opening and dropped, with anything after it.
 *
 * The file is mapped into memory where the native addon is built (Linux): records are encoded
 * straight into the file's page cache, with no system call, which was most of what a durable
 * edit cost. It keeps a fixed size, with zeros after the last record. Elsewhere records are
 * encoded into a buffer that mirrors the file and written with one `write` per turn.
 *
 * Either way records are read back from those bytes when they move: a second of edits held
 * as objects would outlive the garbage collector's young generation, and copying them to the
 * old one cost more than the write.
 */
export class Journal {
  private readonly fd: number;
  /** The file's records, from the start: the file itself when mapped, else a copy. */
  private buffer: Buffer;
  /** Whether `buffer` is the file mapped into memory. */
  readonly mapped: boolean;
  /** Why the file is written rather than mapped, when it is. */
  readonly unmappedBecause: string | null = null;
  /** Bytes of whole records in the file (and the buffer). */
  private bytes: number;
  private records: number;
  /** Set when a failed write could not be undone: nothing more can follow it safely. */
  private broken: Error | null = null;

  /**
   * Opens the journal at `file`, creating it; what it holds is `held` until `clear`. `map`
   * (the native addon's by default; null to write instead) maps the file.
   */
  constructor(file: string, { map = addonMap() }: { map?: MapFile | null } = {}) {
    this.fd = openSync(file, constants.O_RDWR | constants.O_CREAT, 0o644);
    const data = readFileSync(this.fd);
    const { updates, bytes } = readRecords(data);
    this.bytes = bytes;
    this.records = updates.length;
    let mapping: Buffer | null = null;
    if (!map) {
      this.unmappedBecause = "the native addon @briefroom/mmap is not built";
    } else {
      try {
        mapping = map(this.fd, Math.max(MAPPED_BYTES, data.length));
      } catch (err) {
        this.unmappedBecause = err instanceof Error ? err.message : String(err);
      }
    }
    this.mapped = mapping !== null;
    if (mapping) {
      // New records follow whole ones, with zeros after them: a torn record goes.
      mapping.fill(0, bytes, endOfData(data, bytes));
      this.buffer = mapping;
    } else {
      ftruncateSync(this.fd, bytes);
      this.buffer = Buffer.allocUnsafeSlow(Math.max(INITIAL_CAPACITY, bytes));
      data.copy(this.buffer, 0, 0, bytes);
    }
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

  /**
   * Writes `updates` as records, all or none; false, with nothing written, when a mapped
   * journal has no room for them (move it, or store them elsewhere).
   */
  append(updates: readonly LoggedUpdate[]): boolean {
    if (this.broken) throw this.broken;
    const end = this.bytes + recordsSize(updates);
    if (end > this.buffer.length) {
      if (this.mapped) return false;
      this.grow(end);
    }
    encodeRecordsAt(this.buffer, this.bytes, updates);
    if (!this.mapped) this.write(end);
    this.bytes = end;
    this.records += updates.length;
    return true;
  }

  /** Empties the journal, once everything it held is stored elsewhere. */
  clear(): void {
    if (this.mapped) {
      // From the front: should the process die meanwhile, reading stops at the first zero.
      this.buffer.fill(0, 0, this.bytes);
    } else {
      ftruncateSync(this.fd, 0);
      // A burst of large pastes needn't keep its room.
      if (this.buffer.length > INITIAL_CAPACITY)
        this.buffer = Buffer.allocUnsafeSlow(INITIAL_CAPACITY);
    }
    this.bytes = 0;
    this.records = 0;
  }

  /** Closes the file; a mapping is undone once its Buffer is collected. */
  close(): void {
    closeSync(this.fd);
    this.buffer = Buffer.alloc(0);
    this.bytes = 0;
    this.records = 0;
    this.broken = new Error("the journal is closed");
  }

  /** Writes the records from `this.bytes` to `end`; on failure none of them stays. */
  private write(end: number): void {
    try {
      for (let at = this.bytes; at < end; ) at += writeSync(this.fd, this.buffer, at, end - at, at);
    } catch (err) {
      // Half a record must not stay for the next ones to follow: reading stops at it.
      try {
        ftruncateSync(this.fd, this.bytes);
      } catch (truncating) {
        this.broken = truncating instanceof Error ? truncating : new Error(String(truncating));
      }
      throw err;
    }
  }

  private grow(needed: number): void {
    const grown = Buffer.allocUnsafeSlow(Math.max(needed, this.buffer.length * 2));
    this.buffer.copy(grown, 0, 0, this.bytes);
    this.buffer = grown;
  }
}

/**
 * Where the non-zero bytes of `data` end, looking no earlier than `from`: the end of a torn
 * record after the whole ones, or of a written journal's file.
 */
function endOfData(data: Buffer, from: number): number {
  const CHUNK = 64 * 1024;
  const zeros = Buffer.alloc(CHUNK);
  let end = data.length;
  while (end > from) {
    const start = Math.max(from, end - CHUNK);
    if (!data.subarray(start, end).equals(zeros.subarray(0, end - start))) return end;
    end = start;
  }
  return from;
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
