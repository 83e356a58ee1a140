import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Request, Response, Server } from 'restify';
import type { PrismaClient } from '../../../prisma/client';
import { closeWaWindow } from '../../../prisma/store/whatsappContact';
import { applyWaStatus } from '../../../prisma/store/whatsappOutbound';
import { recordWaInbound } from '../../../prisma/store/whatsappInbound';
import type { Logger } from '../../logger';
import { readBody } from '../directline/http';
import { parseDelivery } from './payload';
import { WINDOW_CLOSED_CODE } from './sender';

/** Path of the webhook (GET verification, POST deliveries). */
export const WHATSAPP_WEBHOOK_PATH = '/api/whatsapp';
/** Largest delivery accepted, in bytes (Meta's batches are far smaller). */
export const WHATSAPP_MAX_BODY_BYTES = 1024 * 1024;

/** What the webhook needs. */
export interface WebhookDependencies {
  prisma: PrismaClient;
  verifyToken: string;
  appSecret: string;
  phoneNumberId: string;
  clock: () => Date;
  logger: Logger;
  /** Called after the 200 with the users that have new messages. */
  onRecorded(users: string[]): void;
}

function equalText(a: string, b: string): boolean {
  const [x, y] = [Buffer.from(a), Buffer.from(b)];
  return x.length === y.length && timingSafeEqual(x, y);
}

/** True when `header` is `sha256=<hex HMAC-SHA256(secret, raw)>`, compared in constant time over the raw bytes. */
export function validSignature(secret: string, raw: Buffer, header: string | string[] | undefined): boolean {
  if (typeof header !== 'string' || !header.startsWith('sha256=')) return false;
  const expected = Buffer.from(createHmac('sha256', secret).update(raw).digest('hex'), 'utf8');
  const given = Buffer.from(header.slice('sha256='.length).trim().toLowerCase(), 'utf8');
  return expected.length === given.length && timingSafeEqual(expected, given);
}

function plain(res: Response, status: number, text: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(text);
}

/**
 * GET: Meta's verification (`hub.mode=subscribe` and the right `hub.verify_token` → 200 with `hub.challenge`, else
 * 403). POST: the raw body is read (413 over the limit) and its X-Hub-Signature-256 checked over the exact bytes
 * (401 when missing or wrong: nothing stored); a signed body that is not JSON gets 400. Every message is recorded
 * under its wamid (a retry is a no-op) and every status applied before the 200; the turns run after it.
 */
export function registerWebhookRoutes(server: Server, deps: WebhookDependencies): void {
  server.get(WHATSAPP_WEBHOOK_PATH, async (req: Request, res: Response) => {
    const params = new URL(req.url ?? '/', 'http://localhost').searchParams;
    const ok = params.get('hub.mode') === 'subscribe' && equalText(params.get('hub.verify_token') ?? '', deps.verifyToken);
    if (!ok) {
      deps.logger.warn('whatsapp.verify_refused', {});
      return plain(res, 403, 'Forbidden');
    }
    return plain(res, 200, params.get('hub.challenge') ?? '');
  });

  server.post(WHATSAPP_WEBHOOK_PATH, async (req: Request, res: Response) => {
    let raw: Buffer;
    try {
      raw = await readBody(req, WHATSAPP_MAX_BODY_BYTES);
    } catch {
      return plain(res, 413, 'Payload Too Large');
    }
    if (!validSignature(deps.appSecret, raw, req.headers['x-hub-signature-256'])) {
      deps.logger.warn('whatsapp.signature_refused', { present: req.headers['x-hub-signature-256'] !== undefined });
      return plain(res, 401, 'Unauthorized');
    }
    let body: unknown;
    try {
      body = JSON.parse(raw.toString('utf8'));
    } catch {
      return plain(res, 400, 'Bad Request');
    }
    const now = deps.clock();
    const delivery = parseDelivery(body, deps.phoneNumberId, now);
    try {
      await recordWaInbound(
        deps.prisma,
        delivery.messages.map((m) => ({
          wamid: m.wamid,
          waUser: m.waUser,
          waId: m.waId,
          message: JSON.stringify(m.message),
          profileName: m.profileName,
          mediaId: m.mediaId,
          receivedAt: now,
        })),
      );
      for (const status of delivery.statuses) {
        await applyWaStatus(deps.prisma, {
          wamid: status.wamid,
          status: status.status,
          at: status.at,
          error: status.error,
          errorCode: status.errorCode,
        });
        // A message refused for the 24-hour window: the window is closed whatever our clock says.
        if (status.errorCode === WINDOW_CLOSED_CODE && status.recipient) await closeWaWindow(deps.prisma, { waUser: status.recipient });
      }
    } catch (error) {
      deps.logger.error('whatsapp.record_failed', { error });
      return plain(res, 500, 'Internal Server Error');
    }
    if (delivery.otherNumbers > 0) deps.logger.warn('whatsapp.other_number', { changes: delivery.otherNumbers });
    plain(res, 200, 'EVENT_RECEIVED');
    const users = [...new Set(delivery.messages.map((m) => m.waUser))];
    if (users.length > 0) deps.onRecorded(users);
  });
}
