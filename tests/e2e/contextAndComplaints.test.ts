import { getTramite, QUEJAS, SEGUIMIENTO_TRAMITE } from '../../catalog';
import { DirectLineTestClient } from '../helpers/directLineClient';
import { FIXED_NOW } from '../helpers/dialogHarness';
import { startTestServer, type TestServer } from '../helpers/server';

const texts = (activities: { text?: string }[]) => activities.map((a) => a.text ?? '');

describe('follow-ups and complaints over Direct Line, with the whole service', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ clock: () => FIXED_NOW });
  }, 60_000);
  afterAll(async () => server?.stop());

  it('answers follow-up questions about the trámite the conversation is about', async () => {
    const chat = new DirectLineTestClient(server.baseUrl);
    await chat.start();
    expect(texts(await chat.say('que necesito para la reinsercion laboral'))).toEqual(
      expect.arrayContaining(getTramite('reinsercion').secciones),
    );
    expect(texts(await chat.say('¿cuánto cuesta?'))).toEqual([SEGUIMIENTO_TRAMITE.reinsercion.costo]);
    expect(texts(await chat.say('¿y si soy extranjero?'))).toEqual([SEGUIMIENTO_TRAMITE.reinsercion.extranjero]);
    const topic = await server.db.prisma.conversationTopic.findMany();
    expect(topic.map((t) => t.topic)).toEqual(['reinsercion']);
  });

  it('registers a complaint in the store with its number, trámite and case number, and counts it', async () => {
    const chat = new DirectLineTestClient(server.baseUrl);
    await chat.start();
    expect(texts(await chat.say('quiero poner una queja'))).toEqual([QUEJAS.acuse, QUEJAS.preguntaRegistrar]);
    expect(texts(await chat.say('sí'))).toEqual([QUEJAS.preguntaTramite]);
    expect(texts(await chat.say(getTramite('reliquidacion').etiqueta))).toEqual([QUEJAS.preguntaCaso]);
    expect(texts(await chat.say('RL-2026-000042'))).toEqual([QUEJAS.preguntaDetalle]);
    const done = texts(await chat.say('Nadie me responde desde octubre y ya fui dos veces a la agencia.'));
    expect(done[0]).toBe(`${QUEJAS.registrada('QJ-2026-000001', getTramite('reliquidacion').nombre)}\n${QUEJAS.canales}`);
    const rows = await server.db.prisma.complaint.findMany();
    expect(rows).toEqual([
      expect.objectContaining({
        numero: 'QJ-2026-000001',
        tramite: 'reliquidacion',
        caseNumber: 'RL-2026-000042',
        detalle: 'Nadie me responde desde octubre y ya fui dos veces a la agencia.',
      }),
    ]);
    expect(rows[0].conversationKey).toMatch(/^directline:/);
    expect(await server.db.prisma.complaintMonthlyCount.findMany()).toEqual([{ tramite: 'reliquidacion', anio: 2026, mes: 11, total: 1 }]);
  });
});
