import { CloudAdapter, TurnContext, type Activity, type ConversationParameters, type ConversationReference } from 'botbuilder';
import type { ConversationReferenceJson } from '../../core/ports';
import type { HandoffView } from '../../core/usecases/handoff/ports';
import type { Channel } from '../channels/channel';
import { queueCard } from './cards';

/** Where the queue cards go: a channel of the call-centre team, on the Teams service (a loopback fake in local mode). */
export interface TeamsQueueChannel {
  /** Conversation id of the Teams channel (`19:…@thread.tacv2`). */
  channelId: string;
  serviceUrl: string;
  tenantId?: string;
}

/** A Teams agent as the desk addresses them: the Entra object id and tenant. */
export interface DeskAgent {
  aadObjectId: string;
  tenantId: string;
}

/**
 * The Teams side of the handoff, over the Bot Framework channel (the one that owns msteams references): posts and
 * updates the queue card in the configured channel, opens the agent's personal chat, and sends into it.
 */
export class TeamsHandoffDesk {
  constructor(
    private readonly options: {
      channel: Pick<Channel, 'adapter' | 'continueConversation'>;
      appId: string;
      queue: TeamsQueueChannel;
    },
  ) {}

  private queueReference(): ConversationReferenceJson {
    const { queue } = this.options;
    return {
      channelId: 'msteams',
      serviceUrl: queue.serviceUrl,
      conversation: {
        id: queue.channelId,
        isGroup: true,
        conversationType: 'channel',
        ...(queue.tenantId ? { tenantId: queue.tenantId } : {}),
      },
      bot: { id: this.options.appId || 'iess-asistente' },
    };
  }

  /** Posts the waiting conversation's card in the queue channel; returns the card's activity id. */
  async postQueueCard(handoff: HandoffView, maskedId: string | undefined): Promise<{ activityId: string; conversationId: string }> {
    let activityId = '';
    await this.options.channel.continueConversation(this.queueReference(), async (context) => {
      const sent = await context.sendActivity({ type: 'message', attachments: [queueCard(handoff, maskedId)] });
      activityId = sent?.id ?? '';
    });
    return { activityId, conversationId: this.options.queue.channelId };
  }

  /** Replaces the queue card (for everyone in the channel) with the handoff's current state. */
  async updateQueueCard(handoff: HandoffView, maskedId: string | undefined): Promise<void> {
    if (!handoff.cardActivityId) return;
    const reference = { ...this.queueReference() };
    await this.options.channel.continueConversation(reference, async (context) => {
      await context.updateActivity({ id: handoff.cardActivityId, type: 'message', attachments: [queueCard(handoff, maskedId)] });
    });
  }

  /** Opens (or reopens: Teams returns the same one) the agent's personal chat with the bot; returns its reference. */
  async openAgentChat(agent: DeskAgent, serviceUrl: string): Promise<ConversationReferenceJson> {
    const adapter = this.options.channel.adapter;
    if (!(adapter instanceof CloudAdapter)) throw new Error('The Teams desk needs the Bot Framework CloudAdapter');
    const parameters: Partial<ConversationParameters> = {
      isGroup: false,
      bot: { id: this.options.appId || 'iess-asistente', name: '' },
      members: [{ id: agent.aadObjectId, name: '' }],
      tenantId: agent.tenantId,
      channelData: { tenant: { id: agent.tenantId } },
    };
    let reference: Partial<ConversationReference> | undefined;
    await adapter.createConversationAsync(
      this.options.appId,
      'msteams',
      serviceUrl,
      '',
      parameters as ConversationParameters,
      async (context) => {
        reference = TurnContext.getConversationReference(context.activity);
      },
    );
    if (!reference?.conversation) throw new Error('Teams did not create the personal conversation');
    return { ...reference, user: { id: agent.aadObjectId } } as ConversationReferenceJson;
  }

  /** Sends one activity into a Teams conversation (the agent's personal chat). */
  async send(reference: ConversationReferenceJson, activity: Partial<Activity>): Promise<void> {
    await this.options.channel.continueConversation(reference, async (context) => {
      await context.sendActivity(activity);
    });
  }
}
