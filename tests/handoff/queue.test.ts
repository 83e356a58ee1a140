import { HANDOFF, MSG } from '../../catalog';
import { startTestServer, type TestServer } from '../helpers/server';
import { texts, WebChatClient } from './webChatClient';

/** Saturday 5 December 2026, 10:00 in Guayaquil (closed), and Wednesday 2 December 2026, 10:00 (open). */
const SATURDAY = new Date('2026-12-05T15:00:00Z');
const WEDNESDAY = new Date('2026-12-02T15:00:00Z');
const minutes = (n: number) => n * 60_000;

describe('handoff queue: hours, timeout, leaving, positions (fixed clock)', () => {
  let server: TestServer;
  let now = WEDNESDAY;
  beforeAll(async () => {
    server = await startTestServer({ clock: () => now, env: { HANDOFF_QUEUE_TIMEOUT_MINUTES: '10', HANDOFF_HOLIDAYS: '2026-12-07' } });
  });
  afterAll(() => server.stop());

  it('out of hours: gives the hours and turns the message left into a callback request for the next working day', async () => {
    now = SATURDAY;
    const citizen = new WebChatClient(server.baseUrl);
    await citizen.start();
    const asked = texts(await citizen.say('hablar con un agente'));
    expect(asked).toEqual([HANDOFF.fueraDeHorario('lunes a viernes', '8:00', '17:00'), HANDOFF.pedirMensaje]);
    expect(texts(await citizen.say('Necesito que me llamen por mi pensión'))).toEqual([HANDOFF.mensajeRecibido]);
    const callbacks = await server.app.prisma.callbackRequest.findMany({ where: { conversationKey: `directline:${citizen.id}` } });
    // Monday 7 is a configured holiday: the next working day is Tuesday 8 December, 8:00 in Guayaquil.
    expect(callbacks).toEqual([
      expect.objectContaining({ mensaje: 'Necesito que me llamen por mi pensión', dueAt: new Date('2026-12-08T13:00:00Z') }),
    ]);
    expect(await server.app.prisma.handoffRequest.count({ where: { conversationKey: `directline:${citizen.id}` } })).toBe(0);
  });

  it('out of hours: "No, gracias" leaves nothing', async () => {
    now = SATURDAY;
    const citizen = new WebChatClient(server.baseUrl);
    await citizen.start();
    await citizen.say('quiero una persona');
    expect(texts(await citizen.say('No, gracias'))).toEqual([HANDOFF.sinMensaje]);
    expect(await server.app.prisma.callbackRequest.count({ where: { conversationKey: `directline:${citizen.id}` } })).toBe(0);
  });

  it('nobody takes it in N minutes: offers to leave a message or wait; waiting offers again; a message ends it', async () => {
    now = WEDNESDAY;
    const citizen = new WebChatClient(server.baseUrl);
    await citizen.start();
    expect(texts(await citizen.say('hablar con un agente'))).toEqual([HANDOFF.enCola(1)]);
    now = new Date(WEDNESDAY.getTime() + minutes(9));
    await server.app.handoff.worker.tick();
    expect(texts(await citizen.poll())).toEqual([]);
    now = new Date(WEDNESDAY.getTime() + minutes(10));
    await server.app.handoff.worker.tick();
    expect(texts(await citizen.poll())).toEqual([HANDOFF.tiempoAgotado(10)]);
    expect(texts(await citizen.say('Seguir esperando'))).toEqual([HANDOFF.sigueEsperando(1)]);
    now = new Date(WEDNESDAY.getTime() + minutes(20));
    await server.app.handoff.worker.tick();
    await server.app.handoff.worker.tick();
    expect(texts(await citizen.poll())).toEqual([HANDOFF.tiempoAgotado(10)]);
    expect(texts(await citizen.say('Por favor llámenme mañana'))).toEqual([HANDOFF.mensajeRecibido]);
    const key = `directline:${citizen.id}`;
    expect(await server.app.prisma.handoffRequest.findMany({ where: { conversationKey: key } })).toEqual([
      expect.objectContaining({ estado: 'TERMINADA', endedBy: 'sistema', surveyPending: false }),
    ]);
    expect(await server.app.prisma.callbackRequest.findMany({ where: { conversationKey: key } })).toEqual([
      expect.objectContaining({ mensaje: 'Por favor llámenme mañana', dueAt: now }),
    ]);
    expect(texts(await citizen.say('hola'))).toEqual([MSG.saludo]);
  });

  it('tells the others their new place when someone leaves the queue, and "volver al asistente" ends it with no survey', async () => {
    now = WEDNESDAY;
    const first = new WebChatClient(server.baseUrl);
    const second = new WebChatClient(server.baseUrl);
    await first.start();
    await second.start();
    expect(texts(await first.say('quiero hablar con un agente'))).toEqual([HANDOFF.enCola(1)]);
    expect(texts(await second.say('quiero hablar con un agente'))).toEqual([HANDOFF.enCola(2)]);
    expect(texts(await second.say('¿cuánto falta?'))).toEqual([HANDOFF.yaEnCola(2)]);
    expect(texts(await first.say('volver al asistente'))).toEqual([HANDOFF.salioDeLaFila]);
    expect(texts(await second.poll())).toEqual([HANDOFF.posicion(1)]);
    expect(texts(await first.say('hola'))).toEqual([MSG.saludo]);
    expect(texts(await second.say('cancelar'))).toEqual([HANDOFF.salioDeLaFila]);
  });

  it('asking for a person in the middle of a journey starts the handoff', async () => {
    now = WEDNESDAY;
    const citizen = new WebChatClient(server.baseUrl);
    await citizen.start();
    await citizen.say('olvidé mi clave');
    expect(texts(await citizen.say('quiero hablar con un agente'))).toEqual([HANDOFF.enCola(1)]);
    expect(texts(await citizen.say('cancelar'))).toEqual([HANDOFF.salioDeLaFila]);
  });
});
