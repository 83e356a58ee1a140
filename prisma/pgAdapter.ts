import { randomUUID } from 'node:crypto';
import { PrismaPg } from '@prisma/adapter-pg';
import { Client, type PoolConfig } from 'pg';

/** PostgreSQL type OIDs adapter-pg 6.x cannot map (prisma/orm#27403): `name` (19) and `"char"` (18), both text. */
const TEXT_LIKE_OIDS = new Set([19, 18]);
const TEXT_OID = 25;

/** True for a `postgres://` or `postgresql://` URL: the store is PostgreSQL, otherwise SQLite. */
export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//i.test(url);
}

/**
 * The pool settings of a PostgreSQL URL as separate fields, not a connection string: adapter-pg builds its shadow
 * database by overriding `database` in this object, which a `connectionString` would silently win over.
 */
export function poolConfigOf(url: string, extra: PoolConfig = {}): PoolConfig {
  const u = new URL(url);
  const sslmode = u.searchParams.get('sslmode');
  const schema = u.searchParams.get('schema');
  return {
    host: decodeURIComponent(u.hostname) || u.searchParams.get('host') || 'localhost',
    port: u.port ? Number(u.port) : 5432,
    user: decodeURIComponent(u.username) || undefined,
    password: u.password ? decodeURIComponent(u.password) : undefined,
    database: decodeURIComponent(u.pathname.replace(/^\//, '')) || undefined,
    ssl: sslmode && sslmode !== 'disable' ? { rejectUnauthorized: sslmode === 'verify-full' } : undefined,
    options: schema ? `-c search_path=${schema}` : undefined,
    ...extra,
  };
}

interface FieldLike {
  dataTypeID: number;
}
interface Performer {
  performIO(query: unknown): Promise<{ fields?: FieldLike[] } | { fields?: FieldLike[] }[]>;
  startTransaction?(isolationLevel?: unknown): Promise<unknown>;
}

/** Makes one queryable (adapter or transaction) read `name` and `"char"` columns as text instead of failing. */
function mapTextLikeColumns<T>(queryable: T): T {
  const target = queryable as unknown as Performer;
  const performIO = target.performIO.bind(target);
  target.performIO = async (query) => {
    const result = await performIO(query);
    // A script of several statements answers with one result per statement.
    for (const one of Array.isArray(result) ? result : [result]) {
      for (const field of one.fields ?? []) if (TEXT_LIKE_OIDS.has(field.dataTypeID)) field.dataTypeID = TEXT_OID;
    }
    return result;
  };
  const startTransaction = target.startTransaction?.bind(target);
  if (startTransaction) target.startTransaction = async (level) => mapTextLikeColumns(await startTransaction(level));
  return queryable;
}

/** Runs one statement on a short-lived connection to the cluster's `postgres` database. */
async function onCluster(config: PoolConfig, sql: string): Promise<void> {
  const client = new Client({ ...config, database: 'postgres' });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * The PostgreSQL driver adapter for the runtime and for Prisma's CLI (migrate deploy/status/diff, db push), which
 * reads the catalogue's `name` columns: every connection, transaction and shadow database maps OIDs 19 and 18 to
 * text. The shadow database is dropped after its pool has closed (adapter-pg 6.19 drops it while still connected,
 * which PostgreSQL refuses).
 */
export function createPgAdapter(url: string, extra: PoolConfig = {}): PrismaPg {
  const config = poolConfigOf(url, extra);
  const factory = new PrismaPg(config);
  const connect = factory.connect.bind(factory);
  factory.connect = async () => mapTextLikeColumns(await connect());
  factory.connectToShadowDb = async () => {
    const database = `prisma_migrate_shadow_db_${randomUUID()}`;
    await onCluster(config, `CREATE DATABASE "${database}"`);
    const adapter = mapTextLikeColumns(await new PrismaPg({ ...config, database }).connect());
    const dispose = adapter.dispose.bind(adapter);
    adapter.dispose = async () => {
      await dispose();
      await onCluster(config, `DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    };
    return adapter;
  };
  return factory;
}
