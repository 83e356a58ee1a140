import { CloudAdapter, ConfigurationBotFrameworkAuthentication, ConfigurationServiceClientCredentialFactory } from 'botbuilder';
import type { BotCredentials } from '../../config';

type ClaimsIdentityLike = Parameters<ConfigurationBotFrameworkAuthentication['createConnectorFactory']>[0];
type ConnectorFactoryLike = ReturnType<ConfigurationBotFrameworkAuthentication['createConnectorFactory']>;
type ConnectorClientLike = Awaited<ReturnType<ConnectorFactoryLike['create']>>;

/** Most connector clients kept (one per service URL, audience and app id); the oldest is dropped beyond it. */
export const MAX_CONNECTOR_CLIENTS = 100;

/**
 * The SDK's authentication, except that connector clients are made once per service URL, audience and bot app id
 * and then reused: the CloudAdapter otherwise builds a new client (credentials, HTTP pipeline) on every turn. A
 * client's credentials fetch and renew their own tokens, so a kept client stays valid. The cache is bounded, so
 * service URLs chosen by callers cannot grow it without limit.
 */
export class ReusingBotFrameworkAuthentication extends ConfigurationBotFrameworkAuthentication {
  private readonly clients = new Map<string, Promise<ConnectorClientLike>>();

  override createConnectorFactory(claimsIdentity: ClaimsIdentityLike): ConnectorFactoryLike {
    const inner = super.createConnectorFactory(claimsIdentity);
    const identity = ['aud', 'appid', 'azp'].map((type) => claimsIdentity.getClaimValue(type) ?? '').join('|');
    const create = (serviceUrl: string, audience?: string): Promise<ConnectorClientLike> => {
      const key = `${identity}|${audience ?? ''}|${serviceUrl}`;
      const cached = this.clients.get(key);
      if (cached) return cached;
      const client = inner.create(serviceUrl, audience);
      client.catch(() => this.clients.delete(key));
      this.clients.set(key, client);
      if (this.clients.size > MAX_CONNECTOR_CLIENTS) this.clients.delete(this.clients.keys().next().value as string);
      return client;
    };
    return { create };
  }
}

/** The Azure Bot Service endpoint's adapter; with no app id it accepts the Emulator unauthenticated (local mode). */
export function createCloudAdapter(credentials: BotCredentials): CloudAdapter {
  const factory = new ConfigurationServiceClientCredentialFactory({
    MicrosoftAppId: credentials.appId,
    MicrosoftAppPassword: credentials.appPassword,
    MicrosoftAppType: credentials.appType,
    MicrosoftAppTenantId: credentials.appTenantId,
  });
  return new CloudAdapter(new ReusingBotFrameworkAuthentication({}, factory));
}
