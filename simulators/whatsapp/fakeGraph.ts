import { createHash, randomBytes, randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { messageProblem } from './validate';
import { deliverWebhook, newWamid, type Json } from './webhook';

/**
 * A stand-in for Meta's Graph API (WhatsApp Cloud API) on loopback, for the tests and the simulator page: the
 * `/{version}/{phone-number-id}/messages` endpoint (Bearer token, Meta's validation of the body, the 24-hour
 * window, injected throughput errors), the media endpoints (`/{version}/{media-id}` then a download URL that expires),
 * and deliveries of signed webhooks to the bot. Error answers use Meta's envelope `{error:{message, type, code,
 * error_data, fbtrace_id}}`.
 */

/** One request the bot sent to the messages endpoint and the fake accepted, with the wamid it answered. */
export interface SentMessage {
  wamid: string;
  body: Json;
  at: Date;
}

/** What the fake is started with. */
export interface FakeGraphOptions {
  accessToken: string;
  phoneNumberId: string;
  appSecret: string;
  /** The bot's webhook (…/api/whatsapp); can be set later with `setWebhookUrl`. */
  webhookUrl?: string;
  /** Minutes a media download URL works (Meta: 5). */
  mediaUrlMinutes?: number;
  clock?: () => Date;
  port?: number;
  host?: string;
  /** Extra routes served before the Graph API's (the simulator page); answers true when it handled the request. */
  extraRoutes?: (req: http.IncomingMessage, res: http.ServerResponse) => Promise<boolean>;
}

/** The fake's handle. */
export interface FakeGraph {
  readonly url: string;
  /** Accepted requests, in order (read receipts included). */
  readonly sent: SentMessage[];
  /** Requests refused (invalid body, window closed, injected error), with the error code. */
  readonly refused: { body: Json; code: number }[];
  setWebhookUrl(url: string): void;
  /** Stores a file as media uploaded by a user; returns what a webhook message carries. */
  addMedia(bytes: Buffer, mimeType: string, filename?: string): { id: string; mimeType: string; sha256: string; filename?: string };
  /** Makes every download URL handed out so far stop working (as after Meta's few minutes). */
  expireMediaUrls(): void;
  /** Media GET requests served: metadata look-ups and downloads. */
  readonly mediaRequests: { metadata: number; downloads: number; expired: number };
  /** The next requests to the messages endpoint fail with these Meta error codes, in order (only those for `to`, when given). */
  failNext(codes: number[], to?: string): void;
  /** Opens the 24-hour window of `user` as if they had just written (for messages recorded without the fake). */
  openWindow(user: string): void;
  /** Posts a signed webhook delivery (an object, or exact bytes) to the bot; its user messages open the fake's 24-hour window. */
  deliver(payload: Json | Buffer): Promise<{ status: number; body: string }>;
  /** Resolves with the first accepted request (already sent or future) that `match` accepts, after `from`. */
  waitFor(match: (m: SentMessage) => boolean, options?: { timeoutMs?: number; from?: number }): Promise<SentMessage>;
  close(): Promise<void>;
}

const ERROR_TEXTS: Record<number, { status: number; message: string }> = {
  100: { status: 400, message: 'Invalid parameter' },
  190: { status: 401, message: 'Invalid OAuth access token.' },
  131009: { status: 400, message: '(#131009) Parameter value is not valid' },
  130429: { status: 429, message: '(#130429) Rate limit hit' },
  131056: { status: 429, message: '(#131056) (Business Account, Consumer Account) pair rate limit hit' },
  131047: { status: 400, message: '(#131047) Re-engagement message' },
  131000: { status: 500, message: '(#131000) Something went wrong' },
};

/** Meta's error envelope for `code`. */
export function graphError(code: number, details?: string): { status: number; body: Json } {
  const known = ERROR_TEXTS[code] ?? { status: 400, message: 'Error' };
  return {
    status: known.status,
    body: {
      error: {
        message: known.message,
        type: 'OAuthException',
        code,
        error_data: { messaging_product: 'whatsapp', details: details ?? known.message },
        fbtrace_id: randomBytes(9).toString('base64url'),
      },
    },
  };
}

function send(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

function readJson(req: http.IncomingMessage): Promise<Json> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Json);
      } catch (error) {
        reject(error);
      }
    });
    req.on('error', reject);
  });
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Starts the fake Graph API on loopback (a free port unless `port` is given). */
export async function startFakeGraph(options: FakeGraphOptions): Promise<FakeGraph> {
  const clock = options.clock ?? (() => new Date());
  const mediaMs = (options.mediaUrlMinutes ?? 5) * 60_000;
  const media = new Map<string, { bytes: Buffer; mimeType: string; sha256: string }>();
  const downloads = new Map<string, { mediaId: string; expiresAt: number }>();
  const lastUserMessage = new Map<string, number>();
  const sent: SentMessage[] = [];
  const refused: { body: Json; code: number }[] = [];
  const faults: { code: number; to?: string }[] = [];
  const authorOf = new Map<string, string>();
  const mediaRequests = { metadata: 0, downloads: 0, expired: 0 };
  const waiters: { match: (m: SentMessage) => boolean; from: number; resolve: (m: SentMessage) => void }[] = [];
  let webhookUrl = options.webhookUrl ?? '';
  let baseUrl = '';

  const authorized = (req: http.IncomingMessage): boolean => req.headers.authorization === `Bearer ${options.accessToken}`;
  const refuse = (res: http.ServerResponse, body: Json, code: number, details?: string): void => {
    refused.push({ body, code });
    const error = graphError(code, details);
    send(res, error.status, error.body);
  };

  async function messages(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const body = await readJson(req);
    const target = String(body.to ?? body.recipient ?? authorOf.get(String(body.message_id)) ?? '');
    const faultIndex = faults.findIndex((f) => f.to === undefined || f.to === target);
    if (faultIndex >= 0) return refuse(res, body, faults.splice(faultIndex, 1)[0].code);
    const problem = messageProblem(body);
    if (problem) return refuse(res, body, 131009, problem);
    const to = String(body.to ?? body.recipient ?? '');
    const last = lastUserMessage.get(to);
    if (body.type !== 'template' && body.status !== 'read' && (last === undefined || clock().getTime() - last > DAY_MS)) {
      return refuse(
        res,
        body,
        131047,
        'Message failed to send because more than 24 hours have passed since the customer last replied to this number.',
      );
    }
    const message: SentMessage = { wamid: body.status === 'read' ? '' : newWamid(), body, at: clock() };
    sent.push(message);
    for (const waiter of [...waiters]) {
      if (sent.indexOf(message) >= waiter.from && waiter.match(message)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(message);
      }
    }
    if (body.status === 'read') return send(res, 200, { success: true });
    send(res, 200, { messaging_product: 'whatsapp', contacts: [{ input: to, wa_id: to }], messages: [{ id: message.wamid }] });
  }

  function mediaDownload(url: URL, req: http.IncomingMessage, res: http.ServerResponse): void {
    const grant = downloads.get(url.searchParams.get('sig') ?? '');
    if (!grant || grant.expiresAt <= clock().getTime()) {
      mediaRequests.expired += 1;
      return send(res, 404, graphError(100, 'URL expired').body);
    }
    const file = media.get(grant.mediaId);
    if (!file) return send(res, 404, graphError(100, 'Unknown media').body);
    mediaRequests.downloads += 1;
    res.writeHead(200, { 'content-type': file.mimeType, 'content-length': String(file.bytes.length) });
    res.end(file.bytes);
    void req;
  }

  const server = http.createServer((req, res) => {
    void (async () => {
      if (options.extraRoutes && (await options.extraRoutes(req, res))) return;
      const url = new URL(req.url ?? '/', 'http://fake');
      const parts = url.pathname.split('/').filter(Boolean);
      if (!authorized(req)) return send(res, 401, graphError(190).body);
      if (parts[0] === 'media-download' && req.method === 'GET') return mediaDownload(url, req, res);
      if (parts.length === 3 && parts[1] === options.phoneNumberId && parts[2] === 'messages' && req.method === 'POST')
        return messages(req, res);
      if (parts.length === 2 && req.method === 'GET') {
        const file = media.get(parts[1]);
        if (!file) return send(res, 404, graphError(100, 'Unsupported get request. Object does not exist').body);
        mediaRequests.metadata += 1;
        const sig = randomUUID();
        downloads.set(sig, { mediaId: parts[1], expiresAt: clock().getTime() + mediaMs });
        return send(res, 200, {
          messaging_product: 'whatsapp',
          url: `${baseUrl}/media-download/${parts[1]}?sig=${sig}`,
          mime_type: file.mimeType,
          sha256: file.sha256,
          file_size: file.bytes.length,
          id: parts[1],
        });
      }
      return send(res, 404, graphError(100, 'Unknown path').body);
    })().catch((error: unknown) => send(res, 400, graphError(100, String(error)).body));
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  baseUrl = `http://${options.host ?? '127.0.0.1'}:${port}`;

  return {
    url: baseUrl,
    sent,
    refused,
    mediaRequests,
    setWebhookUrl: (url) => {
      webhookUrl = url;
    },
    addMedia(bytes, mimeType, filename) {
      const id = String(1e15 + Math.floor(Math.random() * 9e15));
      const sha256 = createHash('sha256').update(bytes).digest('base64');
      media.set(id, { bytes, mimeType, sha256 });
      return { id, mimeType, sha256, ...(filename ? { filename } : {}) };
    },
    expireMediaUrls() {
      for (const grant of downloads.values()) grant.expiresAt = 0;
    },
    openWindow: (user) => {
      lastUserMessage.set(user, clock().getTime());
    },
    failNext: (codes, to) => {
      faults.push(...codes.map((code) => ({ code, to })));
    },
    async deliver(payload) {
      const parsed = (Buffer.isBuffer(payload) ? JSON.parse(payload.toString('utf8')) : payload) as Json;
      for (const entry of (parsed.entry as Json[] | undefined) ?? []) {
        for (const change of (entry.changes as Json[] | undefined) ?? []) {
          const value = (change.value ?? {}) as Json;
          for (const m of (value.messages as Json[] | undefined) ?? []) {
            const who = String(m.from ?? m.from_user_id ?? '');
            lastUserMessage.set(who, clock().getTime());
            authorOf.set(String(m.id), who);
          }
        }
      }
      return deliverWebhook(webhookUrl, options.appSecret, payload);
    },
    waitFor(match, waitOptions = {}) {
      const from = waitOptions.from ?? 0;
      const found = sent.slice(from).find(match);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const waiter = { match, from, resolve };
        waiters.push(waiter);
        setTimeout(() => {
          const index = waiters.indexOf(waiter);
          if (index >= 0) {
            waiters.splice(index, 1);
            reject(new Error(`fake Graph API: no matching message within ${waitOptions.timeoutMs ?? 5000} ms`));
          }
        }, waitOptions.timeoutMs ?? 5000).unref();
      });
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
