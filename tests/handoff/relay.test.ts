import { HANDOFF, HANDOFF_AGENTE, MSG } from '../../catalog';
import {
  personalConversationId,
  postToBot,
  startFakeTeamsConnector,
  teamsCardAction,
  teamsChannelConversation,
  teamsMessage,
  type FakeTeamsConnector,
  type TeamsUser,
} from '../../simulators/teams/fakeConnector';
import { DEMO_TEAMS_TENANT_ID, startTestServer, type TestServer } from '../helpers/server';
import { createLogger } from '../../bot/logger';
const logger = createLogger('warn', (line) => process.stderr.write(line + '\n'));
import { texts, WebChatClient } from './webChatClient';

/** Wednesday 2 December 2026, 10:00 in Guayaquil: inside the default hours (lunes a viernes, 8:00 a 17:00). */
const IN_HOURS = new Date('2026-12-02T15:00:00Z');
const QUEUE_CHANNEL = '19:cola-call-center@thread.tacv2';
const andrea: TeamsUser = {
  aadObjectId: '3f6a2b1c-0001-4a7e-8c9d-000000000a01',
  name: 'Andrea Paredes Villacís',
  tenantId: DEMO_TEAMS_TENANT_ID,
};
const marco: TeamsUser = {
  aadObjectId: '3f6a2b1c-0002-4a7e-8c9d-000000000a02',
  name: 'Marco Vinicio Salazar Ruiz',
  tenantId: DEMO_TEAMS_TENANT_ID,
};

interface CardAction {
  type: string;
  verb?: string;
  data?: { handoffId?: string };
}

function takeActionOf(activity: Record<string, unknown>): CardAction | undefined {
  const attachments = (activity.attachments ?? []) as { content?: { actions?: CardAction[] } }[];
  return attachments[0]?.content?.actions?.find((a) => a.verb === 'handoff.tomar');
}

