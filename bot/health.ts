import { createHash, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import type { Request, Response, Server } from 'restify';
import { OPERACIONES } from '../catalog';
import type { PrismaClient } from '../prisma/client';
import { listAppliedMigrations } from '../prisma/store/operations';
import type { Logger } from './logger';
import type { Metrics } from './metrics';

/** Paths of the probes; they stay open while the service stops (readiness then says 503). */
export const PROBE_PATHS = ['/healthz', '/readyz'] as const;

/** What readiness checks: the store and its migrations, and whether the service is stopping. */
export interface HealthOptions {
  prisma: PrismaClient;
  /** Folder of the migrations this build expects applied (one sub-folder per migration). */
  migrationsDir: string;
  /** True once the service has begun to stop. */
  stopping: () => boolean;
  /** Longest wait for the store before readiness says 503 (a locked SQLite file waits for its busy timeout). */
  timeoutMs?: number;
  logger: Logger;
}

/** The migration folders this build ships, read once: they do not change while the process runs. */
function expectedMigrations(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && fs.existsSync(`${dir}/${entry.name}/migration.sql`))
    .map((entry) => entry.name);
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timeout')), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/**
 * GET /healthz is liveness: 200 while the process serves HTTP, whatever the store does, so an orchestrator does not
 * restart an instance that only waits for its database. GET /readyz is readiness: 200 when the store answers a read
 * of a real table within the timeout, every migration of this build is applied and the service is not stopping;
 * otherwise 503 with which check failed, so a load balancer sends turns elsewhere until it recovers by itself.
 */
export function registerHealthRoutes(server: Server, options: HealthOptions): void {
  const expected = expectedMigrations(options.migrationsDir);
  const timeoutMs = options.timeoutMs ?? 2000;
  server.get('/healthz', async (_req: Request, res: Response) => {
    res.header('Cache-Control', 'no-store');
    res.json(200, { status: 'ok' });
  });
  server.get('/readyz', async (_req: Request, res: Response) => {
    let database: 'ok' | 'unavailable' = 'ok';
    let migrations: 'ok' | 'pending' | 'unknown' = 'unknown';
    try {
      const applied = new Set(await withTimeout(listAppliedMigrations(options.prisma), timeoutMs));
      migrations = expected.every((name) => applied.has(name)) ? 'ok' : 'pending';
    } catch {
      database = 'unavailable';
    }
    const stopping = options.stopping();
    const ready = database === 'ok' && migrations === 'ok' && !stopping;
    if (!ready) options.logger.warn('not_ready', { database, migrations, stopping });
    res.header('Cache-Control', 'no-store');
    res.json(ready ? 200 : 503, { status: ready ? 'ok' : 'unavailable', checks: { database, migrations, stopping } });
  });
}

/** True for a loopback peer that did not come through a proxy (a proxied request carries X-Forwarded-For). */
function isDirectLoopback(req: Request): boolean {
  const address = req.socket.remoteAddress ?? '';
  const loopback = address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.');
  return loopback && req.header('x-forwarded-for') === undefined && req.header('forwarded') === undefined;
}

function sameSecret(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

/**
 * GET /metrics in the Prometheus text format. With `token` (METRICS_TOKEN) it needs `Authorization: Bearer <token>`
 * (401 otherwise) from any address; without one it answers only direct loopback peers (403 otherwise), so a public
 * listener never exposes it by accident.
 */
export function registerMetricsRoute(server: Server, options: { metrics: Metrics; token?: string }): void {
  server.get('/metrics', async (req: Request, res: Response) => {
    res.header('Cache-Control', 'no-store');
    if (options.token) {
      const header = req.header('authorization') ?? '';
      const given = header.startsWith('Bearer ') ? header.slice(7) : '';
      if (!given || !sameSecret(given, options.token)) {
        res.header('WWW-Authenticate', 'Bearer');
        res.json(401, { error: OPERACIONES.metricasNoAutorizado });
        return;
      }
    } else if (!isDirectLoopback(req)) {
      res.json(403, { error: OPERACIONES.metricasNoAutorizado });
      return;
    }
    const body = await options.metrics.render();
    res.setHeader('Content-Type', options.metrics.contentType);
    res.writeHead(200);
    res.end(body);
  });
}
