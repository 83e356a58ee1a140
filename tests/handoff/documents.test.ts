import { HANDOFF, HANDOFF_AGENTE } from '../../catalog';
import {
  postToBot,
  startFakeTeamsConnector,
  teamsCardAction,
  teamsChannelConversation,
  type FakeTeamsConnector,
  type TeamsUser,
} from '../../simulators/teams/fakeConnector';
import { makePdf } from '../helpers/documentFiles';
import { DEMO_TEAMS_TENANT_ID, startTestServer, type TestServer } from '../helpers/server';
import { linkIn, submitSignIn } from '../signin/chat';
import { texts, WebChatClient, type WebChatActivity } from './webChatClient';

const IN_HOURS = new Date('2026-12-02T15:00:00Z');
const QUEUE_CHANNEL = '19:cola-documentos@thread.tacv2';
const andrea: TeamsUser = {
  aadObjectId: '3f6a2b1c-0001-4a7e-8c9d-000000000a01',
  name: 'Andrea Paredes Villacís',
  tenantId: DEMO_TEAMS_TENANT_ID,
};
const JOSE = { cedula: '0939336715', clave: 'Litoral2017' };

describe('handoff: documents the citizen sends go through the normal intake', () => {
  let server: TestServer;
  let teams: FakeTeamsConnector;
  beforeAll(async () => {
    teams = await startFakeTeamsConnector();
    server = await startTestServer({
      clock: () => IN_HOURS,
      env: { TEAMS_HANDOFF_CHANNEL_ID: QUEUE_CHANNEL, TEAMS_HANDOFF_SERVICE_URL: teams.serviceUrl },
    });
  });
  afterAll(async () => {
    await server.stop();
    await teams.close();
  });

  async function queueAndTake(citizen: WebChatClient): Promise<string> {
    await citizen.say('quiero hablar con un agente');
    const handoff = await server.app.prisma.handoffRequest.findFirstOrThrow({ where: { conversationKey: `directline:${citizen.id}` } });
    const channel = teamsChannelConversation(QUEUE_CHANNEL, DEMO_TEAMS_TENANT_ID);
    await postToBot(
      `${server.baseUrl}/api/messages`,
      teamsCardAction(teams.serviceUrl, andrea, 'handoff.tomar', { handoffId: handoff.id }, channel),
    );
    await citizen.poll();
    const taken = await server.app.prisma.handoffRequest.findUniqueOrThrow({ where: { id: handoff.id } });
    return (JSON.parse(taken.agentReference ?? '{}') as { conversation?: { id?: string } }).conversation?.id ?? '';
  }

  it('stores a signed-in citizen’s PDF, tells both sides, and says nothing else', async () => {
    const citizen = new WebChatClient(server.baseUrl);
    await citizen.start();
    const link = linkIn((await citizen.say('Mis trámites')) as unknown as Parameters<typeof linkIn>[0]);
    expect((await submitSignIn(link, { identificacion: JOSE.cedula, clave: JOSE.clave, cookie: citizen.cookie })).status).toBe(200);
    await citizen.poll();
    const agentChat = await queueAndTake(citizen);
    const answer: WebChatActivity[] = await citizen.upload(await makePdf(), 'application/pdf', 'cedula.pdf');
    const [said] = texts(answer);
    const jose = await server.app.prisma.afiliado.findUniqueOrThrow({ where: { cedula: JOSE.cedula } });
    const stored = await server.app.prisma.document.findMany({ where: { afiliadoId: jose.id, tipo: 'complemento' } });
    expect(stored).toHaveLength(1);
    expect(said.startsWith(HANDOFF.archivoRecibido('').slice(0, 20))).toBe(true);
    await teams.waitFor(
      (r) =>
        r.conversationId === agentChat && String(r.activity.text ?? '').startsWith(HANDOFF_AGENTE.ciudadanoEnvioDocumento('').slice(0, 20)),
    );
  });

  it('keeps nothing from a citizen who is not signed in', async () => {
    const citizen = new WebChatClient(server.baseUrl);
    await citizen.start();
    await queueAndTake(citizen);
    const before = await server.app.prisma.document.count();
    expect(texts(await citizen.upload(await makePdf(), 'application/pdf', 'cedula.pdf'))).toEqual([HANDOFF.archivoSinSesion]);
    expect(await server.app.prisma.document.count()).toBe(before);
  });
});
