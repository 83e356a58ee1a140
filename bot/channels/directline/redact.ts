import type { Activity } from 'botbuilder';
import { REDACTED_TEXT } from '../../../dialogs/shared/sensitive';
import type { DirectLineStore } from './store';

/**
 * The Direct Line channel's transcript redaction: the stored copy of an inbound activity (a security answer) gets
 * {@link REDACTED_TEXT} instead of its text, so clients that poll again never see the answer.
 */
export function transcriptRedactor(store: DirectLineStore): (activity: Partial<Activity>) => Promise<void> {
  return async (activity) => {
    const conversationId = activity.conversation?.id;
    if (!conversationId || !activity.id) return;
    await store.replace(conversationId, activity.id, { ...activity, text: REDACTED_TEXT });
  };
}