describe('handoff: web chat ↔ Teams agent', () => {
  let server: TestServer;
  let teams: FakeTeamsConnector;
  beforeAll(async () => {
    teams = await startFakeTeamsConnector();
    server = await startTestServer({
      clock: () => IN_HOURS,
      logger,
      env: { TEAMS_HANDOFF_CHANNEL_ID: QUEUE_CHANNEL, TEAMS_HANDOFF_SERVICE_URL: teams.serviceUrl },
    });
  });
  afterAll(async () => {
    await server.stop();
    await teams.close();
  });

  it('queues, gives the conversation to one of two agents, relays both ways, stays silent, and resumes after a survey', async () => {
    const citizen = new WebChatClient(server.baseUrl);
    await citizen.start();
    await citizen.say('hola');
    const asked = await citizen.say('quiero hablar con un agente');
    expect(texts(asked)).toEqual([HANDOFF.enCola(1)]);
    const initiate = asked.find((a) => a.type === 'event' && a.name === 'handoff.initiate');
    expect(initiate?.attachments?.[0]).toEqual(expect.objectContaining({ name: 'Transcript', contentType: 'application/json' }));

    // The queue card in the call-centre channel, with the last turns.
    const card = await teams.waitFor((r) => r.conversationId === QUEUE_CHANNEL && r.operation !== 'update');
    const action = takeActionOf(card.activity);
    const handoffId = action?.data?.handoffId ?? '';
    expect(handoffId).not.toBe('');
    expect(JSON.stringify(card.activity)).toContain('Ciudadano: hola');

    // Two agents press "Tomar" at the same time: one wins.
    const url = `${server.baseUrl}/api/messages`;
    const channel = teamsChannelConversation(QUEUE_CHANNEL, DEMO_TEAMS_TENANT_ID);
    const [a, b] = await Promise.all(
      [andrea, marco].map((agent) => postToBot(url, teamsCardAction(teams.serviceUrl, agent, 'handoff.tomar', { handoffId }, channel))),
    );
    const bodies = [a, b].map((r) => r.body as { type: string; value: unknown });
    const winners = bodies.filter((body) => body.type === 'application/vnd.microsoft.card.adaptive');
    expect(winners).toHaveLength(1);
    const winner = bodies[0] === winners[0] ? andrea : marco;
    const loser = winner === andrea ? marco : andrea;
    expect(bodies.find((body) => body !== winners[0])).toEqual(
      expect.objectContaining({ type: 'application/vnd.microsoft.activity.message', value: HANDOFF_AGENTE.yaTomada(winner.name) }),
    );
    // The card is updated for everyone to "tomada por …".
    const updated = await teams.waitFor((r) => r.conversationId === QUEUE_CHANNEL && r.operation === 'update');
    expect(JSON.stringify(updated.activity)).toContain(HANDOFF_AGENTE.tomadaPor(winner.name));
    expect(takeActionOf(updated.activity)).toBeUndefined();
    // The transcript goes to the winner's personal chat.
    const created = teams.conversations.find((c) => JSON.stringify(c.request).includes(winner.aadObjectId));
    expect(created).toBeDefined();
    const agentChat = created?.id ?? '';
    const transcript = await teams.waitFor(
      (r) => r.conversationId === agentChat && String(r.activity.text ?? '').startsWith(HANDOFF_AGENTE.transcripcion),
    );
    expect(String(transcript.activity.text)).toContain('Ciudadano: quiero hablar con un agente');

    // Citizen → agent: the bot stays silent.
    const relayed = await citizen.say('Necesito saber por qué me negaron la reinserción');
    expect(texts(relayed)).toEqual([HANDOFF.tomada(winner.name)]);
    await teams.waitFor(
      (r) =>
        r.conversationId === agentChat &&
        r.activity.text === HANDOFF_AGENTE.ciudadanoDice('Necesito saber por qué me negaron la reinserción'),
    );
    // A message that looks like a menu request is relayed too, not answered by the bot.
    expect(texts(await citizen.say('requisitos para la reliquidación'))).toEqual([]);

    // Agent → citizen.
    const agentSays = await postToBot(url, teamsMessage(teams.serviceUrl, winner, 'Buenos días, reviso su caso.'));
    expect(agentSays.status).toBe(200);
    expect(texts(await citizen.poll())).toEqual([HANDOFF.agenteDice(winner.name, 'Buenos días, reviso su caso.')]);
    // The loser's personal messages are not relayed anywhere.
    await postToBot(url, teamsMessage(teams.serviceUrl, loser, 'terminar'));
    await teams.waitFor((r) => r.conversationId === personalConversationId(loser) && r.activity.text === HANDOFF_AGENTE.sinConversacion);

    // "terminar" from the agent: the bot takes over, asks once, then resumes normally.
    await postToBot(url, teamsMessage(teams.serviceUrl, winner, 'terminar'));
    const ended = await citizen.poll();
    expect(texts(ended)).toEqual([HANDOFF.terminadaPorAgente, HANDOFF.encuesta]);
    expect(ended.some((e) => e.type === 'event' && e.name === 'handoff.status')).toBe(true);
    expect(texts(await citizen.say('5'))).toEqual([HANDOFF.gracias]);
    expect(texts(await citizen.say('hola'))).toEqual([MSG.saludo]);

    const satisfaction = await server.app.prisma.handoffSatisfaction.findMany();
    expect(satisfaction).toEqual([expect.objectContaining({ handoffId, puntaje: 5 })]);
    const audit = await server.app.prisma.auditEntry.findMany({
      where: { subjectType: 'handoff', subjectId: handoffId },
      orderBy: { at: 'asc' },
    });
    const byAction = audit.map((e) => `${e.action}:${e.outcome}`).sort();
    expect(byAction).toEqual(['handoff.end:ok', 'handoff.message:ok', 'handoff.take:ok', 'handoff.take:stale'].sort());
    const staffIds = await server.app.prisma.staff.findMany({ where: { aadObjectId: winner.aadObjectId } });
    expect(audit.find((e) => e.action === 'handoff.take' && e.outcome === 'ok')?.staffId).toBe(staffIds[0].id);
    expect(audit.every((e) => !String(e.after ?? '').includes('reviso su caso'))).toBe(true);
  });
});
