import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A stand-in for Microsoft's Teams service on loopback, for the tests and the local agent page: it serves the Bot
 * Connector v3 conversation routes the bot calls (send, reply, update, delete, create conversation, members), records
 * every activity the bot sends and returns resource ids, and posts activities to the bot in the real Teams shapes
 * (`channelId: "msteams"`, `from.aadObjectId`, `conversation.tenantId`, `channelData.tenant`). It never checks auth:
 * with no MicrosoftAppId the bot sends none (local mode).
 */

/** JSON object as it travels on the wire. */
export type Json = Record<string, unknown>;

/** One activity the bot sent to the fake connector. */
export interface RecordedActivity {
  /** The resource id the connector returned for it. */
  id: string;
  conversationId: string;
  /** `send` (POST …/activities), `reply` (POST …/activities/{id}), `update` (PUT …/activities/{id}). */
  operation: 'send' | 'reply' | 'update' | 'delete' | 'history';
  /** For reply/update/delete: the activity id in the URL. */
  targetId?: string;
  activity: Json;
}

/** A conversation the bot created with POST /v3/conversations (a proactive 1:1 or a new post in a channel). */
export interface CreatedConversation {
  id: string;
  request: Json;
}

/** A Teams user, as the fake sends them in `from`. */
export interface TeamsUser {
  aadObjectId: string;
  name: string;
  /** Tenant of the user; undefined sends an activity with no tenant at all. */
  tenantId?: string;
}

/** The fake's handle: its URL (the `serviceUrl` of every activity it sends), what it recorded, and how to drive the bot. */
export interface FakeTeamsConnector {
  readonly serviceUrl: string;
  readonly activities: RecordedActivity[];
  readonly conversations: CreatedConversation[];
  /** Resolves with the first recorded activity (already recorded or future) that `match` accepts. */
  waitFor(match: (recorded: RecordedActivity) => boolean, timeoutMs?: number): Promise<RecordedActivity>;
  close(): Promise<void>;
}

const BOT_ID = '28:iess-asistente';

/** The personal (1:1) conversation id Teams would give `user` with the bot. */
export function personalConversationId(user: TeamsUser): string {
  return `a:personal-${user.aadObjectId}`;
}

/** A Teams message from `user` in their personal chat with the bot (or in `conversation` when given). */
export function teamsMessage(serviceUrl: string, user: TeamsUser, text: string, conversation?: Json): Json {
  return {
    ...teamsBase(serviceUrl, user, conversation),
    type: 'message',
    text,
    textFormat: 'plain',
  };
}

/** An `invoke` (card action, message-extension query...) from `user`, with its name and value. */
export function teamsInvoke(serviceUrl: string, user: TeamsUser, name: string, value: Json, conversation?: Json): Json {
  return { ...teamsBase(serviceUrl, user, conversation), type: 'invoke', name, value };
}

/** The `adaptiveCard/action` invoke Teams sends when an `Action.Execute` with `verb` and `data` is pressed. */
export function teamsCardAction(serviceUrl: string, user: TeamsUser, verb: string, data: Json, conversation?: Json): Json {
  return teamsInvoke(
    serviceUrl,
    user,
    'adaptiveCard/action',
    { action: { type: 'Action.Execute', id: randomUUID(), verb, data }, trigger: 'manual' },
    conversation,
  );
}

/** The `conversationUpdate` Teams sends when `user` installs the bot in personal scope. */
export function teamsInstall(serviceUrl: string, user: TeamsUser): Json {
  return {
    ...teamsBase(serviceUrl, user),
    type: 'conversationUpdate',
    membersAdded: [{ id: BOT_ID }],
  };
}

/** A conversation object for a channel of a team (`19:…@thread.tacv2`), for activities sent in that channel. */
export function teamsChannelConversation(channelId: string, tenantId: string): Json {
  return { id: channelId, conversationType: 'channel', isGroup: true, tenantId };
}

function teamsBase(serviceUrl: string, user: TeamsUser, conversation?: Json): Json {
  const channelData: Json = user.tenantId ? { tenant: { id: user.tenantId } } : {};
  if (conversation?.conversationType === 'channel') {
    channelData.channel = { id: conversation.id };
    channelData.team = { id: conversation.id };
  }
  return {
    id: randomUUID(),
    timestamp: new Date().toISOString(),
    serviceUrl,
    channelId: 'msteams',
    from: { id: `29:${user.aadObjectId}`, name: user.name, aadObjectId: user.aadObjectId },
    conversation: conversation ?? {
      id: personalConversationId(user),
      conversationType: 'personal',
      ...(user.tenantId ? { tenantId: user.tenantId } : {}),
    },
    recipient: { id: BOT_ID, name: 'Asistente IESS' },
    locale: 'es-EC',
    entities: [{ type: 'clientInfo', locale: 'es-EC', country: 'EC', platform: 'Web', timezone: 'America/Guayaquil' }],
    channelData,
  };
}

