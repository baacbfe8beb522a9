/**
 * The first `length` bytes of the open file `fd` as a Buffer that is the file's page cache
 * (MAP_SHARED); the file's blocks are reserved first, and it grows to `length` if shorter.
 * Throws where mapping is not supported (anything but Linux) or fails. Null when the addon
 * was not built.
 */
export declare const map: ((fd: number, length: number) => Buffer) | null;
