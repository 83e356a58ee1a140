import { WHATSAPP_CODIGO } from '../../../catalog';
import type { ConversationReferenceJson } from '../../../core/ports';
import type { PrismaClient } from '../../../prisma/client';
import { conversationKeyString } from '../../../prisma/store/session';
import { confirmWaSignIn, hasPendingWaSignIn, holdWaSignIn } from '../../../prisma/store/whatsappSignIn';
import type { SignInHold } from '../channel';
import { WHATSAPP_CHANNEL_ID, conversationIdOf } from './activity';

/** Minutes the code shown on the sign-in page may be sent from the chat. */
export const SIGNIN_CODE_MINUTES = 5;

/**
 * WhatsApp's forwarded-link defence. A link opened by anyone can be signed in with a clave, but the session of the
 * WhatsApp chat opens only when the six-digit code shown on the page afterwards is sent from that same chat within
 * {@link SIGNIN_CODE_MINUTES} minutes. A link forwarded by someone else (the phishing case) would need the victim to
 * send the code into the attacker's chat, which they cannot do from their own WhatsApp; the victim's own chat has no
 * sign-in waiting, so nobody is signed into another chat either. Codes are kept only as HMACs; five wrong codes drop it.
 */
export function whatsAppSignIn(deps: { prisma: PrismaClient; secret: string; clock: () => Date }): {
  hold: SignInHold;
  confirm(waUser: string, text: string): Promise<{ reference: ConversationReferenceJson } | { reply: string } | undefined>;
} {
  const keyOf = (waUser: string): string =>
    conversationKeyString({ channelId: WHATSAPP_CHANNEL_ID, conversationId: conversationIdOf(waUser) });
  return {
    async hold(reference) {
      if (reference.channelId !== WHATSAPP_CHANNEL_ID || !reference.conversation?.id) return undefined;
      const conversationKey = conversationKeyString({ channelId: WHATSAPP_CHANNEL_ID, conversationId: reference.conversation.id });
      const code = await holdWaSignIn(deps.prisma, {
        conversationKey,
        reference: JSON.stringify(reference),
        secret: deps.secret,
        now: deps.clock(),
        ttlMinutes: SIGNIN_CODE_MINUTES,
      });
      return code ? { code, minutes: SIGNIN_CODE_MINUTES } : undefined;
    },
    async confirm(waUser, text) {
      const code = text.trim();
      if (!/^\d{6}$/.test(code)) return undefined;
      const conversationKey = keyOf(waUser);
      if (!(await hasPendingWaSignIn(deps.prisma, { conversationKey }))) return undefined;
      const outcome = await confirmWaSignIn(deps.prisma, { conversationKey, code, secret: deps.secret, now: deps.clock() });
      if (outcome.ok) return { reference: JSON.parse(outcome.reference) as ConversationReferenceJson };
      if (outcome.reason === 'none') return undefined;
      return { reply: outcome.reason === 'expired' ? WHATSAPP_CODIGO.vencido : WHATSAPP_CODIGO.incorrecto };
    },
  };
}
