import type { IncomingMessage, Server as HttpServer } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { PrismaClient } from '../../../prisma/client';
import type { Logger } from '../../logger';
import type { AppendedActivity, DirectLineStore } from './store';
import { hashToken } from './tokens';
import { timeOf, turnSqlOf } from '../../../prisma/turnSql';

/** Path of a conversation's stream: `/v3/directline/conversations/{id}/stream?t={token}&watermark={n}`. */
const STREAM_PATH = /^\/v3\/directline\/conversations\/([A-Za-z0-9_-]{1,64})\/stream$/;
/** Open streams allowed per conversation (a few browser tabs); more are refused with close code 1008. */
const MAX_STREAMS_PER_CONVERSATION = 5;
/** The client only sends empty keep-alive messages; anything bigger closes the stream. */
const MAX_INBOUND_BYTES = 1024;
/** Longest a held activity waits for its turn to end before it is sent anyway (see {@link StreamHub.hold}). */
const HOLD_MAX_MS = 100;

/** The token of a stream upgrade (a turn statement, prisma/turnSql.ts: every new Web Chat opens one). */
const STREAM_TOKEN = `SELECT "conversationId", "expiresAt" FROM "DlToken" WHERE "tokenHash" = ?`;

/** What the stream hub needs. */
export interface StreamHubOptions {
  prisma: PrismaClient;
  store: DirectLineStore;
  logger: Logger;
  clock: () => Date;
  /**
   * How often every open stream is checked against the store (one query for all of them), so an activity appended
   * by another instance, or by this one in a way that did not notify, still reaches the browser. Default 1000 ms.
   */
  sweepMs?: number;
  /** WebSocket ping interval; a stream that missed a pong is closed. Default 30 s. */
  pingMs?: number;
}

interface Stream {
  socket: WebSocket;
  conversationId: string;
  /** Seq of the last activity sent on this stream. */
  watermark: number;
  expiresAt: Date;
  flushing: boolean;
  pending: boolean;
  alive: boolean;
  /** Stored JSON texts taken by {@link StreamHub.notify} and not yet written (sent together, once per tick). */
  queued: string[];
  /** Sends what a held turn queued if the turn has not ended by then. */
  holdTimer?: NodeJS.Timeout;
}

/** The stream URL handed to a client for its conversation (ws: or wss: after the public origin's scheme). */
export function streamUrl(baseUrl: string, conversationId: string, token: string, watermark?: string): string {
  const origin = baseUrl.replace(/^http/, 'ws');
  const mark = watermark !== undefined && /^\d{1,15}$/.test(watermark) ? `&watermark=${watermark}` : '';
  return `${origin}/v3/directline/conversations/${conversationId}/stream?t=${encodeURIComponent(token)}${mark}`;
}

