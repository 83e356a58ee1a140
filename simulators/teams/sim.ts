import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import {
  personalConversationId,
  postToBot,
  startFakeTeamsConnector,
  teamsCardAction,
  teamsChannelConversation,
  teamsInvoke,
  teamsMessage,
  type FakeTeamsConnector,
  type Json,
  type TeamsUser,
} from './fakeConnector';

/**
 * A local stand-in for the Teams client, for newcomers without a Microsoft tenant: a small page (simulators/teams/page)
 * that shows the personal chat with the bot and a call-centre channel, renders the bot's Adaptive Cards, sends
 * messages, Action.Execute invokes and message-extension queries as the chosen demo staff member, all through the
 * fake Teams connector. It reads the staff list from a JSON file (the demo fixture) and imports nothing of the bot.
 */

/** A person the page can act as. */
export interface SimUser extends TeamsUser {
  key: string;
  /** What the page shows next to the name (role or why the bot must refuse them). */
  label: string;
}

/** One line of the page's transcript: what a user sent, or what the bot sent (or updated) through the connector. */
export interface SimEntry {
  seq: number;
  conversationId: string;
  from: 'user' | 'bot';
  /** Connector resource id of a bot activity (an update replaces the entry with the same id). */
  id?: string;
  name?: string;
  activity: Json;
}

/** The running stand-in. */
export interface TeamsSim {
  url: string;
  connector: FakeTeamsConnector;
  close(): Promise<void>;
}

/** The id of the call-centre channel conversation on the page. */
export const SIM_CHANNEL_ID = '19:centro-de-atencion@thread.tacv2';

type StaffFile = {
  tenant: { id: string };
  agentes: { aadObjectId: string; nombre: string; rol: string }[];
  noAgente?: { aadObjectId: string; nombre: string };
  otroTenant?: { id: string; aadObjectId: string; nombre: string };
};

/** The people of a staff file (demo-agentes.json): the staff, plus the refused member and the other tenant's person. */
export function simUsersOf(file: StaffFile): SimUser[] {
  const users: SimUser[] = file.agentes.map((a, i) => ({
    key: `staff${i}`,
    aadObjectId: a.aadObjectId,
    name: a.nombre,
    tenantId: file.tenant.id,
    label: a.rol,
  }));
  if (file.noAgente)
    users.push({
      key: 'noStaff',
      aadObjectId: file.noAgente.aadObjectId,
      name: file.noAgente.nombre,
      tenantId: file.tenant.id,
      label: 'not staff',
    });
  if (file.otroTenant) {
    const o = file.otroTenant;
    users.push({ key: 'otherTenant', aadObjectId: o.aadObjectId, name: o.nombre, tenantId: o.id, label: 'other tenant' });
  }
  return users;
}

const PAGE_DIR =
  [path.join(__dirname, 'page'), path.resolve(__dirname, '../../../simulators/teams/page')].find((d) => fs.existsSync(d)) ?? '';
const STATIC: Record<string, string> = { '/': 'index.html', '/sim.js': 'sim.js', '/cards.js': 'cards.js', '/sim.css': 'sim.css' };
const TYPES: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
};

function readBody(req: http.IncomingMessage): Promise<Json> {
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

function json(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

/** Starts the page and the fake connector on loopback; `botUrl` is the bot's /api/messages. */
export async function startTeamsSim(options: {
  botUrl: string;
  users: SimUser[];
  port?: number;
  connectorPort?: number;
}): Promise<TeamsSim> {
  const connector = await startFakeTeamsConnector({ port: options.connectorPort });
  const entries: SimEntry[] = [];
  let absorbed = 0;
  const absorb = (): void => {
    for (; absorbed < connector.activities.length; absorbed += 1) {
      const r = connector.activities[absorbed];
      if (r.operation === 'update') {
        const target = entries.find((e) => e.id === r.targetId);
        if (target) target.activity = r.activity;
        continue;
      }
      if (r.operation === 'delete') continue;
      entries.push({ seq: entries.length, conversationId: r.conversationId, from: 'bot', id: r.id, activity: r.activity });
    }
  };
  const userOf = (key: unknown): SimUser | undefined => options.users.find((u) => u.key === key);
  const conversationOf = (user: SimUser, where: unknown): Json | undefined =>
    where === 'channel' ? teamsChannelConversation(SIM_CHANNEL_ID, user.tenantId ?? '') : undefined;

  const server = http.createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://sim');
      const file = STATIC[url.pathname];
      if (req.method === 'GET' && file) {
        const body = fs.readFileSync(path.join(PAGE_DIR, file));
        res.writeHead(200, { 'content-type': TYPES[file.split('.').pop() ?? 'html'], 'cache-control': 'no-store' });
        return res.end(body);
      }
      if (req.method === 'GET' && url.pathname === '/api/users') return json(res, 200, { users: options.users, channelId: SIM_CHANNEL_ID });
      if (req.method === 'GET' && url.pathname === '/api/entries') {
        absorb();
        return json(res, 200, { entries });
      }
      if (req.method !== 'POST') return json(res, 404, { error: 'not found' });
      const body = await readBody(req);
      const user = userOf(body.user);
      if (!user) return json(res, 400, { error: 'unknown user' });
      const conversation = conversationOf(user, body.conversation);
      const conversationId = conversation ? SIM_CHANNEL_ID : personalConversationId(user);
      if (url.pathname === '/api/message' && typeof body.text === 'string') {
        entries.push({
          seq: entries.length,
          conversationId,
          from: 'user',
          name: user.name,
          activity: { type: 'message', text: body.text },
        });
        const answer = await postToBot(options.botUrl, teamsMessage(connector.serviceUrl, user, body.text, conversation));
        return json(res, 200, answer);
      }
      if (url.pathname === '/api/action' && typeof body.verb === 'string') {
        const data = (body.data ?? {}) as Json;
        return json(res, 200, await postToBot(options.botUrl, teamsCardAction(connector.serviceUrl, user, body.verb, data, conversation)));
      }
      if (url.pathname === '/api/query' && typeof body.commandId === 'string') {
        const value = {
          commandId: body.commandId,
          parameters: [{ name: 'busqueda', value: String(body.text ?? '') }],
          queryOptions: { skip: 0, count: 10 },
        };
        return json(
          res,
          200,
          await postToBot(options.botUrl, teamsInvoke(connector.serviceUrl, user, 'composeExtension/query', value, conversation)),
        );
      }
      return json(res, 404, { error: 'not found' });
    })().catch((error: unknown) => json(res, 502, { error: String(error) }));
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    connector,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await connector.close();
    },
  };
}
