import { randomUUID } from 'node:crypto';
import type { Storage, StoreItems } from 'botbuilder';
import type { PrismaClient } from '../prisma/client';
import { turnSqlOf, type TurnSql } from '../prisma/turnSql';

/** Raised when a write carries an eTag older than the stored one: another turn changed the item first. */
export class ETagConflictError extends Error {
  constructor(key: string) {
    super(`Storage: error writing "${key}" due to eTag conflict.`);
    this.name = 'ETagConflictError';
  }
}

const UPSERT = `INSERT INTO "BotState" ("key", "data", "etag", "updatedAt") VALUES (?, ?, ?, ?)
  ON CONFLICT ("key") DO UPDATE SET "data" = excluded."data", "etag" = excluded."etag", "updatedAt" = excluded."updatedAt"`;
const UPDATE_IF_CURRENT = `UPDATE "BotState" SET "data" = ?, "etag" = ?, "updatedAt" = ? WHERE "key" = ? AND "etag" = ?`;
const INSERT_IF_ABSENT = `INSERT INTO "BotState" ("key", "data", "etag", "updatedAt") VALUES (?, ?, ?, ?) ON CONFLICT ("key") DO NOTHING`;

/** One placeholder per key, for an IN list. */
function marks(keys: readonly string[]): string {
  return keys.map(() => '?').join(', ');
}

interface BotStateRow {
  key: string;
  data: string;
  etag: string;
}

/**
 * Bot Framework conversation and user state in the Prisma store, with the SDK's eTag semantics: a write
 * with a stale eTag fails, "*" or no eTag overwrites. A restart never loses a conversation mid-dialog.
 *
 * Every turn reads and writes here, so the statements are turn statements (prisma/turnSql.ts: prepared once on the
 * connection Prisma uses, without its query compiler; issue 14), the same SQL on SQLite and PostgreSQL.
 */
export class PrismaStorage implements Storage {
  private readonly sql: TurnSql;

  constructor(db: PrismaClient) {
    this.sql = turnSqlOf(db);
  }

  async read(keys: string[]): Promise<StoreItems> {
    if (keys.length === 0) return {};
    const rows = await this.sql.all<BotStateRow>(`SELECT "key", "data", "etag" FROM "BotState" WHERE "key" IN (${marks(keys)})`, keys);
    const items: StoreItems = {};
    for (const row of rows) items[row.key] = { ...(JSON.parse(row.data) as object), eTag: row.etag };
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    for (const [key, item] of Object.entries(changes)) {
      const { eTag, ...rest } = (item ?? {}) as { eTag?: string } & Record<string, unknown>;
      const data = JSON.stringify(rest);
      const etag = randomUUID();
      const now = new Date();
      if (!eTag || eTag === '*') {
        await this.sql.run(UPSERT, [key, data, etag, now]);
        continue;
      }
      const updated = await this.sql.run(UPDATE_IF_CURRENT, [data, etag, now, key, eTag]);
      if (updated === 1) continue;
      // No row with that eTag: either another turn wrote first (conflict) or the item was never stored (an eTag
      // from elsewhere); the insert succeeds only in the second case, once.
      const inserted = await this.sql.run(INSERT_IF_ABSENT, [key, data, etag, now]);
      if (inserted !== 1) throw new ETagConflictError(key);
    }
  }

  async delete(keys: string[]): Promise<void> {
    if (keys.length === 0) return;
    await this.sql.run(`DELETE FROM "BotState" WHERE "key" IN (${marks(keys)})`, keys);
  }
}
