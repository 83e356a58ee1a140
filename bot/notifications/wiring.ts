import { TurnContext } from 'botbuilder';
import type { Clock, SessionPort } from '../../core/ports';
import { createNotifyCaseEvents } from '../../core/usecases/notifications/notifyCaseEvents';
import type { PrismaClient } from '../../prisma/client';
import { recordCitizenContact } from '../../prisma/store/citizenContacts';
import { createNotificationRecords } from '../../prisma/store/notifications';
import type { Channel, TurnLogic } from '../channels/channel';
import type { Logger } from '../logger';
import { renderEmail } from '../mail/layout';
import { channelLiveness, createChatNotifier } from './chatNotifier';
import { NotificationWorker } from './notificationWorker';

/** Case notifications as the service runs them: the worker, and the hook that records where a citizen signed in. */
export interface CaseNotifications {
  worker: NotificationWorker;
  /** Wraps the sign-in continuation: records the conversation reference of the citizen who just signed in. */
  recordingContact(logic: TurnLogic): TurnLogic;
}

/** Builds case notifications over the store and the channels; wired once in bot/app.ts. */
export function createCaseNotifications(options: {
  prisma: PrismaClient;
  clock: Clock;
  logger: Logger;
  channels: () => readonly Channel[];
  sessions: Pick<SessionPort, 'current'>;
  template?: { name: string; language: string };
  pollMs?: number;
}): CaseNotifications {
  const { prisma, clock } = options;
  const chat = createChatNotifier({ channels: options.channels, live: channelLiveness(prisma, clock), template: options.template });
  const notify = createNotifyCaseEvents({ records: createNotificationRecords(prisma), clock, chat, render: renderEmail });
  return {
    worker: new NotificationWorker(notify, options.logger, options.pollMs),
    recordingContact: (logic) => async (context) => {
      const { channelId, conversation } = context.activity;
      const citizen = await options.sessions.current({ channelId, conversationId: conversation.id });
      if (citizen) {
        await recordCitizenContact(prisma, {
          afiliadoId: citizen.afiliadoId,
          channelId,
          conversationKey: `${channelId}:${conversation.id}`,
          reference: TurnContext.getConversationReference(context.activity),
          now: clock(),
        });
      }
      await logic(context);
    },
  };
}
