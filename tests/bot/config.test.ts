import { ConfigError, DEFAULT_DATABASE_URL, loadConfig } from '../../bot/config';

describe('loadConfig', () => {
  it('has safe local defaults', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ port: 3978, databaseUrl: DEFAULT_DATABASE_URL, seedDemo: true, publicBaseUrl: 'http://localhost:3978' });
    expect(config.credentials.appId).toBe('');
  });

  it('seeds a database given by DATABASE_URL only with SEED_DEMO=true', () => {
    expect(loadConfig({ DATABASE_URL: 'file:/tmp/x.db' }).seedDemo).toBe(false);
    expect(loadConfig({ DATABASE_URL: 'file:/tmp/x.db', SEED_DEMO: 'true' }).seedDemo).toBe(true);
  });

  it.each<[string, NodeJS.ProcessEnv]>([
    ['production without app id', { NODE_ENV: 'production', APP_SECRET: 'x'.repeat(32) }],
    ['production without secret', { NODE_ENV: 'production', MicrosoftAppId: 'id', MicrosoftAppPassword: 'pw' }],
    ['short secret', { APP_SECRET: 'corto' }],
    ['app id without password', { MicrosoftAppId: 'abc' }],
    ['single tenant without tenant', { MicrosoftAppId: 'abc', MicrosoftAppPassword: 'p', MicrosoftAppType: 'SingleTenant' }],
    ['unknown app type', { MicrosoftAppType: 'Other' }],
    ['port out of range', { PORT: '70000' }],
    ['port not a number', { PORT: 'abc' }],
    ['non-SQLite database', { DATABASE_URL: 'postgres://x' }],
    ['bad public URL', { PUBLIC_BASE_URL: 'no es url' }],
  ])('refuses to start: %s', (_name, env) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
  });

  it('accepts production with full credentials', () => {
    const config = loadConfig({ NODE_ENV: 'production', MicrosoftAppId: 'id', MicrosoftAppPassword: 'pw', APP_SECRET: 's'.repeat(40) });
    expect(config.credentials).toMatchObject({ appId: 'id', appType: 'MultiTenant' });
  });
});
