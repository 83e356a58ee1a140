import type { PrismaClient } from '../../prisma/client';
import type { Channel } from '../channels/channel';
import type { AppConfig } from '../config';
import { citizenContinuer } from './deps';
import { TeamsHandoffDesk } from './teamsDesk';
import { directLineTranscript, transcriptOf } from './transcript';
import type { HandoffHosting } from './wiring';

/**
 * The handoff's hosting in the running service: the configured settings, each channel's transcript reader, proactive
 * turns on the channel that owns a reference, and the Teams desk over the Bot Framework channel when a queue channel
 * is configured (TEAMS_HANDOFF_CHANNEL_ID and TEAMS_HANDOFF_SERVICE_URL).
 */
export function handoffHosting(options: { config: AppConfig; prisma: PrismaClient; channels: readonly Channel[] }): HandoffHosting {
  const { config, channels } = options;
  const botFramework = channels.find((c) => c.id === 'botframework');
  const queue = config.handoff.teamsQueue;
  return {
    config: config.handoff,
    transcript: transcriptOf({ directline: directLineTranscript(options.prisma) }),
    continueCitizen: citizenContinuer(() => channels),
    desk:
      queue && botFramework
        ? new TeamsHandoffDesk({
            channel: botFramework,
            appId: config.credentials.appId,
            queue: { ...queue, tenantId: config.teamsTenantId },
          })
        : undefined,
  };
}
