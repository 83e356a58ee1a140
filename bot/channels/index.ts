import path from 'node:path';
import type { TurnContext } from 'botbuilder';
import type { PrismaClient } from '../../prisma/client';
import { ASISTENTE } from '../../catalog';
import type { AppConfig } from '../config';
import { LocalFolderStorage } from '../fileStorage';
import type { Logger } from '../logger';
import { createBotFrameworkChannel } from './botframework';
import type { Channel, TurnLogic } from './channel';
import { createDirectLineChannel } from './directline';
import { createWhatsAppChannel, type WhatsAppChannelOptions } from './whatsapp';

export type { ActivityRenderer, Channel, SignInBinding, TurnLogic } from './channel';
export { attachmentReaderByChannel, attachmentReaderOf } from './attachments';
export { signInBindingOf } from './signInBinding';
export { signInHoldOf } from './signInHold';

/** What every channel is built from: the configuration and the shared pieces of the composition root. */
export interface ChannelsOptions {
  config: AppConfig;
  prisma: PrismaClient;
  logic: TurnLogic;
  onTurnError: (context: TurnContext, error: unknown) => Promise<void>;
  logger: Logger;
  clock: () => Date;
  /** Tests shorten the WhatsApp channel's polls and back-off. */
  whatsapp?: Pick<WhatsAppChannelOptions, 'sender' | 'processor'>;
}

/**
 * The configured channels, built once, from the most specific owner of conversation references to the catch-all:
 * the self-hosted Direct Line for Web Chat, then the Bot Framework endpoint (Azure channels, Teams, the Emulator).
 * The Bot Framework endpoint is built only when BOTFRAMEWORK_ENDPOINT is not `off`. Adding a channel adds one line here.
 */
export function createChannels(options: ChannelsOptions): readonly Channel[] {
  const { config, prisma, logic, onTurnError, logger, clock } = options;
  const directLine = createDirectLineChannel({
    prisma,
    logic,
    onTurnError,
    attachments: new LocalFolderStorage(path.join(config.documentsDir, 'directline')),
    publicBaseUrl: config.publicBaseUrl,
    tokenTtlSeconds: config.directLineTokenTtlSeconds,
    tokenRateLimitPerMinute: config.directLineTokensPerMinute,
    logger,
    clock,
    bot: { id: 'iess-asistente', name: ASISTENTE.nombre },
  });
  const channels: Channel[] = [directLine];
  // WhatsApp (Meta Cloud API): on when its four secrets are set (bot/channels/whatsapp/config.ts).
  if (config.whatsapp) {
    channels.push(
      createWhatsAppChannel({
        config: config.whatsapp,
        prisma,
        logic,
        onTurnError,
        logger,
        clock,
        secret: config.appSecret,
        ...options.whatsapp,
      }),
    );
  }
  const mode = config.botFrameworkEndpoint;
  if (mode === 'off') return channels;
  return [...channels, createBotFrameworkChannel({ credentials: config.credentials, logic, onTurnError, mode, logger })];
}
