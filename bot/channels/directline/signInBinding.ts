import { timingSafeEqual } from 'node:crypto';
import type { SignInBinding } from '../channel';
import { DIRECT_LINE_CHANNEL_ID } from './attachments';
import { browserKeyHashOf } from './browserKey';
import type { DirectLineStore } from './store';

/**
 * The Direct Line sign-in binding: a self-hosted conversation (a DlConversation row) bound to a browser key lets only
 * the browser whose `iess_navegador` cookie hashes to the stored `browserKeyHash` use its links. Conversations of
 * other channels, Azure Direct Line conversations (no row) and unbound ones accept any browser.
 */
export function directLineSignInBinding(store: DirectLineStore): SignInBinding {
  return async (conversation, request) => {
    if (conversation.channelId !== DIRECT_LINE_CHANNEL_ID) return true;
    const bound = await store.browserKeyHash(conversation.conversationId);
    if (!bound) return true;
    const [expected, given] = [Buffer.from(bound), Buffer.from(browserKeyHashOf(request) ?? '')];
    return expected.length === given.length && timingSafeEqual(expected, given);
  };
}
