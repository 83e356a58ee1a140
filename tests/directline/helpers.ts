import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { ActivityTypes, type TurnContext } from 'botbuilder';
import restify from 'restify';
import { Observable } from 'rxjs/Observable';
import { createLogger, silentLogger } from '../../bot/logger';
import { DirectLineAdapter, registerDirectLine, type AttachmentStore, type DirectLineOptions } from '../../bot/channels/directline';
import type { PrismaClient } from '../../prisma/client';

/** Attachment bytes kept in memory. */
export class MemoryAttachments implements AttachmentStore {
  readonly files = new Map<string, Buffer>();
  async save(bytes: Buffer): Promise<string> {
    const key = randomUUID();
    this.files.set(key, Buffer.from(bytes));
    return key;
  }
  async read(storageKey: string): Promise<Buffer> {
    const bytes = this.files.get(storageKey);
    if (!bytes) throw new Error('unknown storage key');
    return bytes;
  }
}

/** A clock the test moves by hand. */
export interface FakeClock {
  now: () => Date;
  advance(ms: number): void;
}

/** Starts a fake clock at `start`. */
export function fakeClock(start = new Date('2025-03-01T12:00:00Z')): FakeClock {
  let t = start.getTime();
  return {
    now: () => new Date(t),
    advance: (ms) => {
      t += ms;
    },
  };
}

/**
 * A tiny bot: greets when the user joins, echoes messages ("eco: <text>"), reads uploaded files back through the
 * adapter, and writes one BotState row per turn so tests can see whether a turn ran.
 */
export function echoLogic(prisma: PrismaClient): (context: TurnContext) => Promise<void> {
  return async (context) => {
    const conversationId = context.activity.conversation.id;
    const key = `test/${conversationId}/${randomUUID()}`;
    await prisma.botState.create({ data: { key, data: '{}', etag: '1' } });
    const { activity } = context;
    if (activity.type === ActivityTypes.ConversationUpdate) {
      const joined = (activity.membersAdded ?? []).filter((m) => m.id !== activity.recipient.id);
      if (joined.length > 0) await context.sendActivity('¡Hola! Soy el asistente.');
      return;
    }
    if (activity.type === ActivityTypes.Event) {
      await context.sendActivity(`evento: ${activity.name ?? ''}`);
      return;
    }
    if (activity.type !== ActivityTypes.Message) return;
    if (activity.text === 'boom') throw new Error('boom');
    if (activity.text === 'lento') {
      // A slow turn: its first reply must reach the stream while the turn still runs.
      await context.sendActivity('primero');
      await new Promise((resolve) => setTimeout(resolve, 400));
      await context.sendActivity('segundo');
      return;
    }
    const sizes: number[] = [];
    for (const attachment of activity.attachments ?? []) {
      const file =
        context.adapter instanceof DirectLineAdapter && attachment.contentUrl
          ? await context.adapter.readAttachment(attachment.contentUrl)
          : undefined;
      sizes.push(file ? file.bytes.length : -1);
    }
    await context.sendActivity(sizes.length > 0 ? `eco: ${activity.text ?? ''} [${sizes.join(',')}]` : `eco: ${activity.text ?? ''}`);
  };
}

/** A Direct Line server on 127.0.0.1 with a random port. */
export interface TestServer {
  baseUrl: string;
  server: restify.Server;
  adapter: DirectLineAdapter;
  attachments: MemoryAttachments;
  turnErrors: unknown[];
  close(): Promise<void>;
}

/** Starts restify on port 0 and registers the Direct Line routes with the echo bot. */
export async function startDirectLine(prisma: PrismaClient, overrides: Partial<DirectLineOptions> = {}): Promise<TestServer> {
  const server = restify.createServer({ handleUncaughtExceptions: false });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const attachments = new MemoryAttachments();
  const turnErrors: unknown[] = [];
  const adapter = registerDirectLine(server, {
    prisma,
    logic: echoLogic(prisma),
    onTurnError: async (context, error) => {
      turnErrors.push(error);
      await context.sendActivity('Lo siento, ocurrió un error.');
    },
    attachments,
    publicBaseUrl: baseUrl,
    tokenTtlSeconds: 1800,
    logger: process.env.DL_DEBUG ? createLogger('debug') : silentLogger,
    tokenRateLimitPerMinute: 1000,
    ...overrides,
  });
  return {
    baseUrl,
    server,
    adapter,
    attachments,
    turnErrors,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.server.closeAllConnections();
      }),
  };
}

