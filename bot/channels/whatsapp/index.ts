import { randomUUID } from 'node:crypto';
import type { ConversationReference, TurnContext } from 'botbuilder';
import type { Server } from 'restify';
import { WHATSAPP_AVISOS } from '../../../catalog';
import type { PrismaClient } from '../../../prisma/client';
import { claimWaLease, findWaContact, markWaOptInAsked, recordWaOptIn, releaseWaLease } from '../../../prisma/store/whatsappContact';
import { findWaInbound, replaceWaInboundMessage } from '../../../prisma/store/whatsappInbound';
import { enqueueWaOutbound, type WaOutboundKind } from '../../../prisma/store/whatsappOutbound';
import type { Logger } from '../../logger';
import type { Channel, TurnLogic } from '../channel';
import { installRenderer } from '../render';
import { OPT_IN_IDS, WHATSAPP_CHANNEL_ID, waUserOf } from './activity';
import { renderWhatsAppForAdapter, WhatsAppAdapter } from './adapter';
import type { WhatsAppConfig } from './config';
import { GraphClient } from './graph';
import { whatsAppMediaReader } from './media';
import { InboundProcessor } from './processor';
import { redactedMessage } from './redact';
import { registerWebhookRoutes } from './routes';
import { WhatsAppSender, type WhatsAppSenderOptions } from './sender';
import { whatsAppSignIn } from './signin';
import type { WhatsAppMessage } from './types';
import { whatsAppProactiveWindow } from './window';

export { WHATSAPP_CHANNEL_ID, conversationIdOf } from './activity';
export { WHATSAPP_WEBHOOK_PATH } from './routes';
export type { WhatsAppConfig } from './config';

/** What the WhatsApp channel is built from. */
export interface WhatsAppChannelOptions {
  config: WhatsAppConfig;
  prisma: PrismaClient;
  logic: TurnLogic;
  onTurnError: (context: TurnContext, error: unknown) => Promise<void>;
  logger: Logger;
  clock: () => Date;
  /** Server secret (APP_SECRET): sign-in codes are kept as HMACs under it. */
  secret: string;
  /** Tests shorten the sender's polls and back-off. */
  sender?: Pick<WhatsAppSenderOptions, 'pollIntervalMs' | 'backoffBaseMs' | 'backoffMaxMs' | 'maxAttempts'>;
  /** Tests shorten the recovery poll and the lease. */
  processor?: { pollIntervalMs?: number; leaseSeconds?: number };
}

/** The WhatsApp channel, with its parts typed for tests. */
export interface WhatsAppChannel extends Channel {
  readonly adapter: WhatsAppAdapter;
  readonly sender: WhatsAppSender;
  readonly processor: InboundProcessor;
}

/**
 * The Meta WhatsApp Cloud API channel: the webhook at /api/whatsapp (verification, signatures over raw bytes, each
 * message recorded under its wamid before the 200), a durable per-user ordered processor with a lease in the store,
 * the Bot Framework adapter with the WhatsApp renderer, a durable outbound queue with back-off, media read through
 * the Graph API for the document intake, the 24-hour window and templates, the notification opt-in, and the sign-in
 * code that binds a sign-in to the chat that asked for it.
 */
