/**
 * Handoff from WhatsApp: a citizen writing over the signed webhook (fake Graph API) is queued, a fake-Teams agent
 * takes the card, messages go both ways, the bot stays silent while the agent owns the chat, and resumes after
 * "terminar" (agent) or "volver al asistente" (citizen) with one satisfaction question.
 */
import { HANDOFF, HANDOFF_AGENTE, MSG } from '../../catalog';
import {
  postToBot,
  startFakeTeamsConnector,
  teamsCardAction,
  teamsChannelConversation,
  teamsMessage,
  type FakeTeamsConnector,
  type Json,
  type RecordedActivity,
  type TeamsUser,
} from '../../simulators/teams/fakeConnector';
import { DEMO_TEAMS_TENANT_ID } from '../helpers/server';
import { cardActions, STAFF } from '../teams/teamsDriver';
import { Phone, readable, startWhatsAppWorld, type WhatsAppWorld } from '../whatsapp/helpers';

/** Wednesday 2 December 2026, 10:00 in Guayaquil (inside the default hours), moving on in real time for the sender. */
const START = new Date('2026-12-02T15:00:00Z').getTime();
const BOOT = Date.now();
const clock = (): Date => new Date(START + (Date.now() - BOOT));
const QUEUE_CHANNEL = '19:cola-call-center@thread.tacv2';

