import { ConfigError, loadConfig } from '../../bot/config';
import { OPERACIONES } from '../../catalog';

describe('operations settings', () => {
  it('have defaults', () => {
    expect(loadConfig({})).toMatchObject({
      metricsToken: undefined,
      housekeepingIntervalMinutes: 60,
      outboxRetentionDays: 30,
      unfiledDocumentHours: 24,
      transcriptRetentionDays: 7,
      conversationStateRetentionDays: 7,
    });
  });

  it.each([
    ['HOUSEKEEPING_INTERVAL_MINUTES', '0', 'HOUSEKEEPING_INTERVAL_MINUTES debe ser un entero entre 1 y 1440; se recibió "0".'],
    ['OUTBOX_RETENTION_DAYS', '400', 'OUTBOX_RETENTION_DAYS debe ser un entero entre 1 y 365; se recibió "400".'],
    ['UNFILED_DOCUMENT_HOURS', 'mucho', 'UNFILED_DOCUMENT_HOURS debe ser un entero entre 1 y 720; se recibió "mucho".'],
    ['TRANSCRIPT_RETENTION_DAYS', '0', 'TRANSCRIPT_RETENTION_DAYS debe ser un entero entre 1 y 365; se recibió "0".'],
    ['CONVERSATION_STATE_RETENTION_DAYS', '1.5', 'CONVERSATION_STATE_RETENTION_DAYS debe ser un entero entre 1 y 365; se recibió "1.5".'],
    ['METRICS_TOKEN', 'corto', OPERACIONES.metricsTokenCorto],
  ])('refuses %s=%s with a Spanish message naming it', (variable, value, message) => {
    expect(() => loadConfig({ [variable]: value })).toThrow(new ConfigError(message));
  });

  it('accepts a long enough METRICS_TOKEN', () => {
    expect(loadConfig({ METRICS_TOKEN: 'm'.repeat(32) }).metricsToken).toBe('m'.repeat(32));
  });
});
