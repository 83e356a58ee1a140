import { CloudAdapter, ConfigurationBotFrameworkAuthentication, ConfigurationServiceClientCredentialFactory } from 'botbuilder';
import type { BotCredentials } from '../../config';

/** The Azure Bot Service endpoint's adapter; with no app id it accepts the Emulator unauthenticated (local mode). */
export function createCloudAdapter(credentials: BotCredentials): CloudAdapter {
  const factory = new ConfigurationServiceClientCredentialFactory({
    MicrosoftAppId: credentials.appId,
    MicrosoftAppPassword: credentials.appPassword,
    MicrosoftAppType: credentials.appType,
    MicrosoftAppTenantId: credentials.appTenantId,
  });
  return new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}, factory));
}