export function createWhatsAppChannel(options: WhatsAppChannelOptions): WhatsAppChannel {
  const { config, prisma, logger, clock } = options;
  const graph = new GraphClient(config);
  const serviceUrl = `${config.graphUrl}/${config.graphVersion}/${config.phoneNumberId}`;
  const sender = new WhatsAppSender({ prisma, graph, clock, logger, ...options.sender });

  async function enqueue(waUser: string, kind: WaOutboundKind, bodies: Record<string, unknown>[]): Promise<number[]> {
    const contact = await findWaContact(prisma, { waUser });
    const address = contact?.waId ? { to: contact.waId } : { recipient: waUser };
    const items = bodies.map((b) => {
      const { to: _to, ...rest } = b;
      void _to;
      return { kind, body: JSON.stringify({ messaging_product: 'whatsapp', recipient_type: 'individual', ...rest, ...address }) };
    });
    const ids = await enqueueWaOutbound(prisma, { waUser, items, now: clock() });
    sender.kick();
    return ids;
  }
  const enqueueMessages = (waUser: string, messages: WhatsAppMessage[]): Promise<number[]> =>
    enqueue(waUser, 'message', messages as unknown as Record<string, unknown>[]);
  const sendText = async (waUser: string, text: string): Promise<void> => {
    await enqueue(waUser, 'message', [{ type: 'text', text: { body: text, preview_url: false } }]);
  };

  const adapter = new WhatsAppAdapter({ enqueue: enqueueMessages, serviceUrl, phoneNumberId: config.phoneNumberId, clock });
  adapter.onTurnError = options.onTurnError;
  installRenderer(adapter, renderWhatsAppForAdapter);
  const signIn = whatsAppSignIn({ prisma, secret: options.secret, clock });
  const instanceId = randomUUID();

  const processor = new InboundProcessor({
    prisma,
    adapter,
    logic: options.logic,
    phoneNumberId: config.phoneNumberId,
    serviceUrl,
    instanceId,
    clock,
    logger,
    ...options.processor,
    hooks: {
      markRead: async (waUser, wamid) => {
        const read = { messaging_product: 'whatsapp', status: 'read', message_id: wamid, typing_indicator: { type: 'text' } };
        await enqueueWaOutbound(prisma, { waUser, items: [{ kind: 'read', body: JSON.stringify(read) }], now: clock() });
        sender.kick();
      },
      sendText,
      answerOptIn: async (waUser, value) => {
        await recordWaOptIn(prisma, { waUser, optIn: value, now: clock() });
        await sendText(waUser, value ? WHATSAPP_AVISOS.aceptado : WHATSAPP_AVISOS.rechazado);
      },
      askOptInOnce: async (waUser) => {
        if (!(await markWaOptInAsked(prisma, { waUser, now: clock() }))) return;
        const buttons = [
          { type: 'reply', reply: { id: OPT_IN_IDS.si, title: WHATSAPP_AVISOS.si } },
          { type: 'reply', reply: { id: OPT_IN_IDS.no, title: WHATSAPP_AVISOS.no } },
        ];
        await enqueue(waUser, 'message', [
          { type: 'interactive', interactive: { type: 'button', body: { text: WHATSAPP_AVISOS.pregunta }, action: { buttons } } },
        ]);
      },
      confirmCode: (waUser, text) => signIn.confirm(waUser, text),
      kickSender: () => sender.kick(),
    },
  });

  /** Runs a proactive turn holding the user's lease, so it never interleaves with an inbound turn (any instance). */
  async function continueConversation(reference: Partial<ConversationReference>, logic: TurnLogic): Promise<void> {
    const waUser = waUserOf(reference.conversation?.id);
    if (!waUser) throw new TypeError('The reference is not a WhatsApp conversation.');
    const owner = `proactive-${randomUUID()}`;
    const deadline = Date.now() + 15_000;
    const until = (): Date => new Date(clock().getTime() + 120_000);
    while (!(await claimWaLease(prisma, { waUser, owner, now: clock(), until: until() }))) {
      if (Date.now() > deadline) throw new Error('WhatsApp: the conversation is busy; try the proactive turn again later.');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    try {
      await adapter.continueConversationAsync('', reference, logic);
    } finally {
      await releaseWaLease(prisma, { waUser, owner });
      void processor.process(waUser);
    }
  }

  return {
    id: WHATSAPP_CHANNEL_ID,
    adapter,
    sender,
    processor,
    registerRoutes(server: Server) {
      registerWebhookRoutes(server, {
        prisma,
        verifyToken: config.verifyToken,
        appSecret: config.appSecret,
        phoneNumberId: config.phoneNumberId,
        clock,
        logger,
        onRecorded: (users) => users.forEach((u) => void processor.process(u)),
      });
    },
    ownsReference: (reference) => reference.channelId === WHATSAPP_CHANNEL_ID,
    continueConversation: (reference, logic) => continueConversation(reference as Partial<ConversationReference>, logic),
    readAttachment: whatsAppMediaReader({ prisma, graph, logger }),
    async redact(activity) {
      if (!activity.id) return;
      const stored = await findWaInbound(prisma, { wamid: activity.id });
      if (!stored) return;
      await replaceWaInboundMessage(prisma, {
        wamid: activity.id,
        message: JSON.stringify(redactedMessage(JSON.parse(stored.message) as Record<string, unknown>)),
      });
    },
    signInBinding: async () => true,
    signInHold: signIn.hold,
    proactiveWindow: whatsAppProactiveWindow({
      prisma,
      clock,
      enqueueTemplate: async (waUser, body) => {
        await enqueue(waUser, 'template', [body]);
      },
    }),
    start() {
      sender.start();
      processor.start();
    },
    async stop() {
      await processor.stop();
      await sender.stop();
    },
    render: renderWhatsAppForAdapter,
  };
}
