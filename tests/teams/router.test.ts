import staffFixture from '../../prisma/fixtures/demo-agentes.json';
import { AGENTES, AGENTES_ACCESO } from '../../catalog';
import { listAuditEntries } from '../../prisma/store/audit';
import {
  personalConversationId,
  postToBot,
  startFakeTeamsConnector,
  teamsCardAction,
  teamsInstall,
  teamsInvoke,
  teamsMessage,
  type FakeTeamsConnector,
  type TeamsUser,
} from '../../simulators/teams/fakeConnector';
import { startTestServer, type TestServer } from '../helpers/server';

const TENANT = staffFixture.tenant.id;
const [andrea, , gabriela] = staffFixture.agentes;
const AGENTE: TeamsUser = { aadObjectId: andrea.aadObjectId, name: andrea.nombre, tenantId: TENANT };
const SUPERVISOR: TeamsUser = { aadObjectId: gabriela.aadObjectId, name: gabriela.nombre, tenantId: TENANT };
const NO_STAFF: TeamsUser = { aadObjectId: staffFixture.noAgente.aadObjectId, name: staffFixture.noAgente.nombre, tenantId: TENANT };
const OTRO_TENANT: TeamsUser = {
  aadObjectId: staffFixture.otroTenant.aadObjectId,
  name: staffFixture.otroTenant.nombre,
  tenantId: staffFixture.otroTenant.id,
};
const SIN_TENANT: TeamsUser = { aadObjectId: andrea.aadObjectId, name: andrea.nombre };

/** The texts the bot sent to `user`'s personal chat after `from` (index in the recorded activities). */
function textsTo(teams: FakeTeamsConnector, user: TeamsUser, from: number): string[] {
  return teams.activities
    .slice(from)
    .filter((r) => r.conversationId === personalConversationId(user) && r.activity.type === 'message')
    .map((r) => String(r.activity.text));
}