/** Row counts of every table the channel may touch. */
export async function storeCounts(prisma: PrismaClient, attachments: MemoryAttachments): Promise<Record<string, number>> {
  return {
    conversations: await prisma.dlConversation.count(),
    activities: await prisma.dlActivity.count(),
    tokens: await prisma.dlToken.count(),
    attachments: await prisma.dlAttachment.count(),
    botState: await prisma.botState.count(),
    files: attachments.files.size,
  };
}

/** A new conversation's token, and the browser key cookie the client holds afterwards. */
export interface IssuedToken {
  token: string;
  conversationId: string;
  expires_in: number;
  /** The Set-Cookie header of the answer (null when the browser already had a key). */
  setCookie: string | null;
  /**
   * The browser key cookie ("iess_navegador=…") to send as the `Cookie` header of GET and POST /ingresar for a
   * sign-in link of this conversation: the one just set, else the one sent.
   */
  browserCookie: string | undefined;
}

/** Asks the token endpoint for a new conversation, as a browser holding `cookie` ("name=value"), if given, would. */
export async function newToken(baseUrl: string, cookie?: string): Promise<IssuedToken> {
  const res = await fetch(`${baseUrl}/api/directline/token`, { method: 'POST', headers: cookie ? { Cookie: cookie } : {} });
  if (res.status !== 200) throw new Error(`token endpoint answered ${res.status}`);
  const body = (await res.json()) as { token: string; conversationId: string; expires_in: number };
  const setCookie = res.headers.get('set-cookie');
  return { ...body, setCookie, browserCookie: setCookie ? setCookie.split(';')[0] : cookie };
}

/** Calls a Direct Line route with a bearer token. */
export function call(baseUrl: string, path: string, token: string | undefined, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  if (token) headers.set('Authorization', `Bearer ${token}`);
  if (typeof init.body === 'string' && !headers.has('Content-Type')) headers.set('Content-Type', 'application/json');
  return fetch(`${baseUrl}${path}`, { ...init, headers });
}

/** The request shape botframework-directlinejs hands to its `ajax` service (rxjs 5 AjaxRequest subset). */
interface AjaxRequest {
  method?: string;
  url: string;
  body?: unknown;
  headers?: Record<string, string>;
  responseType?: string;
}

/**
 * botframework-directlinejs's `ajax` service over Node's fetch, with rxjs 5 ajax semantics: JSON bodies are
 * stringified, FormData is sent as multipart, non-2xx answers error with `status` and `xhr.getResponseHeader`.
 * Node 20 has no XMLHttpRequest, and polyfills such as xhr2 cannot send FormData.
 */
export function fetchAjax(request: AjaxRequest): Observable<unknown> {
  return new Observable((subscriber) => {
    const controller = new AbortController();
    const body =
      request.body === undefined || typeof request.body === 'string' || request.body instanceof FormData
        ? request.body
        : JSON.stringify(request.body);
    fetch(request.url, { method: request.method ?? 'GET', headers: request.headers, body, signal: controller.signal })
      .then(async (res) => {
        const response = request.responseType === 'arraybuffer' ? await res.arrayBuffer() : await res.text().then(parseJson);
        const result = { status: res.status, response, xhr: { getResponseHeader: (name: string) => res.headers.get(name) } };
        if (res.ok) {
          subscriber.next(result);
          subscriber.complete();
        } else {
          subscriber.error(Object.assign(new Error(`HTTP ${res.status}`), result));
        }
      })
      .catch((error: unknown) => subscriber.error(Object.assign(new Error(String(error)), { status: 0 })));
    return () => controller.abort();
  });
}

function parseJson(text: string): unknown {
  try {
    return text === '' ? null : JSON.parse(text);
  } catch {
    return text;
  }
}

/** Node 20 has no WebSocket global; directlinejs dereferences it even with webSocket: false. */
export class NoWebSocket {
  constructor() {
    throw new Error('WebSocket is not used by these tests');
  }
}

/** Polls `check` until it returns a value or the time runs out. */
export async function waitFor<T>(check: () => T | undefined, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
