import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  ConfigurationServiceClientCredentialFactory,
  type Activity,
  type InvokeResponse,
  type TurnContext,
} from 'botbuilder';
import type { BotCredentials } from '../../config';

type ClaimsIdentityLike = Parameters<ConfigurationBotFrameworkAuthentication['createConnectorFactory']>[0];
type ConnectorFactoryLike = ReturnType<ConfigurationBotFrameworkAuthentication['createConnectorFactory']>;
type ConnectorClientLike = Awaited<ReturnType<ConnectorFactoryLike['create']>>;
type UserTokenClientLike = Awaited<ReturnType<ConfigurationBotFrameworkAuthentication['createUserTokenClient']>>;
type AuthenticateRequestResultLike = Awaited<ReturnType<ConfigurationBotFrameworkAuthentication['authenticateRequest']>>;

/** Most clients of each kind kept (connector: per service URL, audience and app id; user token: per app id); the oldest is dropped beyond it. */
export const MAX_CONNECTOR_CLIENTS = 100;

/** The claims that pick a turn's credentials (audience, app id, authorized party), as one cache key. */
function identityKey(claimsIdentity: ClaimsIdentityLike): string {
  return ['aud', 'appid', 'azp'].map((type) => claimsIdentity.getClaimValue(type) ?? '').join('|');
}

/**
 * The SDK's authentication, except that connector clients are made once per service URL, audience and bot app id,
 * and user-token clients once per app id, and then reused: the CloudAdapter otherwise builds both (credentials, HTTP
 * pipeline) on every turn, even an `expectReplies` turn that uses neither. Neither client keeps anything of a turn
 * (every call takes its conversation, user and connection as arguments), and their credentials fetch and renew their
 * own tokens, so a kept client stays valid. Both caches are bounded, so ids and service URLs chosen by callers cannot
 * grow them without limit.
 */
export class ReusingBotFrameworkAuthentication extends ConfigurationBotFrameworkAuthentication {
  private readonly clients = new Map<string, Promise<ConnectorClientLike>>();
  private readonly userTokenClients = new Map<string, Promise<UserTokenClientLike>>();

  override createUserTokenClient(claimsIdentity: ClaimsIdentityLike): Promise<UserTokenClientLike> {
    return cached(this.userTokenClients, identityKey(claimsIdentity), () => super.createUserTokenClient(claimsIdentity));
  }

  /**
   * The SDK builds the connector factory of an inbound activity inside `authenticateRequest` (not through
   * `createConnectorFactory`), with the same arguments; it is replaced by the reusing one, so a turn on
   * /api/messages does not build a client (credentials, HTTP pipeline) either.
   */
  override async authenticateRequest(
    ...args: Parameters<ConfigurationBotFrameworkAuthentication['authenticateRequest']>
  ): Promise<AuthenticateRequestResultLike> {
    const result = await super.authenticateRequest(...args);
    return { ...result, connectorFactory: this.createConnectorFactory(result.claimsIdentity) };
  }

  override createConnectorFactory(claimsIdentity: ClaimsIdentityLike): ConnectorFactoryLike {
    const inner = super.createConnectorFactory(claimsIdentity);
    const identity = identityKey(claimsIdentity);
    const create = (serviceUrl: string, audience?: string): Promise<ConnectorClientLike> =>
      cached(this.clients, `${identity}|${audience ?? ''}|${serviceUrl}`, () => inner.create(serviceUrl, audience));
    return { create };
  }
}

/** The kept client of `key`, or a new one from `make`; a failed one is forgotten, the oldest dropped beyond the bound. */
function cached<T>(clients: Map<string, Promise<T>>, key: string, make: () => Promise<T>): Promise<T> {
  const kept = clients.get(key);
  if (kept) return kept;
  const client = make();
  client.catch(() => clients.delete(key));
  clients.set(key, client);
  if (clients.size > MAX_CONNECTOR_CLIENTS) clients.delete(clients.keys().next().value as string);
  return client;
}

/**
 * The CloudAdapter with its activity entry point public: /api/messages checks and parses the request itself
 * (bot/channels/botframework/inbound.ts), so the SDK's `process` and its per-request schema parsing are skipped.
 */
export class IessCloudAdapter extends CloudAdapter {
  /** Authenticates `authHeader` and runs one activity through the middleware and `logic` (the SDK's processActivity). */
  processChecked(
    authHeader: string,
    activity: Activity,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<InvokeResponse | undefined> {
    return this.processActivity(authHeader, activity, logic);
  }
}

/** The Azure Bot Service endpoint's adapter; with no app id it accepts the Emulator unauthenticated (local mode). */
export function createCloudAdapter(credentials: BotCredentials): IessCloudAdapter {
  const factory = new ConfigurationServiceClientCredentialFactory({
    MicrosoftAppId: credentials.appId,
    MicrosoftAppPassword: credentials.appPassword,
    MicrosoftAppType: credentials.appType,
    MicrosoftAppTenantId: credentials.appTenantId,
  });
  return new IessCloudAdapter(new ReusingBotFrameworkAuthentication({}, factory));
}
