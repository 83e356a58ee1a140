import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';

/** Byte storage behind a key: a local folder now, an object store later. */
export interface FileStorage {
  save(bytes: Buffer): Promise<string>;
  read(storageKey: string): Promise<Buffer>;
}

const KEY = /^[a-f0-9]{2}\/[a-f0-9]{32}$/;

/**
 * Stores files in a local folder that is never served directly, under server-generated names (two-level
 * fan-out). Keys from outside are checked against that exact shape, so no path can escape the folder.
 */
export class LocalFolderStorage implements FileStorage {
  constructor(private readonly root: string) {}

  async save(bytes: Buffer): Promise<string> {
    const name = randomBytes(16).toString('hex');
    const key = `${name.slice(0, 2)}/${name}`;
    const file = path.join(this.root, key);
    await fs.mkdir(path.dirname(file), { recursive: true });
    await fs.writeFile(file, bytes, { flag: 'wx', mode: 0o600 });
    return key;
  }

  async read(storageKey: string): Promise<Buffer> {
    if (!KEY.test(storageKey)) throw new Error('Invalid storage key.');
    return fs.readFile(path.join(this.root, storageKey));
  }
}
