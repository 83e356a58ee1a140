import { ConfigError, loadConfig } from '../../bot/config';
import { isAgentEndCommand, isCitizenEndCommand, isKeepWaitingCommand, parseSatisfaction } from '../../core/usecases/handoff/commands';

const BASE = { DATABASE_URL: 'file:/tmp/iess-handoff-config.db' };

describe('handoff settings', () => {
  it('defaults to the Centros de Atención hours (seed 002) in America/Guayaquil, a 10-minute timeout, no Teams queue', () => {
    const { handoff } = loadConfig(BASE);
    expect(handoff).toEqual({
      schedule: { days: [1, 2, 3, 4, 5], openMinute: 480, closeMinute: 1020, holidays: [], timeZone: 'America/Guayaquil' },
      queueTimeoutMinutes: 10,
      teamsQueue: undefined,
    });
  });

  it('reads every setting', () => {
    const { handoff } = loadConfig({
      ...BASE,
      BOTFRAMEWORK_ENDPOINT: 'local',
      HANDOFF_DAYS: '1,2,3,4,5,6',
      HANDOFF_OPEN: '07:30',
      HANDOFF_CLOSE: '19:00',
      HANDOFF_HOLIDAYS: '2026-12-25, 2027-01-01',
      HANDOFF_QUEUE_TIMEOUT_MINUTES: '5',
      TEAMS_HANDOFF_CHANNEL_ID: '19:cola@thread.tacv2',
      TEAMS_HANDOFF_SERVICE_URL: 'http://127.0.0.1:4000/',
    });
    expect(handoff.schedule).toEqual({
      days: [1, 2, 3, 4, 5, 6],
      openMinute: 450,
      closeMinute: 1140,
      holidays: ['2026-12-25', '2027-01-01'],
      timeZone: 'America/Guayaquil',
    });
    expect(handoff.queueTimeoutMinutes).toBe(5);
    expect(handoff.teamsQueue).toEqual({ channelId: '19:cola@thread.tacv2', serviceUrl: 'http://127.0.0.1:4000/' });
  });

  it.each([
    ['HANDOFF_DAYS', { HANDOFF_DAYS: '0,8' }],
    ['HANDOFF_OPEN', { HANDOFF_OPEN: '8h' }],
    ['HANDOFF_OPEN', { HANDOFF_OPEN: '18:00', HANDOFF_CLOSE: '17:00' }],
    ['HANDOFF_HOLIDAYS', { HANDOFF_HOLIDAYS: '25/12/2026' }],
    ['HANDOFF_TIME_ZONE', { HANDOFF_TIME_ZONE: 'Marte/Olympus' }],
    ['HANDOFF_QUEUE_TIMEOUT_MINUTES', { HANDOFF_QUEUE_TIMEOUT_MINUTES: '0' }],
    ['TEAMS_HANDOFF_SERVICE_URL', { TEAMS_HANDOFF_CHANNEL_ID: '19:cola@thread.tacv2' }],
    ['TEAMS_HANDOFF_SERVICE_URL', { BOTFRAMEWORK_ENDPOINT: 'local', TEAMS_HANDOFF_SERVICE_URL: 'https://smba.trafficmanager.net/amer/' }],
  ])('refuses %s at start-up', (variable, env) => {
    expect(() => loadConfig({ ...BASE, ...env })).toThrow(ConfigError);
    expect(() => loadConfig({ ...BASE, ...env })).toThrow(variable);
  });
});

describe('handoff commands', () => {
  it.each([
    ['cancelar', true],
    ['Volver al asistente', true],
    ['volver al asistente.', true],
    ['quiero cancelar mi trámite', false],
  ])('citizen end: %s → %s', (text, expected) => expect(isCitizenEndCommand(text)).toBe(expected));
  it.each([
    ['terminar', true],
    ['Terminar conversación', true],
    ['¿puede terminar de revisar?', false],
  ])('agent end: %s → %s', (text, expected) => expect(isAgentEndCommand(text)).toBe(expected));
  it('keep waiting', () => expect(isKeepWaitingCommand('Seguir esperando')).toBe(true));
  it.each([
    ['5', 5],
    [' 1 ', 1],
    ['4/5', 4],
    ['6', undefined],
    ['0', undefined],
    ['cinco', undefined],
  ])('satisfaction %s → %s', (text, expected) => expect(parseSatisfaction(text)).toBe(expected));
});
