import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { PrismaClient } from '../prisma/client';

/** Byte storage behind a key: a local folder (one instance, SQLite) or the database (several instances). */
export interface FileStorage {
  /** Stores the bytes whole and returns their new key; throws {@link FileStorageError}, with nothing kept, on failure. */
  save(bytes: Buffer): Promise<string>;
  read(storageKey: string): Promise<Buffer>;
  /** Deletes what `save` kept, e.g. when the record that would name it could not be written. */
  remove(storageKey: string): Promise<void>;
}

/** A save that failed (full disk, storage unavailable); `full` when the storage said it has no room. */
export class FileStorageError extends Error {
  constructor(
    readonly full: boolean,
    options: { cause: unknown },
  ) {
    super(full ? 'Document storage is full.' : 'Document storage failed.', options);
    this.name = 'FileStorageError';
  }
}

const KEY = /^[a-f0-9]{2}\/[a-f0-9]{32}$/;
const DB_KEY = /^db\/[a-f0-9]{32}$/;

/** ENOSPC / EDQUOT (file system) or SQLSTATE class 53 (PostgreSQL: disk full, out of memory, too many connections). */
function isFull(error: unknown): boolean {
  const code = (error as { code?: unknown })?.code;
  const text = String((error as { message?: unknown })?.message ?? '');
  return code === 'ENOSPC' || code === 'EDQUOT' || /\b53[0-9A-Z]{3}\b|disk full|No space left|database or disk is full/i.test(text);
}

/**
 * Stores files in a local folder that is never served directly, under server-generated names (two-level
 * fan-out). Keys from outside are checked against that exact shape, so no path can escape the folder. A file is
 * written under a temporary name and renamed only when complete, so a full disk leaves no partial file behind.
 */
export class LocalFolderStorage implements FileStorage {
  constructor(private readonly root: string) {}

  async save(bytes: Buffer): Promise<string> {
    const name = randomBytes(16).toString('hex');
    const key = `${name.slice(0, 2)}/${name}`;
    const file = path.join(this.root, key);
    const partial = `${file}.partial`;
    try {
      await fs.mkdir(path.dirname(file), { recursive: true });
      await fs.writeFile(partial, bytes, { flag: 'wx', mode: 0o600 });
      await fs.rename(partial, file);
      return key;
    } catch (error) {
      await fs.rm(partial, { force: true }).catch(() => undefined);
      throw new FileStorageError(isFull(error), { cause: error });
    }
  }

  async read(storageKey: string): Promise<Buffer> {
    if (!KEY.test(storageKey)) throw new Error('Invalid storage key.');
    return fs.readFile(path.join(this.root, storageKey));
  }

  async remove(storageKey: string): Promise<void> {
    if (!KEY.test(storageKey)) throw new Error('Invalid storage key.');
    await fs.rm(path.join(this.root, storageKey), { force: true });
  }
}

/**
 * Stores files in the database (StoredFile), so every instance behind the load balancer reads what any of them saved.
 * Chosen over an object store because files are at most 1 MB after the checks, the database is already shared,
 * backed up and access-controlled, and one insert is atomic: a full disk refuses the row whole. Keys are `db/<hex>`.
 */
export class DatabaseFileStorage implements FileStorage {
  constructor(private readonly prisma: PrismaClient) {}

  async save(bytes: Buffer): Promise<string> {
    const key = `db/${randomBytes(16).toString('hex')}`;
    try {
      await this.prisma.storedFile.create({ data: { key, bytes: new Uint8Array(bytes), size: bytes.length } });
      return key;
    } catch (error) {
      throw new FileStorageError(isFull(error), { cause: error });
    }
  }

  async read(storageKey: string): Promise<Buffer> {
    if (!DB_KEY.test(storageKey)) throw new Error('Invalid storage key.');
    const row = await this.prisma.storedFile.findUnique({ where: { key: storageKey }, select: { bytes: true } });
    if (!row) throw new Error('Unknown storage key.');
    return Buffer.from(row.bytes);
  }

  async remove(storageKey: string): Promise<void> {
    if (!DB_KEY.test(storageKey)) throw new Error('Invalid storage key.');
    await this.prisma.storedFile.deleteMany({ where: { key: storageKey } });
  }
}

/**
 * The storage for one kind of file: in the database when the store is PostgreSQL (several instances share it), in
 * `folder` otherwise (SQLite: one instance, one disk).
 */
export function createFileStorage(options: { provider: 'sqlite' | 'postgresql'; prisma: PrismaClient; folder: string }): FileStorage {
  return options.provider === 'postgresql' ? new DatabaseFileStorage(options.prisma) : new LocalFolderStorage(options.folder);
}
