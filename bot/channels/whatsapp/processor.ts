import type { Activity, TurnContext } from 'botbuilder';
import { ActivityTypes } from 'botbuilder';
import { SIGNIN_COMPLETED_EVENT, type ConversationReferenceJson } from '../../../core/ports';
import { carriesClave } from '../../../dialogs/shared/claveInChat';
import { isSensitiveInput } from '../../../dialogs/shared/sensitive';
import type { PrismaClient } from '../../../prisma/client';
import { claimWaLease, releaseWaLease, touchWaWindow } from '../../../prisma/store/whatsappContact';
import {
  failWaInboundAttempt,
  finishWaInbound,
  listWaUsersWithPending,
  nextWaInbound,
  replaceWaInboundMessage,
  type WaInboundRow,
} from '../../../prisma/store/whatsappInbound';
import type { Logger } from '../../logger';
import { conversationIdOf, inboundActivity, meaningOf, WHATSAPP_CHANNEL_ID } from './activity';
import type { TurnLogic, WhatsAppAdapter } from './adapter';
import { maskWaUser } from './mask';
import { redactedMessage } from './redact';

/** What the processor asks of the rest of the channel. */
export interface ProcessorHooks {
  /** Queues a read receipt with the typing indicator for the message `wamid`. */
  markRead(waUser: string, wamid: string): Promise<void>;
  /** Queues plain text to the user. */
  sendText(waUser: string, text: string): Promise<void>;
  /** Records the opt-in answer and confirms it. */
  answerOptIn(waUser: string, value: boolean): Promise<void>;
  /** Asks the opt-in question once per user, after their first answered message. */
  askOptInOnce(waUser: string): Promise<void>;
  /** A six-digit message in a chat with a sign-in waiting: the reference to continue, or the text to answer. */
  confirmCode(waUser: string, text: string): Promise<{ reference: ConversationReferenceJson } | { reply: string } | undefined>;
  /** The outbound worker should look at the queue. */
  kickSender(): void;
}

/** Settings of the inbound processor. */
export interface InboundProcessorOptions {
  prisma: PrismaClient;
  adapter: WhatsAppAdapter;
  logic: TurnLogic;
  hooks: ProcessorHooks;
  phoneNumberId: string;
  serviceUrl: string;
  /** This instance's lease owner id. */
  instanceId: string;
  clock: () => Date;
  logger: Logger;
  leaseSeconds?: number;
  pollIntervalMs?: number;
  /** Failed turns before a message is abandoned. */
  maxAttempts?: number;
}

/**
 * Processes the recorded inbound messages: one user at a time per lease (a compare-and-set column in the store,
 * so several instances never run one user's turns together), each user's messages strictly in arrival order, each
 * once. A message whose turn never finished (crash, lost lease) stays PENDIENTE and is processed after restart by
 * the poll. Sensitive turns are redacted in the stored copy as soon as the turn ends.
 */
export class InboundProcessor {
  private readonly leaseSeconds: number;
  private readonly maxAttempts: number;
  private readonly active = new Map<string, Promise<void>>();
  private timer: NodeJS.Timeout | undefined;
  private running = false;

  constructor(private readonly o: InboundProcessorOptions) {
    this.leaseSeconds = o.leaseSeconds ?? 120;
    this.maxAttempts = o.maxAttempts ?? 3;
  }

  /** Starts the recovery poll (pending messages of users nobody holds). */
  start(): void {
    if (this.running) return;
    this.running = true;
    const tick = (): void => {
      this.timer = setTimeout(() => {
        void this.sweep()
          .catch((error: unknown) => this.o.logger.error('whatsapp.sweep_failed', { error }))
          .finally(() => this.running && tick());
      }, this.o.pollIntervalMs ?? 2000);
      this.timer.unref();
    };
    void this.sweep().catch((error: unknown) => this.o.logger.error('whatsapp.sweep_failed', { error }));
    tick();
  }

  /** Stops the poll and waits for the turns in flight. */
  async stop(): Promise<void> {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    await Promise.all([...this.active.values()]);
  }

  /** Processes every user with waiting messages; resolves when this instance has done what it could. */
  async sweep(): Promise<void> {
    const users = await listWaUsersWithPending(this.o.prisma, { limit: 50 });
    await Promise.all(users.map((u) => this.process(u)));
  }

  /** Processes the waiting messages of `waUser` (again, if already running here, once the current run ends). */
  process(waUser: string): Promise<void> {
    const previous = this.active.get(waUser) ?? Promise.resolve();
    const next = previous
      .then(() => this.drainUser(waUser))
      .catch((error: unknown) => this.o.logger.error('whatsapp.process_failed', { user: maskWaUser(waUser), error }));
    this.active.set(waUser, next);
    void next.finally(() => {
      if (this.active.get(waUser) === next) this.active.delete(waUser);
    });
    return next;
  }

