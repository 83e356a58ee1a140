import type { ConversationReference } from 'botbuilder';
import type { Server } from 'restify';
import type { Channel } from '../channel';
import { installRenderer } from '../render';
import { DirectLineAdapter } from './adapter';
import { DIRECT_LINE_CHANNEL_ID, directLineAttachmentReader } from './attachments';
import { transcriptRedactor } from './redact';
import { renderDirectLine } from './render';
import { registerConversationRoutes, type RouteContext } from './routes';
import { directLineSignInBinding } from './signInBinding';
import { DirectLineStore } from './store';
import { ConversationTurns } from './serial';
import { StreamHub } from './streaming';
import { DirectLineLimits } from './rateLimit';
import { TokenService } from './tokens';
import { resolveOptions, type DirectLineOptions } from './types';
import { registerAttachmentRoutes } from './upload';

export { DirectLineAdapter } from './adapter';
export type { AttachmentContent, TurnLogic } from './adapter';
export { DIRECT_LINE_CHANNEL_ID, directLineAttachmentReader } from './attachments';
export type { AttachmentStore, BotAccountInfo, DirectLineOptions } from './types';

/** The Direct Line channel, with its adapter typed as the Direct Line adapter (tests read uploads through it). */
export interface DirectLineChannel extends Channel {
  readonly adapter: DirectLineAdapter;
}

/**
 * The self-hosted Direct Line 3.0 channel for Web Chat (polling, no WebSocket): its routes, its in-process adapter
 * (with the Web Chat renderer installed), proactive turns for references whose serviceUrl is this server, uploads
 * read without HTTP, security answers redacted from its stored transcript, and sign-in links bound to the browser
 * that holds the chat (`iess_navegador` cookie). Every route reads its own body with its own limit; all state lives
 * in the database.
 */
export function createDirectLineChannel(options: DirectLineOptions): DirectLineChannel {
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
  installRenderer(adapter, renderDirectLine);
  const redact = transcriptRedactor(store);
  // Counted in the shared store, so every instance of the service shares each budget.
  const limits = new DirectLineLimits(resolved.limits, resolved.clock, resolved.prisma);
  const ctx: RouteContext = {
    options: resolved,
    store,
    redact,
    tokens: new TokenService(resolved.prisma, resolved.tokenTtlSeconds, resolved.clock, limits),
    streams: new StreamHub({ prisma: resolved.prisma, store, logger: resolved.logger, clock: resolved.clock }),
    turns: new ConversationTurns(),
    adapter,
    logic: options.logic,
    channel,
    clock: resolved.clock,
    logger: resolved.logger,
  };
  return {
    id: DIRECT_LINE_CHANNEL_ID,
    adapter,
    registerRoutes(server: Server) {
      registerConversationRoutes(server, ctx);
      registerAttachmentRoutes(server, ctx);
    },
    ownsReference: (reference) =>
      reference.channelId === DIRECT_LINE_CHANNEL_ID && (reference.serviceUrl ?? '').replace(/\/+$/, '') === resolved.serviceUrl,
    // Proactive turns are not queued behind the conversation's turns: a turn may tell another citizen something
    // (handoff positions) while that citizen's turn tells it something, and neither would ever end.
    continueConversation: (reference, logic) => adapter.continueConversationAsync('', reference as Partial<ConversationReference>, logic),
    readAttachment: directLineAttachmentReader(adapter),
    redact,
    signInBinding: directLineSignInBinding(store),
    render: renderDirectLine,
  };
}

/** Creates the Direct Line channel and registers its routes on `server`; returns its adapter (tests' shortcut). */
export function registerDirectLine(server: Server, options: DirectLineOptions): DirectLineAdapter {
  const channel = createDirectLineChannel(options);
  channel.registerRoutes(server);
  return channel.adapter;
}
