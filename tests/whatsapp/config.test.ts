import { loadConfig, ConfigError } from '../../bot/config';
import { WHATSAPP_OPERADOR } from '../../catalog';

const SECRETS = {
  WHATSAPP_VERIFY_TOKEN: 'v',
  WHATSAPP_APP_SECRET: 's',
  WHATSAPP_ACCESS_TOKEN: 'a',
  WHATSAPP_PHONE_NUMBER_ID: '1',
};

describe('WhatsApp configuration', () => {
  it('is off without the secrets', () => {
    expect(loadConfig({}).whatsapp).toBeUndefined();
  });

  it('is on with the four secrets, with Meta host, pinned version and no template until one is named', () => {
    expect(loadConfig(SECRETS).whatsapp).toEqual({
      verifyToken: 'v',
      appSecret: 's',
      accessToken: 'a',
      phoneNumberId: '1',
      graphUrl: 'https://graph.facebook.com',
      graphVersion: 'v23.0',
      notificationTemplate: undefined,
    });
    expect(loadConfig({ ...SECRETS, WHATSAPP_TEMPLATE_NAME: 'aviso_tramite' }).whatsapp?.notificationTemplate).toEqual({
      name: 'aviso_tramite',
      language: 'es',
    });
  });

  it.each<[string, NodeJS.ProcessEnv, string]>([
    ['a partial set', { WHATSAPP_VERIFY_TOKEN: 'v', WHATSAPP_APP_SECRET: 's' }, WHATSAPP_OPERADOR.configIncompleta],
    ['a malformed version', { ...SECRETS, WHATSAPP_GRAPH_VERSION: '23' }, WHATSAPP_OPERADOR.versionNoValida('23')],
    ['a URL that is not http', { ...SECRETS, WHATSAPP_GRAPH_URL: 'ftp://x' }, WHATSAPP_OPERADOR.urlNoValida('ftp://x')],
  ])('stops the start-up on %s, with a Spanish message', (_name, env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });
});
