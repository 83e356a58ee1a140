import type { TurnContext } from 'botbuilder';
import type { TopicPort } from '../../core/usecases/conversationTopic';
import { conversationKeyOf } from '../shared/conversation';
import { parseTopic, topicKey, type Topic } from './inContext';

/** The conversation's key in the topic memory: "<channelId>:<conversationId>". */
function keyOf(context: TurnContext): string {
  const key = conversationKeyOf(context);
  return `${key.channelId}:${key.conversationId}`;
}

/** The trámite or service this conversation is about, if one was named in the last 30 minutes. */
export async function recallTopic(topics: TopicPort, context: TurnContext): Promise<Topic | undefined> {
  return parseTopic(await topics.recall(keyOf(context)));
}

/** Remembers what this conversation is about, for the next follow-up question. */
export async function rememberTopic(topics: TopicPort, context: TurnContext, topic: Topic): Promise<void> {
  await topics.remember(keyOf(context), topicKey(topic));
}