describe('handoff: WhatsApp citizen ↔ Teams agent', () => {
  let world: WhatsAppWorld;
  let teams: FakeTeamsConnector;
  let url: string;
  beforeAll(async () => {
    teams = await startFakeTeamsConnector();
    world = await startWhatsAppWorld({
      clock,
      env: {
        BOTFRAMEWORK_ENDPOINT: 'local',
        TEAMS_TENANT_ID: DEMO_TEAMS_TENANT_ID,
        TEAMS_HANDOFF_CHANNEL_ID: QUEUE_CHANNEL,
        TEAMS_HANDOFF_SERVICE_URL: teams.serviceUrl,
      },
    });
    url = `${world.baseUrl}/api/messages`;
  }, 60_000);
  afterAll(async () => {
    await world?.stop();
    await teams?.close();
  });

  /** Asks for a person, waits for the queue card and has `agent` take it; returns the handoff id and agent chat. */
  async function queueAndTake(phone: Phone, agent: TeamsUser): Promise<{ handoffId: string; agentChat: string }> {
    const cardsBefore = teams.activities.length;
    await phone.say('quiero hablar con un agente');
    await phone.waitFor(HANDOFF.enCola(1));
    const card = await teams.waitFor(
      (r) => teams.activities.indexOf(r) >= cardsBefore && r.conversationId === QUEUE_CHANNEL && r.operation !== 'update',
    );
    expect(JSON.stringify(card.activity)).not.toContain(phone.user.waId ?? '');
    const take = cardActions(((card.activity.attachments as Json[])[0] as Json).content).find((a) => a.verb === 'handoff.tomar');
    const handoffId = String((take?.data as Json | undefined)?.handoffId ?? '');
    const channel = teamsChannelConversation(QUEUE_CHANNEL, DEMO_TEAMS_TENANT_ID);
    const taken = await postToBot(url, teamsCardAction(teams.serviceUrl, agent, 'handoff.tomar', { handoffId }, channel));
    expect(taken.body).toEqual(expect.objectContaining({ type: 'application/vnd.microsoft.card.adaptive' }));
    await phone.waitFor(HANDOFF.tomada(agent.name));
    const agentChat = teams.conversations.find((c) => JSON.stringify(c.request).includes(agent.aadObjectId))?.id ?? '';
    expect(agentChat).not.toBe('');
    return { handoffId, agentChat };
  }

  /** What the bot sent to the phone since `mark` (texts and interactive bodies, read receipts left out). */
  const sentSince = (phone: Phone, mark: number): string[] => phone.received().slice(mark).map(readable);

  it('relays both ways, stays silent during the handoff, and resumes after "terminar" with one survey', async () => {
    const phone = new Phone(world, { waId: '593990001201', name: 'Lucía' });
    await phone.say('hola');
    await phone.waitFor(MSG.saludo);
    const { handoffId, agentChat } = await queueAndTake(phone, STAFF.andrea);

    const relayedTo = (text: string): Promise<RecordedActivity> =>
      teams.waitFor((r) => r.conversationId === agentChat && r.activity.text === HANDOFF_AGENTE.ciudadanoDice(text));
    let mark = phone.received().length;
    await phone.say('Necesito saber por qué me negaron la reinserción');
    await relayedTo('Necesito saber por qué me negaron la reinserción');
    // A message that looks like a menu request is relayed too, and the bot does not answer it.
    await phone.say('requisitos para la reliquidación');
    await relayedTo('requisitos para la reliquidación');
    await new Promise((r) => setTimeout(r, 800));
    expect(sentSince(phone, mark)).toEqual([]);

    expect((await postToBot(url, teamsMessage(teams.serviceUrl, STAFF.andrea, 'Buenos días, reviso su caso.'))).status).toBe(200);
    await phone.waitFor(HANDOFF.agenteDice(STAFF.andrea.name, 'Buenos días, reviso su caso.'));

    mark = phone.received().length;
    await postToBot(url, teamsMessage(teams.serviceUrl, STAFF.andrea, 'terminar'));
    await world.graph.waitFor((m) => (m.body.to as string) === phone.user.waId && readable(m).includes(HANDOFF.encuesta));
    expect(sentSince(phone, mark).map((t) => t.split('\n')[0])).toEqual([HANDOFF.terminadaPorAgente, HANDOFF.encuesta.split('\n')[0]]);
    await phone.say('4');
    await phone.waitFor(HANDOFF.gracias);
    await phone.say('hola');
    await phone.waitFor(MSG.saludo);

    const satisfaction = await world.app.prisma.handoffSatisfaction.findMany({ where: { handoffId } });
    expect(satisfaction).toEqual([expect.objectContaining({ puntaje: 4 })]);
    const audit = await world.app.prisma.auditEntry.findMany({ where: { subjectType: 'handoff', subjectId: handoffId } });
    expect(audit.map((e) => `${e.action}:${e.outcome}`).sort()).toEqual(['handoff.end:ok', 'handoff.message:ok', 'handoff.take:ok']);
    // The agent's chat got the citizen's words; the audit keeps no message text.
    expect(JSON.stringify(audit)).not.toContain('reviso su caso');
  }, 60_000);

  it('ends when the citizen writes "volver al asistente"; the agent is told and the bot answers again', async () => {
    const phone = new Phone(world, { waId: '593990001202', name: 'Tomás' });
    await phone.say('hola');
    await phone.waitFor(MSG.saludo);
    const { handoffId, agentChat } = await queueAndTake(phone, STAFF.marco);
    await phone.say('volver al asistente');
    await phone.waitFor(HANDOFF.terminadaPorCiudadano);
    await phone.waitFor(HANDOFF.encuesta.split('\n')[0]);
    await teams.waitFor((r) => r.conversationId === agentChat && r.activity.text === HANDOFF_AGENTE.ciudadanoTermino);
    const row = await world.app.prisma.handoffRequest.findUniqueOrThrow({ where: { id: handoffId } });
    expect(row.estado).toBe('TERMINADA');
    // After the survey, a message goes to the bot again, not to Marco.
    await phone.say('5');
    await phone.waitFor(HANDOFF.gracias);
    const before = teams.activities.filter((r) => r.conversationId === agentChat).length;
    await phone.say('hola');
    await phone.waitFor(MSG.saludo);
    expect(teams.activities.filter((r) => r.conversationId === agentChat)).toHaveLength(before);
  }, 60_000);
});
