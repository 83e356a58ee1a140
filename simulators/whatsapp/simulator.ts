import type http from 'node:http';
import { startFakeGraph, type FakeGraph, type SentMessage } from './fakeGraph';
import { simulatorPage } from './page';
import { buttonReply, envelope, listReply, mediaMessage, messagesChange, textMessage, type Json, type WaUser } from './webhook';

/**
 * The WhatsApp simulator for newcomers and demos: the same fake Graph API the tests use, plus a page (GET /) that
 * shows one phone's conversation with buttons, lists, links and files, and sends the person's text, taps and files
 * to the bot as signed webhooks. No Meta account is needed.
 */

/** What the simulator is started with. */
export interface SimulatorOptions {
  accessToken: string;
  phoneNumberId: string;
  appSecret: string;
  /** The bot's webhook, e.g. http://localhost:3978/api/whatsapp (can be set later on `graph`). */
  webhookUrl?: string;
  port?: number;
  host?: string;
  /** The simulated person. */
  user?: WaUser;
}

/** One line of the simulated conversation, as the page shows it. */
export interface SimEntry {
  n: number;
  from: 'user' | 'bot';
  at: string;
  /** For the person: their text, choice or file name. For the bot: the Cloud API message body. */
  text?: string;
  body?: Json;
}

/** The running simulator. */
export interface Simulator {
  readonly url: string;
  readonly graph: FakeGraph;
  readonly user: WaUser;
  close(): Promise<void>;
}

const MAX_UPLOAD = 4 * 1024 * 1024;

function readJson(req: http.IncomingMessage): Promise<Json> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= MAX_UPLOAD * 2) chunks.push(c);
    });
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

function json(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

/** Starts the simulator (fake Graph API and page on one loopback port). */
export async function startSimulator(options: SimulatorOptions): Promise<Simulator> {
  const user: WaUser = options.user ?? { waId: '593991234567', name: 'Ciudadano de prueba' };
  const mine: SimEntry[] = [];
  const ref: { graph?: FakeGraph } = {};
  const isMine = (m: SentMessage): boolean => m.body.to === user.waId && m.body.status !== 'read';

  function conversation(): SimEntry[] {
    const bot = (ref.graph?.sent ?? []).filter(isMine).map((m) => ({ from: 'bot' as const, at: m.at.toISOString(), body: m.body }));
    const all = [...mine.map((e) => ({ from: e.from, at: e.at, text: e.text })), ...bot];
    return all.sort((a, b) => a.at.localeCompare(b.at)).map((e, n) => ({ ...e, n }));
  }

  async function send(body: Json): Promise<{ status: number }> {
    const graph = ref.graph;
    if (!graph) return { status: 503 };
    let message: Json;
    let shown: string;
    if (typeof body.text === 'string' && body.text.trim()) {
      message = textMessage(user, body.text);
      shown = body.text;
    } else if (body.reply && typeof body.reply === 'object') {
      const reply = body.reply as { id?: unknown; title?: unknown; list?: unknown };
      const [id, title] = [String(reply.id ?? ''), String(reply.title ?? '')];
      message = reply.list ? listReply(user, id, title) : buttonReply(user, id, title);
      shown = title;
    } else if (typeof body.file === 'string' && typeof body.name === 'string') {
      const bytes = Buffer.from(body.file, 'base64');
      if (bytes.length > MAX_UPLOAD) return { status: 413 };
      const mime = typeof body.mime === 'string' && body.mime ? body.mime : 'application/octet-stream';
      const media = graph.addMedia(bytes, mime, body.name);
      message = mediaMessage(user, mime.startsWith('image/') ? 'image' : 'document', media);
      shown = `📎 ${body.name}`;
    } else return { status: 400 };
    mine.push({ n: 0, from: 'user', at: new Date().toISOString(), text: shown });
    const answer = await graph.deliver(envelope([[messagesChange(options.phoneNumberId, [user], [message])]]));
    return { status: answer.status };
  }

  const graph = await startFakeGraph({
    accessToken: options.accessToken,
    phoneNumberId: options.phoneNumberId,
    appSecret: options.appSecret,
    webhookUrl: options.webhookUrl,
    port: options.port,
    host: options.host,
    extraRoutes: async (req, res) => {
      const path = new URL(req.url ?? '/', 'http://sim').pathname;
      if (path === '/' && req.method === 'GET') {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
        res.end(simulatorPage(user));
        return true;
      }
      if (path === '/favicon.ico') {
        res.writeHead(204);
        res.end();
        return true;
      }
      if (path === '/sim/conversation' && req.method === 'GET') {
        json(res, 200, conversation());
        return true;
      }
      if (path === '/sim/send' && req.method === 'POST') {
        try {
          const outcome = await send(await readJson(req));
          json(res, outcome.status === 200 ? 200 : 502, { webhookStatus: outcome.status });
        } catch (error) {
          json(res, 502, { error: String(error) });
        }
        return true;
      }
      return false;
    },
  });
  ref.graph = graph;
  return { url: graph.url, graph, user, close: () => graph.close() };
}