describe('agent router: who may use the agents side in Teams', () => {
  let server: TestServer;
  let teams: FakeTeamsConnector;
  let messages: string;
  beforeAll(async () => {
    server = await startTestServer();
    teams = await startFakeTeamsConnector();
    messages = `${server.baseUrl}/api/messages`;
  });
  afterAll(async () => {
    await teams.close();
    await server.stop();
  });

  async function say(user: TeamsUser, text: string): Promise<string[]> {
    const before = teams.activities.length;
    const response = await postToBot(messages, teamsMessage(teams.serviceUrl, user, text));
    expect(response.status).toBe(200);
    await teams.waitFor((r) => teams.activities.indexOf(r) >= before && r.conversationId === personalConversationId(user));
    return textsTo(teams, user, before);
  }

  it.each([
    ['another tenant', OTRO_TENANT, 'refused:other_tenant'],
    ['no tenant', SIN_TENANT, 'refused:no_tenant'],
    ['a member of the tenant who is not staff', NO_STAFF, 'refused:not_staff'],
  ])('refuses %s with the short message and records it', async (_label, user, outcome) => {
    expect(await say(user, 'buscar RL-2026-000001')).toEqual([AGENTES_ACCESO.noAutorizado]);
    const audit = await listAuditEntries(server.db.prisma, { limit: 200 });
    const entry = audit.filter((e) => e.actorAadObjectId === user.aadObjectId).at(-1);
    expect(entry).toMatchObject({ action: 'teams.access', outcome, staffId: undefined });
    expect(entry?.actorTenantId).toBe(user.tenantId);
  });

  it.each([
    ['an agent', AGENTE],
    ['a supervisor', SUPERVISOR],
  ])('lets %s in: help on request, the personal chat reference recorded', async (_label, user) => {
    expect(await say(user, 'ayuda')).toEqual([AGENTES.ayuda]);
    const row = await server.db.prisma.staff.findUniqueOrThrow({ where: { aadObjectId: user.aadObjectId } });
    const reference = JSON.parse(row.personalReference ?? '{}') as { conversation?: { id?: string }; serviceUrl?: string };
    expect(reference.conversation?.id).toBe(personalConversationId(user));
    expect(reference.serviceUrl).toBe(teams.serviceUrl);
    const where = { actorAadObjectId: user.aadObjectId, actorTenantId: TENANT, outcome: { startsWith: 'refused' } };
    const refusals = await server.db.prisma.auditEntry.count({ where });
    expect(refusals).toBe(0);
  });

  it('greets an agent who installs the app, and answers an unknown command', async () => {
    const before = teams.activities.length;
    expect((await postToBot(messages, teamsInstall(teams.serviceUrl, AGENTE))).status).toBe(200);
    await teams.waitFor((r) => teams.activities.indexOf(r) >= before && r.conversationId === personalConversationId(AGENTE));
    expect(textsTo(teams, AGENTE, before)).toEqual([AGENTES.bienvenida(andrea.nombre)]);
    expect(await say(AGENTE, 'qué tal')).toEqual([AGENTES.noEntendido]);
    expect(await say(AGENTE, 'x'.repeat(1001))).toEqual([AGENTES.mensajeLargo(1000)]);
  });

  it('refuses a deactivated staff member with its own message', async () => {
    const marco = staffFixture.agentes[1];
    const user: TeamsUser = { aadObjectId: marco.aadObjectId, name: marco.nombre, tenantId: TENANT };
    await server.db.prisma.staff.update({ where: { aadObjectId: marco.aadObjectId }, data: { active: false } });
    try {
      expect(await say(user, 'ayuda')).toEqual([AGENTES_ACCESO.inactivo]);
    } finally {
      await server.db.prisma.staff.update({ where: { aadObjectId: marco.aadObjectId }, data: { active: true } });
    }
  });

  it('answers a refused card action and a refused search in the shapes Teams expects', async () => {
    const action = await postToBot(messages, teamsCardAction(teams.serviceUrl, OTRO_TENANT, 'caso.mover', { numero: 'x' }));
    expect(action).toEqual({
      status: 200,
      body: {
        statusCode: 403,
        type: 'application/vnd.microsoft.error',
        value: { code: 'Forbidden', message: AGENTES_ACCESO.noAutorizado },
      },
    });
    const query = await postToBot(messages, teamsInvoke(teams.serviceUrl, NO_STAFF, 'composeExtension/query', { commandId: 'buscarCaso' }));
    expect(query).toEqual({ status: 200, body: { composeExtension: { type: 'message', text: AGENTES_ACCESO.noAutorizado } } });
  });

  it('answers an invoke no feature handles', async () => {
    const action = await postToBot(messages, teamsCardAction(teams.serviceUrl, AGENTE, 'no.existe', {}));
    expect(action.body).toMatchObject({ statusCode: 501, type: 'application/vnd.microsoft.error' });
    const other = await postToBot(messages, teamsInvoke(teams.serviceUrl, AGENTE, 'task/fetch', {}));
    expect(other.status).toBe(501);
  });
});

describe('agent router with no Teams tenant configured', () => {
  it('refuses every Teams activity, staff included', async () => {
    const server = await startTestServer({ env: { TEAMS_TENANT_ID: '' } });
    const teams = await startFakeTeamsConnector();
    try {
      await postToBot(`${server.baseUrl}/api/messages`, teamsMessage(teams.serviceUrl, SUPERVISOR, 'ayuda'));
      const sent = await teams.waitFor((r) => r.conversationId === personalConversationId(SUPERVISOR));
      expect(sent.activity.text).toBe(AGENTES_ACCESO.noAutorizado);
      const entries = await listAuditEntries(server.db.prisma, {});
      expect(entries.map((e) => e.outcome)).toEqual(['refused:tenant_not_configured']);
    } finally {
      await teams.close();
      await server.stop();
    }
  });
});