function refuse(socket: Duplex, status: number, reason: string): void {
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

/**
 * Direct Line 3.0 streaming: a WebSocket per open chat on the conversation's `streamUrl`, authenticated by the
 * conversation's token. Every activity appended to the store (the user's own, echoed as Web Chat expects, and the
 * bot's replies) is sent as soon as it is stored, as an ActivitySet `{ activities, watermark }`; the store stays the
 * one source, read from the stream's watermark, so single-delivery activities (real link tokens) keep their
 * one-reader rule and nothing is lost across reconnects or instances. Polling keeps working unchanged.
 */
export class StreamHub {
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: MAX_INBOUND_BYTES });
  private readonly streams = new Map<string, Set<Stream>>();
  private readonly timers: NodeJS.Timeout[] = [];
  /** Conversations with a turn in flight on this instance, and how many. */
  private readonly held = new Map<string, number>();

  constructor(private readonly options: StreamHubOptions) {}

  /**
   * Holds what the conversation's streams on this instance are notified of while one of its turns runs (the citizen's
   * own message, then the bot's replies, stored one by one), and sends it as one ActivitySet when the turn ends and
   * the returned release is called: one WebSocket message a turn instead of one for each activity. A held activity
   * waits at most HOLD_MAX_MS, so a slow turn still streams. Proactive messages are never held.
   */
  hold(conversationId: string): () => void {
    this.held.set(conversationId, (this.held.get(conversationId) ?? 0) + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (this.held.get(conversationId) ?? 1) - 1;
      if (left > 0) return void this.held.set(conversationId, left);
      this.held.delete(conversationId);
      for (const stream of this.streams.get(conversationId) ?? []) this.sendQueued(stream);
    };
  }

  /** Takes the stream upgrades of `server`, starts the sweep and the pings, and closes every stream with it. */
  attach(server: HttpServer): void {
    server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => void this.upgrade(req, socket, head));
    this.timers.push(setInterval(() => void this.sweep(), this.options.sweepMs ?? 1000).unref());
    this.timers.push(setInterval(() => this.ping(), this.options.pingMs ?? 30_000).unref());
    const close = server.close.bind(server);
    server.close = (callback?: (error?: Error) => void) => {
      this.close();
      return close(callback);
    };
  }

  /**
   * Sends what is new in `conversationId` to its open streams on this instance. A stream right behind `appended` (its
   * watermark is the seq before, no read under way) gets it as it was stored, without reading the page back; any
   * other stream reads the store from its watermark, so order and once-only hold either way.
   */
  notify(conversationId: string, appended?: AppendedActivity): void {
    for (const stream of this.streams.get(conversationId) ?? []) {
      if (appended && !stream.flushing && stream.watermark === appended.seq - 1 && stream.socket.readyState === stream.socket.OPEN) {
        stream.watermark = appended.seq;
        if (stream.queued.push(appended.json) > 1) continue;
        if (this.held.has(conversationId)) stream.holdTimer = setTimeout(() => this.sendQueued(stream), HOLD_MAX_MS);
        else setImmediate(() => this.sendQueued(stream));
      } else void this.flush(stream);
    }
  }

  /**
   * Writes the activities notified to a stream since its last write as one ActivitySet: a turn's replies, stored one
   * by one while the turn runs, leave in one WebSocket message at the end of that event-loop iteration instead of
   * one message (and one socket write) each. Called before any page a flush sends, so order holds.
   */
  private sendQueued(stream: Stream): void {
    if (stream.holdTimer) clearTimeout(stream.holdTimer);
    stream.holdTimer = undefined;
    if (stream.queued.length === 0) return;
    const texts = stream.queued.splice(0);
    if (stream.socket.readyState !== stream.socket.OPEN) return;
    stream.socket.send(`{"activities":[${texts.join(',')}],"watermark":"${stream.watermark}"}`);
  }

  /** Number of open streams (for tests and metrics). */
  get size(): number {
    let n = 0;
    for (const set of this.streams.values()) n += set.size;
    return n;
  }

  /** Stops the timers and closes every stream (going away, 1001); clients reconnect to another instance. */
  close(): void {
    for (const timer of this.timers) clearInterval(timer);
    for (const set of this.streams.values()) {
      for (const stream of set) {
        this.sendQueued(stream);
        stream.socket.close(1001);
      }
    }
    this.streams.clear();
    this.wss.close();
  }

  private async upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const match = STREAM_PATH.exec(url.pathname);
    if (!match) return refuse(socket, 404, 'Not Found');
    const conversationId = match[1];
    const token = url.searchParams.get('t') ?? '';
    const mark = url.searchParams.get('watermark') ?? '';
    try {
      const [found] = token
        ? await turnSqlOf(this.options.prisma).all<{ conversationId: string; expiresAt: unknown }>(STREAM_TOKEN, [hashToken(token)])
        : [];
      const row = found ? { conversationId: found.conversationId, expiresAt: timeOf(found.expiresAt) } : undefined;
      if (!row) return refuse(socket, 401, 'Unauthorized');
      if (row.expiresAt.getTime() <= this.options.clock().getTime()) return refuse(socket, 403, 'Forbidden');
      if (row.conversationId !== conversationId) return refuse(socket, 403, 'Forbidden');
      if ((this.streams.get(conversationId)?.size ?? 0) >= MAX_STREAMS_PER_CONVERSATION) return refuse(socket, 429, 'Too Many Requests');
      const watermark = /^\d{1,15}$/.test(mark) ? Number(mark) : 0;
      this.wss.handleUpgrade(req, socket, head, (ws) => this.open(ws, conversationId, watermark, row.expiresAt));
    } catch (error) {
      this.options.logger.error('directline.stream_upgrade_failed', { conversationId, error });
      refuse(socket, 500, 'Internal Server Error');
    }
  }

  private open(socket: WebSocket, conversationId: string, watermark: number, expiresAt: Date): void {
    const stream: Stream = { socket, conversationId, watermark, expiresAt, flushing: false, pending: false, alive: true, queued: [] };
    const set = this.streams.get(conversationId) ?? new Set<Stream>();
    set.add(stream);
    this.streams.set(conversationId, set);
    socket.on('pong', () => {
      stream.alive = true;
    });
    socket.on('error', () => socket.terminate());
    socket.on('close', () => {
      set.delete(stream);
      if (set.size === 0 && this.streams.get(conversationId) === set) this.streams.delete(conversationId);
    });
    this.options.logger.debug('directline.stream_opened', { conversationId });
    void this.flush(stream);
  }

  /** Sends the stored activities after the stream's watermark; concurrent calls coalesce into one more pass. */
  private async flush(stream: Stream): Promise<void> {
    if (stream.flushing) {
      stream.pending = true;
      return;
    }
    stream.flushing = true;
    try {
      for (;;) {
        stream.pending = false;
        if (stream.socket.readyState !== stream.socket.OPEN) return;
        const page = await this.options.store.listJson(stream.conversationId, stream.watermark);
        this.sendQueued(stream);
        stream.watermark = Math.max(stream.watermark, page.watermark);
        if (page.activities.length > 0) {
          // The stored JSON texts as they are: the same ActivitySet as serialising the parsed activities, without
          // parsing and serialising each one again.
          const texts = page.activities.map((r) => r.json).join(',');
          stream.socket.send(`{"activities":[${texts}],"watermark":"${stream.watermark}"}`);
        }
        // A full page may have more behind it; an append notified while this one was read sets `pending`. Otherwise
        // the stream is up to date (a shorter page is the end), and the next append notifies again.
        if (!page.more && !stream.pending) return;
      }
    } catch (error) {
      this.options.logger.error('directline.stream_flush_failed', { conversationId: stream.conversationId, error });
    } finally {
      stream.flushing = false;
    }
  }

  /** One query for every open conversation; streams behind the store are flushed, expired ones closed. */
  private async sweep(): Promise<void> {
    if (this.streams.size === 0) return;
    const now = this.options.clock().getTime();
    try {
      const ids = [...this.streams.keys()];
      const marks = await this.options.store.watermarks(ids);
      for (const id of ids) {
        for (const stream of this.streams.get(id) ?? []) {
          if (stream.expiresAt.getTime() <= now) stream.socket.close(1000);
          else if ((marks.get(id) ?? 0) > stream.watermark) void this.flush(stream);
        }
      }
    } catch (error) {
      this.options.logger.error('directline.stream_sweep_failed', { error });
    }
  }

  private ping(): void {
    for (const set of this.streams.values()) {
      for (const stream of set) {
        if (!stream.alive) {
          stream.socket.terminate();
          continue;
        }
        stream.alive = false;
        stream.socket.ping();
      }
    }
  }
}
