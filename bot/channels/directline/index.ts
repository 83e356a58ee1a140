import type { Server } from 'restify';
import { DirectLineAdapter } from './adapter';
import { registerConversationRoutes, type RouteContext } from './routes';
import { DirectLineStore } from './store';
import { TokenService } from './tokens';
import { resolveOptions, type DirectLineOptions } from './types';
import { registerAttachmentRoutes } from './upload';

export { DirectLineAdapter } from './adapter';
export type { AttachmentContent, TurnLogic } from './adapter';
export type { AttachmentStore, BotAccountInfo, DirectLineOptions } from './types';

/**
 * Serves the Direct Line 3.0 subset used by Web Chat (polling, no WebSocket) on `server` and returns the adapter that
 * runs the bot's turns in-process. Every route reads its own body with its own limit; all state lives in the database.
 */
export function registerDirectLine(server: Server, options: DirectLineOptions): DirectLineAdapter {
  const resolved = resolveOptions(options);
  const store = new DirectLineStore(resolved.prisma);
  const channel = { serviceUrl: resolved.serviceUrl, bot: resolved.bot };
  const adapter = new DirectLineAdapter({
    store,
    attachments: resolved.attachments,
    channel,
    baseUrl: resolved.baseUrl,
    clock: resolved.clock,
    logger: resolved.logger,
  });
  adapter.onTurnError = options.onTurnError;
  const ctx: RouteContext = {
    options: resolved,
    store,
    tokens: new TokenService(resolved.prisma, resolved.tokenTtlSeconds, resolved.clock),
    adapter,
    logic: options.logic,
    channel,
    clock: resolved.clock,
    logger: resolved.logger,
  };
  registerConversationRoutes(server, ctx);
  registerAttachmentRoutes(server, ctx);
  return adapter;
}
