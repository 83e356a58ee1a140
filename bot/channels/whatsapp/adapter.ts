import { ActivityTypes, TurnContext, type Activity, type ConversationReference, type ResourceResponse } from 'botbuilder';
import type { ActivityRenderer } from '../channel';
import { ProactiveAdapter } from '../proactiveAdapter';
import { WHATSAPP_CHANNEL_ID, conversationIdOf, waUserOf } from './activity';
import { renderWhatsAppActivity } from './render';
import type { WhatsAppMessage } from './types';

/** A bot turn handler. */
export type TurnLogic = (context: TurnContext) => Promise<void>;

/** Placeholder `to` of rendered messages; the adapter puts the user's address in its place. */
const TO_PLACEHOLDER = '';
/** Where the renderer leaves the Cloud API bodies of an activity, for the adapter to queue. */
const RENDERED = 'whatsappMessages';

/**
 * The channel's ActivityRenderer: keeps the activity and adds its Cloud API bodies (renderWhatsAppActivity) in
 * `channelData.whatsappMessages`, so the bodies the user will receive can be checked in tests and middleware.
 */
export const renderWhatsAppForAdapter: ActivityRenderer = (activity) => {
  if (activity.type !== ActivityTypes.Message) return activity;
  const channelData = (activity.channelData ?? {}) as Record<string, unknown>;
  return { ...activity, channelData: { ...channelData, [RENDERED]: renderWhatsAppActivity(activity, TO_PLACEHOLDER) } };
};

/** What the adapter needs: how to queue bodies for a user, and the service URL of its activities. */
export interface WhatsAppAdapterDependencies {
  /** Queues the bodies in order for the user (the outbound worker sends them); resolves with row ids. */
  enqueue(waUser: string, messages: WhatsAppMessage[]): Promise<number[]>;
  serviceUrl: string;
  phoneNumberId: string;
  clock: () => Date;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs bot turns for WhatsApp in-process: inbound messages come from the webhook's durable queue, and every message
 * a turn sends is rendered within the Cloud API limits and queued durably for the outbound worker (retries, back-off,
 * order per user). Updating or deleting a sent message is not possible on WhatsApp.
 */
export class WhatsAppAdapter extends ProactiveAdapter {
  constructor(private readonly deps: WhatsAppAdapterDependencies) {
    super();
  }

  /** Runs one turn for an inbound activity through the middleware and `logic`. */
  async processActivity(activity: Partial<Activity>, logic: TurnLogic): Promise<void> {
    await this.runMiddleware(new TurnContext(this, activity), logic);
  }

  /** Queues each message activity's Cloud API bodies; honours `delay`; drops trace, typing and invoke responses. */
  override async sendActivities(context: TurnContext, activities: Partial<Activity>[]): Promise<ResourceResponse[]> {
    const responses: ResourceResponse[] = [];
    for (const activity of activities) {
      if (activity.type === 'delay') {
        await sleep(typeof activity.value === 'number' ? activity.value : 1000);
        responses.push({ id: '' });
        continue;
      }
      if (activity.type !== ActivityTypes.Message) {
        responses.push({ id: '' });
        continue;
      }
      const waUser = waUserOf(activity.conversation?.id ?? context.activity.conversation?.id);
      if (!waUser) throw new TypeError('The activity has no WhatsApp conversation.');
      const rendered = (activity.channelData as Record<string, unknown> | undefined)?.[RENDERED] as WhatsAppMessage[] | undefined;
      const messages = rendered ?? renderWhatsAppActivity(activity, TO_PLACEHOLDER);
      const ids = messages.length > 0 ? await this.deps.enqueue(waUser, messages) : [];
      responses.push({ id: ids.length > 0 ? `wa-out-${ids[ids.length - 1]}` : '' });
    }
    return responses;
  }

  /** WhatsApp cannot edit a sent message. */
  override async updateActivity(): Promise<ResourceResponse | void> {
    throw new Error('WhatsApp messages cannot be updated.');
  }

  /** WhatsApp cannot delete a sent message for the user. */
  override async deleteActivity(): Promise<void> {
    throw new Error('WhatsApp messages cannot be deleted.');
  }

  /** The ContinueConversation event of the WhatsApp user of `reference`. */
  protected override async continueEvent(reference: Partial<ConversationReference>): Promise<Partial<Activity>> {
    const waUser = waUserOf(reference.conversation?.id);
    if (!waUser) throw new TypeError('The reference is not a WhatsApp conversation.');
    return {
      type: ActivityTypes.Event,
      name: 'ContinueConversation',
      channelId: WHATSAPP_CHANNEL_ID,
      serviceUrl: this.deps.serviceUrl,
      timestamp: this.deps.clock(),
      locale: reference.locale ?? 'es-EC',
      conversation: { id: conversationIdOf(waUser), isGroup: false, conversationType: 'personal', name: '' },
      from: { id: waUser, name: reference.user?.name ?? '', role: 'user' },
      recipient: { id: this.deps.phoneNumberId, name: '', role: 'bot' },
    };
  }
}
