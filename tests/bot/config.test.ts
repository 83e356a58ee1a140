import { ConfigError, DEFAULT_DATABASE_URL, loadConfig } from '../../bot/config';
import { OPERATOR } from '../../catalog';

describe('loadConfig', () => {
  it('has safe local defaults', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ port: 3978, databaseUrl: DEFAULT_DATABASE_URL, seedDemo: true, publicBaseUrl: 'http://localhost:3978' });
    expect(config.credentials.appId).toBe('');
    expect(config.botFrameworkEndpoint).toBe('off');
  });

  it('seeds a database given by DATABASE_URL only with SEED_DEMO=true', () => {
    expect(loadConfig({ DATABASE_URL: 'file:/tmp/x.db' }).seedDemo).toBe(false);
    expect(loadConfig({ DATABASE_URL: 'file:/tmp/x.db', SEED_DEMO: 'true' }).seedDemo).toBe(true);
  });

  it.each<[string, NodeJS.ProcessEnv]>([
    [
      'production with the Bot Framework endpoint and no app id',
      { NODE_ENV: 'production', APP_SECRET: 'x'.repeat(32), BOTFRAMEWORK_ENDPOINT: 'azure' },
    ],
    ['production in local mode', { NODE_ENV: 'production', APP_SECRET: 'x'.repeat(32), BOTFRAMEWORK_ENDPOINT: 'local' }],
    ['local mode with an app id', { MicrosoftAppId: 'id', MicrosoftAppPassword: 'pw', BOTFRAMEWORK_ENDPOINT: 'local' }],
    ['unknown endpoint', { BOTFRAMEWORK_ENDPOINT: 'on' }],
    ['production without secret', { NODE_ENV: 'production', MicrosoftAppId: 'id', MicrosoftAppPassword: 'pw' }],
    ['short secret', { APP_SECRET: 'corto' }],
    ['app id without password', { MicrosoftAppId: 'abc' }],
    ['single tenant without tenant', { MicrosoftAppId: 'abc', MicrosoftAppPassword: 'p', MicrosoftAppType: 'SingleTenant' }],
    ['unknown app type', { MicrosoftAppType: 'Other' }],
    ['port out of range', { PORT: '70000' }],
    ['port not a number', { PORT: 'abc' }],
    ['non-SQLite database', { DATABASE_URL: 'postgres://x' }],
    ['bad public URL', { PUBLIC_BASE_URL: 'no es url' }],
    ['idle minutes zero', { SESSION_IDLE_MINUTES: '0' }],
    ['idle minutes not a number', { SESSION_IDLE_MINUTES: 'quince' }],
    ['idle minutes over a day', { SESSION_IDLE_MINUTES: '1441' }],
    ['sign-in link TTL zero', { SIGNIN_LINK_TTL_MINUTES: '0' }],
    ['sign-in link TTL over an hour', { SIGNIN_LINK_TTL_MINUTES: '61' }],
    ['sign-in link TTL fractional', { SIGNIN_LINK_TTL_MINUTES: '2.5' }],
    ['recovery block of zero hours', { RECOVERY_BLOCK_HOURS: '0' }],
    ['recovery block over 30 days', { RECOVERY_BLOCK_HOURS: '721' }],
  ])('refuses to start: %s', (_name, env) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
  });

  it('has sign-in defaults of 15 idle minutes and 10-minute links, and reads both', () => {
    expect(loadConfig({})).toMatchObject({ sessionIdleMinutes: 15, signInLinkTtlMinutes: 10 });
    expect(loadConfig({ SESSION_IDLE_MINUTES: '30', SIGNIN_LINK_TTL_MINUTES: '5' })).toMatchObject({
      sessionIdleMinutes: 30,
      signInLinkTtlMinutes: 5,
    });
  });

  it('blocks online recovery for 24 hours by default, and reads RECOVERY_BLOCK_HOURS', () => {
    expect(loadConfig({}).recoveryBlockHours).toBe(24);
    expect(loadConfig({ RECOVERY_BLOCK_HOURS: '72' }).recoveryBlockHours).toBe(72);
  });

  it('checkpoints SQLite on a worker every 250 ms by default; 0 leaves it to SQLite; 0–60000 only', () => {
    expect(loadConfig({}).sqliteCheckpointIntervalMs).toBe(250);
    expect(loadConfig({ SQLITE_CHECKPOINT_INTERVAL_MS: '0' }).sqliteCheckpointIntervalMs).toBe(0);
    expect(() => loadConfig({ SQLITE_CHECKPOINT_INTERVAL_MS: '60001' })).toThrow(
      OPERATOR.entero('SQLITE_CHECKPOINT_INTERVAL_MS', 0, 60000, '60001'),
    );
    expect(() => loadConfig({ SQLITE_CHECKPOINT_INTERVAL_MS: '-1' })).toThrow(ConfigError);
  });

  it('accepts production with full credentials', () => {
    const config = loadConfig({ NODE_ENV: 'production', MicrosoftAppId: 'id', MicrosoftAppPassword: 'pw', APP_SECRET: 's'.repeat(40) });
    expect(config.credentials).toMatchObject({ appId: 'id', appType: 'MultiTenant' });
  });

  it.each<[NodeJS.ProcessEnv, string]>([
    [{ PORT: '70000' }, OPERATOR.entero('PORT', 0, 65535, '70000')],
    [{ SESSION_IDLE_MINUTES: 'quince' }, OPERATOR.entero('SESSION_IDLE_MINUTES', 1, 1440, 'quince')],
    [{ SIGNIN_LINK_TTL_MINUTES: '2.5' }, OPERATOR.entero('SIGNIN_LINK_TTL_MINUTES', 1, 60, '2.5')],
    [{ LOG_LEVEL: 'trace' }, OPERATOR.unoDe('LOG_LEVEL', ['debug', 'info', 'warn', 'error'], 'trace')],
    [{ MicrosoftAppType: 'Other' }, OPERATOR.unoDe('MicrosoftAppType', ['MultiTenant', 'SingleTenant', 'UserAssignedMSI'], 'Other')],
    [{ DATABASE_URL: 'mysql://x' }, OPERATOR.databaseUrlNoValida],
    [{ DATABASE_URL: 'postgresql://db/iess', PUBLIC_BASE_URL: 'https://a.ec' }, OPERATOR.appSecretConPostgres],
    [{ DATABASE_URL: 'postgres://db/iess', APP_SECRET: 's'.repeat(32) }, OPERATOR.publicBaseUrlConPostgres],
    [{ APP_SECRET: 'corto' }, OPERATOR.appSecretCorto],
    [{ NODE_ENV: 'production', APP_SECRET: 'x'.repeat(32), BOTFRAMEWORK_ENDPOINT: 'azure' }, OPERATOR.appIdEnProduccion],
    [{ NODE_ENV: 'production', APP_SECRET: 'x'.repeat(32), BOTFRAMEWORK_ENDPOINT: 'local' }, OPERATOR.modoLocalEnProduccion],
    [{ BOTFRAMEWORK_ENDPOINT: 'on' }, OPERATOR.unoDe('BOTFRAMEWORK_ENDPOINT', ['off', 'local', 'azure'], 'on')],
    [{ MicrosoftAppId: 'abc' }, OPERATOR.appPasswordObligatorio],
    [{ PUBLIC_BASE_URL: 'no es url' }, OPERATOR.publicBaseUrlNoValida('no es url')],
  ])('names the variable in Spanish: %o', (env, message) => {
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('opens PostgreSQL when the shared settings are given, SQLite otherwise', () => {
    const shared = { APP_SECRET: 's'.repeat(32), PUBLIC_BASE_URL: 'https://chat.iess.gob.ec' };
    expect(loadConfig({ DATABASE_URL: 'postgresql://iess@db:5432/iess', ...shared }).databaseProvider).toBe('postgresql');
    expect(loadConfig({}).databaseProvider).toBe('sqlite');
  });

  it('names every refused variable at once', () => {
    expect(() => loadConfig({ PORT: 'abc', LOG_LEVEL: 'trace' })).toThrow(/PORT.*LOG_LEVEL/);
  });

  it('treats an empty variable as unset, and trims trailing slashes of the public URL', () => {
    const config = loadConfig({ PORT: '', HOST: '', LOG_LEVEL: '', MicrosoftAppType: '', PUBLIC_BASE_URL: 'https://a.ec//' });
    expect(config).toMatchObject({ port: 3978, host: '0.0.0.0', logLevel: 'info', publicBaseUrl: 'https://a.ec' });
    expect(config.credentials.appType).toBe('MultiTenant');
    expect(loadConfig({ PORT: '8080' }).publicBaseUrl).toBe('http://localhost:8080');
  });
});
