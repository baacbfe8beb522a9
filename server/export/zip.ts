import { crc32, deflateRawSync } from "node:zlib";

/**
 * Writes a ZIP archive of `files` (in order), every entry deflated and dated `date`, so the same
 * files always give the same bytes. Node's own zlib does the compressing: a docx is mostly XML,
 * and native deflate needs no warming up, which matters to a command-line render that runs once.
 */
export function zipFiles(files: Iterable<[string, Uint8Array]>, date: Date): Uint8Array {
  const time = (date.getHours() << 11) | (date.getMinutes() << 5) | (date.getSeconds() >> 1);
  const day = ((date.getFullYear() - 1980) << 9) | ((date.getMonth() + 1) << 5) | date.getDate();
  const chunks: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  let count = 0;
  for (const [path, data] of files) {
    const name = Buffer.from(path, "utf8");
    const packed = deflateRawSync(data);
    const fields = {
      crc: crc32(data),
      packed: packed.length,
      size: data.length,
      name: name.length,
      time,
      day,
    };
    const local = header(30, name, (v) => {
      v.setUint32(0, 0x04034b50, true);
      common(v, 4, fields);
    });
    const entry = header(46, name, (v) => {
      v.setUint32(0, 0x02014b50, true);
      v.setUint16(4, 20, true); // made by: version 2.0
      common(v, 6, fields);
      // comment length, disk, internal and external attributes: all 0
      v.setUint32(42, offset, true);
    });
    chunks.push(local, packed);
    central.push(entry);
    offset += local.length + packed.length;
    count++;
  }
  const centralSize = central.reduce((n, c) => n + c.length, 0);
  const end = header(22, Buffer.alloc(0), (v) => {
    v.setUint32(0, 0x06054b50, true);
    v.setUint16(8, count, true);
    v.setUint16(10, count, true);
    v.setUint32(12, centralSize, true);
    v.setUint32(16, offset, true);
  });
  return Buffer.concat([...chunks, ...central, end]);
}

interface EntryFields {
  crc: number;
  packed: number;
  size: number;
  name: number;
  time: number;
  day: number;
}

/** The fields a local header and a central directory entry share, from `at` on. */
function common(v: DataView, at: number, f: EntryFields): void {
  v.setUint16(at, 20, true); // version needed to extract: 2.0 (deflate)
  v.setUint16(at + 2, 0x0800, true); // names are UTF-8
  v.setUint16(at + 4, 8, true); // deflate
  v.setUint16(at + 6, f.time, true);
  v.setUint16(at + 8, f.day, true);
  v.setUint32(at + 10, f.crc, true);
  v.setUint32(at + 14, f.packed, true);
  v.setUint32(at + 18, f.size, true);
  v.setUint16(at + 22, f.name, true);
}

/** A record of `size` fixed bytes, filled by `fill`, followed by `name`. */
function header(size: number, name: Uint8Array, fill: (v: DataView) => void): Uint8Array {
  const bytes = new Uint8Array(size + name.length);
  fill(new DataView(bytes.buffer));
  bytes.set(name, size);
  return bytes;
}