  private leaseUntil(): Date {
    return new Date(this.o.clock().getTime() + this.leaseSeconds * 1000);
  }

  private async drainUser(waUser: string): Promise<void> {
    const { prisma, instanceId } = this.o;
    if (!(await claimWaLease(prisma, { waUser, owner: instanceId, now: this.o.clock(), until: this.leaseUntil() }))) return;
    try {
      for (;;) {
        const row = await nextWaInbound(prisma, { waUser });
        if (!row) return;
        const done = await this.handle(row);
        this.o.hooks.kickSender();
        if (!done) return;
        if (!(await claimWaLease(prisma, { waUser, owner: instanceId, now: this.o.clock(), until: this.leaseUntil() }))) return;
      }
    } finally {
      await releaseWaLease(prisma, { waUser, owner: instanceId });
    }
  }

  /** One message: true when it is finished (processed or abandoned), false to retry it later. */
  private async handle(row: WaInboundRow): Promise<boolean> {
    const { prisma, hooks, logger } = this.o;
    const message = JSON.parse(row.message) as Record<string, unknown>;
    const sentAt = new Date(Math.min(Number(message.timestamp) * 1000 || this.o.clock().getTime(), this.o.clock().getTime()));
    try {
      await touchWaWindow(prisma, { waUser: row.waUser, at: sentAt });
      await hooks.markRead(row.waUser, row.wamid);
      const meaning = meaningOf(message);
      if (meaning.kind === 'optIn') await hooks.answerOptIn(row.waUser, meaning.value);
      else if (meaning.kind === 'refuse') await hooks.sendText(row.waUser, meaning.text);
      else {
        const code = await hooks.confirmCode(row.waUser, meaning.text);
        if (code && 'reply' in code) await hooks.sendText(row.waUser, code.reply);
        else if (code) await this.completeSignIn(row.waUser, code.reference);
        else await this.turn(row, message, meaning.text, meaning.attachments, sentAt);
        await hooks.askOptInOnce(row.waUser);
      }
      await finishWaInbound(prisma, { id: row.id, now: this.o.clock(), estado: 'PROCESADO' });
      logger.info('whatsapp.message_processed', { user: maskWaUser(row.waUser), type: String(message.type) });
      return true;
    } catch (error) {
      const attempts = await failWaInboundAttempt(prisma, { id: row.id, error: error instanceof Error ? error.message : String(error) });
      logger.error('whatsapp.turn_failed', { user: maskWaUser(row.waUser), attempts, error });
      if (attempts < this.maxAttempts) return false;
      await finishWaInbound(prisma, { id: row.id, now: this.o.clock(), estado: 'FALLIDO' });
      return true;
    }
  }

  private async turn(
    row: WaInboundRow,
    message: Record<string, unknown>,
    text: string,
    attachments: NonNullable<Activity['attachments']>,
    at: Date,
  ): Promise<void> {
    const activity = inboundActivity({
      wamid: row.wamid,
      waUser: row.waUser,
      profileName: row.profileName,
      phoneNumberId: this.o.phoneNumberId,
      serviceUrl: this.o.serviceUrl,
      text,
      attachments,
      at,
    });
    let sensitive = carriesClave(text);
    await this.o.adapter.processActivity(activity, async (context: TurnContext) => {
      await this.o.logic(context);
      sensitive = sensitive || isSensitiveInput(context);
    });
    if (sensitive) await replaceWaInboundMessage(this.o.prisma, { wamid: row.wamid, message: JSON.stringify(redactedMessage(message)) });
  }

  /** The sign-in continuation turn, once the code came from this chat. */
  private async completeSignIn(waUser: string, reference: ConversationReferenceJson): Promise<void> {
    const activity: Partial<Activity> = {
      type: ActivityTypes.Event,
      name: SIGNIN_COMPLETED_EVENT,
      channelId: WHATSAPP_CHANNEL_ID,
      serviceUrl: this.o.serviceUrl,
      timestamp: this.o.clock(),
      locale: reference.locale ?? 'es-EC',
      conversation: { id: conversationIdOf(waUser), isGroup: false, conversationType: 'personal', name: '' },
      from: { id: waUser, name: reference.user?.name ?? '', role: 'user' },
      recipient: { id: this.o.phoneNumberId, name: '', role: 'bot' },
    };
    await this.o.adapter.processActivity(activity, this.o.logic);
  }
}
