import staffFixture from '../../prisma/fixtures/demo-agentes.json';
import {
  personalConversationId,
  postToBot,
  startFakeTeamsConnector,
  teamsCardAction,
  teamsInvoke,
  teamsMessage,
  type FakeTeamsConnector,
  type Json,
  type RecordedActivity,
  type TeamsUser,
} from '../../simulators/teams/fakeConnector';
import { startTestServer, type TestServer } from '../helpers/server';
import type { Clock } from '../../core/ports';

/** The demo staff as Teams users (prisma/fixtures/demo-agentes.json). */
export const STAFF = {
  andrea: { aadObjectId: staffFixture.agentes[0].aadObjectId, name: staffFixture.agentes[0].nombre, tenantId: staffFixture.tenant.id },
  marco: { aadObjectId: staffFixture.agentes[1].aadObjectId, name: staffFixture.agentes[1].nombre, tenantId: staffFixture.tenant.id },
  gabriela: { aadObjectId: staffFixture.agentes[2].aadObjectId, name: staffFixture.agentes[2].nombre, tenantId: staffFixture.tenant.id },
} satisfies Record<string, TeamsUser>;

/** Every text of an Adaptive Card (TextBlocks, fact values, action titles), in order, for assertions. */
export function cardTexts(card: unknown): string[] {
  const out: string[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (typeof node !== 'object' || node === null) return;
    const n = node as Json;
    if (n.type === 'TextBlock' && typeof n.text === 'string') out.push(n.text);
    if (typeof n.title === 'string') out.push(n.title);
    if (typeof n.value === 'string' && n.title !== undefined) out.push(n.value);
    for (const key of ['body', 'items', 'facts', 'actions', 'columns']) if (key in n) visit(n[key]);
  };
  visit(card);
  return out;
}

/** The Action.Execute / Action.OpenUrl actions of a card, anywhere in it. */
export function cardActions(card: unknown): Json[] {
  const out: Json[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (typeof node !== 'object' || node === null) return;
    const n = node as Json;
    if (typeof n.type === 'string' && n.type.startsWith('Action.')) out.push(n);
    for (const key of ['body', 'items', 'actions', 'columns']) if (key in n) visit(n[key]);
  };
  visit(card);
  return out;
}

/** A running service and fake Teams connector, and the agent's moves on them. */
export interface TeamsDriver {
  server: TestServer;
  teams: FakeTeamsConnector;
  /** Sends a chat message; resolves with the activities the bot sent back to that personal chat. */
  say(user: TeamsUser, text: string): Promise<Json[]>;
  /** Presses an Action.Execute; resolves with the invoke's answer body. */
  press(user: TeamsUser, verb: string, data: Json): Promise<Json>;
  /** A message-extension query; resolves with the invoke's answer body. */
  query(user: TeamsUser, commandId: string, parameters: Json[]): Promise<Json>;
  stop(): Promise<void>;
}

/** Starts the service (fixed clock when given) and the fake Teams connector. */
export async function startTeamsDriver(options: { clock?: Clock } = {}): Promise<TeamsDriver> {
  const server = await startTestServer({ clock: options.clock });
  const teams = await startFakeTeamsConnector();
  const url = `${server.baseUrl}/api/messages`;
  return {
    server,
    teams,
    async say(user, text) {
      const before = teams.activities.length;
      const response = await postToBot(url, teamsMessage(teams.serviceUrl, user, text));
      if (response.status !== 200) throw new Error(`bot answered ${response.status}`);
      const mine = (r: RecordedActivity): boolean => r.conversationId === personalConversationId(user);
      await teams.waitFor((r) => teams.activities.indexOf(r) >= before && mine(r));
      return teams.activities
        .slice(before)
        .filter(mine)
        .map((r) => r.activity);
    },
    async press(user, verb, data) {
      const response = await postToBot(url, teamsCardAction(teams.serviceUrl, user, verb, data));
      if (response.status !== 200) throw new Error(`bot answered ${response.status}`);
      return response.body as Json;
    },
    async query(user, commandId, parameters) {
      const response = await postToBot(url, teamsInvoke(teams.serviceUrl, user, 'composeExtension/query', { commandId, parameters }));
      if (response.status !== 200) throw new Error(`bot answered ${response.status}`);
      return response.body as Json;
    },
    async stop() {
      await teams.close();
      await server.stop();
    },
  };
}
