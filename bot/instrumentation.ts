import type { Server } from 'restify';
import type { RateLimiter } from '../core/ports';
import type { Recognizer } from '../nlu';
import type { PrismaClient } from '../prisma/client';
import { getOutboxBacklog } from '../prisma/store/operations';
import { isStoreUnavailable } from './adapter';
import type { Metrics } from './metrics';

/** Second segments of a rate-limit key that name who is counted (never the value itself). */
const KEY_KINDS = new Set(['conv', 'client', 'id', 'conv-id']);

/**
 * The scope label of a rate-limit key: its first segment (the feature) and, when it is one of the known kinds, the
 * second (`estado:client`). The rest of the key (conversation, identification, address) never becomes a label.
 */
export function rateLimitScope(key: string): string {
  const [feature = '', kind = ''] = key.split(':');
  if (!/^[a-z][a-z-]{0,30}$/.test(feature)) return 'other';
  return KEY_KINDS.has(kind) ? `${feature}:${kind}` : feature;
}

/** Runs one turn and records its outcome and latency; the error (if any) goes on to the turn error handler. */
export async function measureTurn(metrics: Metrics, channelId: string | undefined, turn: () => Promise<void>): Promise<void> {
  const started = process.hrtime.bigint();
  let outcome: 'ok' | 'error' | 'unavailable' = 'ok';
  try {
    await turn();
  } catch (error) {
    outcome = isStoreUnavailable(error) ? 'unavailable' : 'error';
    throw error;
  } finally {
    metrics.observeTurn(channelId, outcome, Number(process.hrtime.bigint() - started) / 1e9);
  }
}

/** The recognizer, counting each decision's status (the NLU fallback rate is unknown / all). */
export function instrumentRecognizer(recognizer: Recognizer, metrics: Metrics): Recognizer {
  return {
    recognize(text) {
      const result = recognizer.recognize(text);
      metrics.countNluResult(result.status);
      return result;
    },
  };
}

/** Makes the store's rate limiter count its refusals; the limiter object is shared by the dialogs and the pages. */
export function instrumentRateLimiter(limiter: RateLimiter, metrics: Metrics): void {
  const hit = limiter.hit.bind(limiter);
  limiter.hit = async (options) => {
    const decision = await hit(options);
    if (!decision.allowed) metrics.countRateLimitRefusal(rateLimitScope(options.key));
    return decision;
  };
}

/** Counts every 429 the HTTP routes answer (Direct Line tokens, sign-in page, new-clave page) as a refusal of its route. */
export function countHttpRefusals(server: Server, metrics: Metrics): void {
  server.on('after', (req: { getRoute?: () => { path?: unknown } | undefined }, res: { statusCode: number }) => {
    if (res.statusCode !== 429) return;
    const path = req.getRoute?.()?.path;
    metrics.countRateLimitRefusal(`http:${typeof path === 'string' ? path : 'other'}`);
  });
}

/** Outbox gauges read from the store at each scrape, so they describe every instance's shared outbox. */
export function registerOutboxMetrics(metrics: Metrics, options: { prisma: PrismaClient; clock: () => Date }): void {
  const read = () => getOutboxBacklog(options.prisma, { now: options.clock() }).catch(() => undefined);
  let last: Promise<Awaited<ReturnType<typeof read>>> | undefined;
  // One store read per scrape feeds both gauges (the first gauge collected starts it, the second reuses it).
  const backlog = () => (last ??= read().finally(() => setTimeout(() => (last = undefined), 0)));
  metrics.gauge({
    name: 'iess_outbox_emails',
    help: 'E-mails in the outbox by state: pendiente is the backlog, fallido the messages given up on.',
    labelNames: ['state'],
    collect: async (gauge) => {
      const counts = await backlog();
      if (!counts) return;
      gauge.set({ state: 'pendiente' }, counts.pendiente);
      gauge.set({ state: 'enviado' }, counts.enviado);
      gauge.set({ state: 'fallido' }, counts.fallido);
    },
  });
  metrics.gauge({
    name: 'iess_outbox_oldest_pending_seconds',
    help: 'Age of the oldest e-mail still waiting to be sent (0 when none).',
    collect: async (gauge) => {
      const counts = await backlog();
      if (counts) gauge.set(counts.oldestPendingSeconds);
    },
  });
}
