import type { ConversationReference, TurnContext } from 'botbuilder';
import type restify from 'restify';
import { API_MENSAJES } from '../../../catalog';
import type { BotCredentials, BotFrameworkEndpoint } from '../../config';
import type { Logger } from '../../logger';
import type { Channel, TurnLogic } from '../channel';
import { installRenderer } from '../render';
import { createCloudAdapter, type IessCloudAdapter } from './adapter';
import { renderBotFramework } from './render';
import { readActivityBody } from './body';
import { answerActivity } from './inbound';
import { checkInboundActivity } from './validate';

export { createCloudAdapter } from './adapter';

/** Path Azure Bot Service and the Emulator post activities to. */
export const BOT_FRAMEWORK_PATH = '/api/messages';
/** Largest activity accepted on {@link BOT_FRAMEWORK_PATH}, in bytes. */
export const BOT_FRAMEWORK_MAX_BODY_BYTES = 256 * 1024;

/** What the Bot Framework channel is built from. */
export interface BotFrameworkChannelOptions {
  credentials: BotCredentials;
  /** The bot's turn handler (bot.run). */
  logic: TurnLogic;
  onTurnError: (context: TurnContext, error: unknown) => Promise<void>;
  /** `local` or `azure` (an `off` endpoint builds no channel); by default `azure` with an app id, else `local`. */
  mode?: Exclude<BotFrameworkEndpoint, 'off'>;
  logger?: Logger;
}

/** The Bot Framework channel, with its adapter typed as the CloudAdapter (IessCloudAdapter). */
export interface BotFrameworkChannel extends Channel {
  readonly adapter: IessCloudAdapter;
}

/**
 * The Bot Framework channel on POST /api/messages: every activity is checked first (shape, and in local mode a
 * loopback serviceUrl) so a malformed one gets 400 and no connection is made to an address a caller chose; then
 * the CloudAdapter for Azure Bot Service channels (Teams among
 * them) and the Emulator, with the Bot Framework renderer. It is the catch-all owner of conversation references, so
 * it goes last in the channel list. Azure keeps no transcript of ours to redact, it cannot hand files to the intake
 * yet, and its conversations are not bound to a browser.
 */
export function createBotFrameworkChannel(options: BotFrameworkChannelOptions): BotFrameworkChannel {
  const adapter = createCloudAdapter(options.credentials);
  const loopbackOnly = (options.mode ?? (options.credentials.appId ? 'azure' : 'local')) === 'local';
  adapter.onTurnError = options.onTurnError;
  installRenderer(adapter, renderBotFramework);
  return {
    id: 'botframework',
    adapter,
    registerRoutes(server) {
      server.post(BOT_FRAMEWORK_PATH, async (req: restify.Request, res: restify.Response) => {
        const read = await readActivityBody(req, BOT_FRAMEWORK_MAX_BODY_BYTES);
        if ('refusal' in read) {
          const { status, code } = read.refusal;
          const message = status === 413 ? API_MENSAJES.actividadMuyGrande : API_MENSAJES.noEsJson;
          res.json(status, { error: { code, message } });
          return;
        }
        const body = read.value;
        if (typeof body !== 'object' || body === null) {
          res.json(400, { error: { code: 'BadArgument', message: API_MENSAJES.noEsJson } });
          return;
        }
        const refusal = checkInboundActivity(body, { loopbackOnly });
        if (refusal) {
          options.logger?.warn('botframework_activity_refused', { reason: refusal });
          res.json(400, { error: { code: 'BadArgument', message: API_MENSAJES.actividadNoValida } });
          return;
        }
        await answerActivity(adapter, body as Record<string, unknown>, req, res, options.logic, options.logger);
      });
    },
    ownsReference: () => true,
    continueConversation: (reference, logic) =>
      adapter.continueConversationAsync(options.credentials.appId, reference as Partial<ConversationReference>, logic),
    redact: async () => undefined,
    signInBinding: async () => true,
    render: renderBotFramework,
  };
}
