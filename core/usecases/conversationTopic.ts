import type { Clock } from '../ports';

/** What a conversation is about: a trámite id, or a portal service as `servicio:<id>`. */
export type ConversationTopicValue = string;

/** The store's half: one row per conversation. */
export interface TopicRecords {
  saveTopic(options: { conversationKey: string; topic: ConversationTopicValue; now: Date }): Promise<void>;
  findTopic(conversationKey: string): Promise<{ topic: ConversationTopicValue; updatedAt: Date } | undefined>;
}

/** Remembers the topic of a conversation for follow-up questions ("¿cuánto cuesta?", "¿y si soy extranjero?"). */
export interface TopicPort {
  remember(conversationKey: string, topic: ConversationTopicValue): Promise<void>;
  /** The topic, unless older than the memory's lifetime: an old topic is not what a new question is about. */
  recall(conversationKey: string): Promise<ConversationTopicValue | undefined>;
}

/** Minutes a topic is remembered after it was last named. */
export const TOPIC_TTL_MINUTES = 30;

/** A topic memory over the store, with a lifetime, so several instances share it. */
export function createTopicMemory(options: { records: TopicRecords; clock: Clock; ttlMinutes?: number }): TopicPort {
  const ttlMs = (options.ttlMinutes ?? TOPIC_TTL_MINUTES) * 60_000;
  return {
    remember: (conversationKey, topic) => options.records.saveTopic({ conversationKey, topic, now: options.clock() }),
    async recall(conversationKey) {
      const row = await options.records.findTopic(conversationKey);
      if (!row || options.clock().getTime() - row.updatedAt.getTime() > ttlMs) return undefined;
      return row.topic;
    },
  };
}
