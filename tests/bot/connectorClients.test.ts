import { ConfigurationServiceClientCredentialFactory, type Activity } from 'botbuilder';
import { ClaimsIdentity } from 'botframework-connector';
import { MAX_CONNECTOR_CLIENTS, ReusingBotFrameworkAuthentication } from '../../bot/channels/botframework/adapter';

describe('one connector client per service URL (bot/channels/botframework/adapter.ts)', () => {
  const auth = (): ReusingBotFrameworkAuthentication =>
    new ReusingBotFrameworkAuthentication({}, new ConfigurationServiceClientCredentialFactory({}));
  const anonymous = new ClaimsIdentity([], 'anonymous');

  it('reuses the client of a service URL across turns, and makes another for another URL or app id', async () => {
    const authentication = auth();
    const first = await authentication.createConnectorFactory(anonymous).create('http://127.0.0.1:9/');
    const again = await authentication.createConnectorFactory(anonymous).create('http://127.0.0.1:9/');
    const other = await authentication.createConnectorFactory(anonymous).create('http://127.0.0.1:10/');
    const otherBot = await authentication
      .createConnectorFactory(new ClaimsIdentity([{ type: 'aud', value: 'otra-app' }], true))
      .create('http://127.0.0.1:9/');
    expect(again).toBe(first);
    expect(other).not.toBe(first);
    expect(otherBot).not.toBe(first);
    expect(first.conversations).toBeDefined();
  });

  it('keeps at most MAX_CONNECTOR_CLIENTS, dropping the oldest', async () => {
    const authentication = auth();
    const factory = authentication.createConnectorFactory(anonymous);
    const oldest = await factory.create('http://127.0.0.1:1000/');
    for (let i = 1; i <= MAX_CONNECTOR_CLIENTS; i += 1) await factory.create(`http://127.0.0.1:${1000 + i}/`);
    const newest = await factory.create(`http://127.0.0.1:${1000 + MAX_CONNECTOR_CLIENTS}/`);
    expect(await factory.create(`http://127.0.0.1:${1000 + MAX_CONNECTOR_CLIENTS}/`)).toBe(newest);
    expect(await factory.create('http://127.0.0.1:1000/')).not.toBe(oldest);
  });

  it('reuses the user-token client of an app id across turns, and makes another for another app id', async () => {
    const authentication = auth();
    const first = await authentication.createUserTokenClient(anonymous);
    const again = await authentication.createUserTokenClient(new ClaimsIdentity([], 'anonymous'));
    const otherBot = await authentication.createUserTokenClient(new ClaimsIdentity([{ type: 'aud', value: 'otra-app' }], true));
    expect(again).toBe(first);
    expect(otherBot).not.toBe(first);
    expect(typeof first.getUserToken).toBe('function');
  });

  it('gives an inbound activity the reusing factory too, so turns on /api/messages share one client', async () => {
    const authentication = auth();
    const activity = { type: 'message', serviceUrl: 'http://127.0.0.1:9/', channelId: 'emulator' } as Activity;
    const first = await authentication.authenticateRequest(activity, '');
    const second = await authentication.authenticateRequest(activity, '');
    const client = await first.connectorFactory?.create('http://127.0.0.1:9/', first.audience);
    expect(await second.connectorFactory?.create('http://127.0.0.1:9/', second.audience)).toBe(client);
    expect(await authentication.createConnectorFactory(first.claimsIdentity).create('http://127.0.0.1:9/', first.audience)).toBe(client);
  });
});