/** Result of posting an activity to the bot: the HTTP status and the parsed body (an invoke's answer). */
export interface BotResponse {
  status: number;
  body: unknown;
}

/** Posts `activity` to the bot's `/api/messages` as Teams would, and returns its answer. */
export async function postToBot(botMessagesUrl: string, activity: Json): Promise<BotResponse> {
  const response = await fetch(botMessagesUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(activity),
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    // not JSON: keep the text
  }
  return { status: response.status, body };
}

function readJson(req: http.IncomingMessage): Promise<Json> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      try {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve(text ? (JSON.parse(text) as Json) : {});
      } catch (error) {
        reject(error);
      }
    });
    req.on('error', reject);
  });
}

function send(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

/**
 * Starts the fake Teams connector on loopback: on `port` when given (the stand-in page's fixed port, so the bot can be
 * configured with it as TEAMS_HANDOFF_SERVICE_URL), else on a free one.
 */
export async function startFakeTeamsConnector(options: { port?: number } = {}): Promise<FakeTeamsConnector> {
  const activities: RecordedActivity[] = [];
  const conversations: CreatedConversation[] = [];
  const waiters: { match: (r: RecordedActivity) => boolean; resolve: (r: RecordedActivity) => void }[] = [];
  const record = (entry: RecordedActivity): void => {
    activities.push(entry);
    for (const waiter of [...waiters]) {
      if (waiter.match(entry)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(entry);
      }
    }
  };

  const server = http.createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://fake');
      const parts = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
      if (parts[0] !== 'v3' || parts[1] !== 'conversations')
        return send(res, 404, { error: { code: 'NotFound', message: 'Unknown route' } });
      const body = req.method === 'GET' || req.method === 'DELETE' ? {} : await readJson(req);
      const [, , conversationId, collection, activityId, extra] = parts;
      if (!conversationId && req.method === 'POST') {
        const id = `a:created-${randomUUID()}`;
        conversations.push({ id, request: body });
        const first = body.activity as Json | undefined;
        if (first) {
          const recorded: RecordedActivity = {
            id: `${id};messageid=${Date.now()}`,
            conversationId: id,
            operation: 'send',
            activity: first,
          };
          record(recorded);
          return send(res, 201, { id, activityId: recorded.id });
        }
        return send(res, 201, { id });
      }
      if (conversationId && collection === 'members' && req.method === 'GET') return send(res, 200, []);
      if (conversationId && collection === 'activities') {
        if (activityId === 'history' && req.method === 'POST') {
          record({ id: randomUUID(), conversationId, operation: 'history', activity: body });
          return send(res, 200, { id: randomUUID() });
        }
        if (!activityId && req.method === 'POST') {
          const id = randomUUID();
          record({ id, conversationId, operation: 'send', activity: body });
          return send(res, 201, { id });
        }
        if (activityId && !extra && req.method === 'POST') {
          const id = randomUUID();
          record({ id, conversationId, operation: 'reply', targetId: activityId, activity: body });
          return send(res, 201, { id });
        }
        if (activityId && req.method === 'PUT') {
          record({ id: activityId, conversationId, operation: 'update', targetId: activityId, activity: body });
          return send(res, 200, { id: activityId });
        }
        if (activityId && req.method === 'DELETE') {
          record({ id: activityId, conversationId, operation: 'delete', targetId: activityId, activity: {} });
          return send(res, 200, {});
        }
      }
      return send(res, 405, { error: { code: 'MethodNotAllowed', message: 'Unsupported operation' } });
    })().catch((error: unknown) => send(res, 400, { error: { code: 'BadArgument', message: String(error) } }));
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    serviceUrl: `http://127.0.0.1:${port}/`,
    activities,
    conversations,
    waitFor(match, timeoutMs = 5000) {
      const found = activities.find(match);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const waiter = { match, resolve };
        waiters.push(waiter);
        setTimeout(() => {
          const index = waiters.indexOf(waiter);
          if (index >= 0) {
            waiters.splice(index, 1);
            reject(new Error(`fake Teams connector: no matching activity within ${timeoutMs} ms`));
          }
        }, timeoutMs).unref();
      });
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
