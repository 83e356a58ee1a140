import { randomUUID } from 'node:crypto';
import type { Storage, StoreItems } from 'botbuilder';
import type { PrismaClient } from '../prisma/client';

/** Raised when a write carries an eTag older than the stored one: another turn changed the item first. */
export class ETagConflictError extends Error {
  constructor(key: string) {
    super(`Storage: error writing "${key}" due to eTag conflict.`);
    this.name = 'ETagConflictError';
  }
}

/**
 * Bot Framework conversation and user state in the Prisma store, with the SDK's eTag semantics: a write
 * with a stale eTag fails, "*" or no eTag overwrites. A restart never loses a conversation mid-dialog.
 */
export class PrismaStorage implements Storage {
  constructor(private readonly db: PrismaClient) {}

  async read(keys: string[]): Promise<StoreItems> {
    if (keys.length === 0) return {};
    const rows = await this.db.botState.findMany({ where: { key: { in: keys } } });
    const items: StoreItems = {};
    for (const row of rows) items[row.key] = { ...(JSON.parse(row.data) as object), eTag: row.etag };
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    for (const [key, item] of Object.entries(changes)) {
      const { eTag, ...rest } = (item ?? {}) as { eTag?: string } & Record<string, unknown>;
      const data = JSON.stringify(rest);
      const etag = randomUUID();
      if (!eTag || eTag === '*') {
        await this.db.botState.upsert({ where: { key }, create: { key, data, etag }, update: { data, etag } });
        continue;
      }
      const { count } = await this.db.botState.updateMany({ where: { key, etag: eTag }, data: { data, etag } });
      if (count === 1) continue;
      const exists = await this.db.botState.findUnique({ where: { key }, select: { key: true } });
      if (exists) throw new ETagConflictError(key);
      try {
        await this.db.botState.create({ data: { key, data, etag } });
      } catch {
        throw new ETagConflictError(key);
      }
    }
  }

  async delete(keys: string[]): Promise<void> {
    if (keys.length === 0) return;
    await this.db.botState.deleteMany({ where: { key: { in: keys } } });
  }
}
