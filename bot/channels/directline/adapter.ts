import { ActivityTypes, TurnContext, type Activity, type ConversationReference, type ResourceResponse } from 'botbuilder';
import type { Logger } from '../../logger';
import { ProactiveAdapter } from '../proactiveAdapter';
import { attachmentUrl, botAccount, type ChannelInfo } from './activity';
import { DirectLineError } from './errors';
import type { DirectLineStore } from './store';
import type { AttachmentStore } from './types';

/** A bot turn handler. */
export type TurnLogic = (context: TurnContext) => Promise<void>;

/** An uploaded file read back for the bot. */
export interface AttachmentContent {
  bytes: Buffer;
  contentType: string;
  name: string;
  /** The conversation the file was uploaded to, so the bot can refuse files of other conversations. */
  conversationId: string;
}

/** What the adapter needs from the channel. */
export interface AdapterDependencies {
  store: DirectLineStore;
  attachments: AttachmentStore;
  channel: ChannelInfo;
  baseUrl: string;
  clock: () => Date;
  logger: Logger;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs bot turns in-process for the self-hosted Direct Line channel; what the bot sends is appended to the store. */
export class DirectLineAdapter extends ProactiveAdapter {
  constructor(private readonly deps: AdapterDependencies) {
    super();
  }

  /** Runs one turn for an inbound activity through the middleware (adapter.use) and `logic`. */
  async processActivity(activity: Partial<Activity>, logic: TurnLogic): Promise<void> {
    const context = new TurnContext(this, activity);
    await this.runMiddleware(context, logic);
  }

  /** Appends each activity to its conversation (in order), honours `delay`, drops `trace` like CloudAdapter. */
  override async sendActivities(context: TurnContext, activities: Partial<Activity>[]): Promise<ResourceResponse[]> {
    const responses: ResourceResponse[] = [];
    for (const activity of activities) {
      if (activity.type === 'delay') {
        await sleep(typeof activity.value === 'number' ? activity.value : 1000);
        responses.push({ id: '' });
      } else if (activity.type === ActivityTypes.Trace || activity.type === ActivityTypes.InvokeResponse) {
        responses.push({ id: '' });
      } else {
        const conversationId = this.conversationOf(context, activity.conversation);
        const stored = await this.deps.store.append(conversationId, (id) => this.outbound(activity, id, conversationId));
        responses.push({ id: stored.id });
      }
    }
    return responses;
  }

  /** Replaces a sent activity in the store (clients that already polled past it keep the old version). */
  override async updateActivity(context: TurnContext, activity: Partial<Activity>): Promise<ResourceResponse> {
    const conversationId = this.conversationOf(context, activity.conversation);
    const id = activity.id ?? '';
    const existing = await this.deps.store.find(conversationId, id);
    if (!existing) throw new DirectLineError(404, 'NotFound', 'Activity not found.');
    await this.deps.store.replace(conversationId, id, { ...existing, ...this.outbound(activity, id, conversationId) });
    return { id };
  }

  /** Deletes a sent activity from the store. */
  override async deleteActivity(context: TurnContext, reference: Partial<ConversationReference>): Promise<void> {
    const conversationId = this.conversationOf(context, reference.conversation);
    await this.deps.store.remove(conversationId, reference.activityId ?? '');
  }

  /** The ContinueConversation event of the stored conversation of `reference`; what the turn sends is appended to it. */
  protected override async continueEvent(reference: Partial<ConversationReference>): Promise<Partial<Activity>> {
    const conversationId = reference.conversation?.id ?? '';
    const userId = await this.deps.store.conversationUser(conversationId);
    if (userId === undefined) throw new DirectLineError(404, 'NotFound', 'Conversation not found.');
    this.deps.logger.info('directline.proactive', { conversationId });
    return {
      type: ActivityTypes.Event,
      name: 'ContinueConversation',
      channelId: 'directline',
      serviceUrl: this.deps.channel.serviceUrl,
      timestamp: this.deps.clock(),
      conversation: { id: conversationId, isGroup: false, conversationType: 'personal', name: '' },
      from: { id: userId, name: reference.user?.name ?? '', role: 'user' },
      recipient: botAccount(this.deps.channel),
      ...(reference.locale ? { locale: reference.locale } : {}),
    };
  }

  /** Reads an uploaded file from its contentUrl without HTTP; undefined if the URL is not one of ours or unknown. */
  async readAttachment(contentUrl: string): Promise<AttachmentContent | undefined> {
    const prefix = attachmentUrl(this.deps.baseUrl, '');
    if (!contentUrl.startsWith(prefix)) return undefined;
    const id = contentUrl.slice(prefix.length);
    if (!/^[A-Za-z0-9_-]{16,64}$/.test(id)) return undefined;
    const row = await this.deps.store.attachment(id);
    if (!row) return undefined;
    const bytes = await this.deps.attachments.read(row.storageKey);
    return { bytes, contentType: row.contentType, name: row.name, conversationId: row.conversationId };
  }

  private conversationOf(context: TurnContext, conversation: { id?: string } | undefined): string {
    const id = conversation?.id ?? context.activity.conversation?.id;
    if (!id) throw new TypeError('The activity has no conversation id.');
    return id;
  }

  private outbound(activity: Partial<Activity>, id: string, conversationId: string): Partial<Activity> {
    return {
      ...activity,
      id,
      channelId: 'directline',
      serviceUrl: this.deps.channel.serviceUrl,
      timestamp: this.deps.clock(),
      conversation: { id: conversationId, isGroup: false, conversationType: 'personal', name: '' },
      from: { ...botAccount(this.deps.channel), ...activity.from, role: 'bot' },
    };
  }
}
