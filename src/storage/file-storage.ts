/**
 * Where uploaded documents live: never in the database, never under the web
 * root. Keys are generated (random), so a file name from the user never
 * reaches the file system. Local disk now; an S3-compatible adapter can
 * implement the same interface.
 */
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";

export interface FileStorage {
  put(key: string, bytes: Uint8Array): Promise<void>;
  get(key: string): Promise<Uint8Array>;
  remove(key: string): Promise<void>;
}

const KEY = /^[a-f0-9-]{36}\.(pdf|jpg|png|pptx)$/;

export function createDiskStorage(root: string): FileStorage {
  const file = (key: string) => {
    if (!KEY.test(key)) throw new Error(`invalid storage key ${key}`);
    return path.join(root, key.slice(0, 2), key);
  };
  return {
    async put(key, bytes) {
      const target = file(key);
      await mkdir(path.dirname(target), { recursive: true });
      const tmp = `${target}.${process.pid}.tmp`;
      await writeFile(tmp, bytes, { mode: 0o600 });
      await rename(tmp, target);
    },
    async get(key) {
      return readFile(file(key));
    },
    async remove(key) {
      await rm(file(key), { force: true });
    },
  };
}
