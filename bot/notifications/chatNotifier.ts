import { reply } from '../../dialogs/shared/replies';
import type { Clock } from '../../core/ports';
import type { ChatNotifier, CitizenContactView } from '../../core/usecases/notifications/ports';
import type { PrismaClient } from '../../prisma/client';
import { hasLiveDirectLineToken } from '../../prisma/store/notifications';
import type { Channel } from '../channels/channel';

/** The error code WhatsApp's `sendTemplate` rejects with when the citizen did not opt in (bot/channels/channel.ts). */
export const NO_CONSENT_CODE = 'whatsapp_sin_consentimiento';

/** Whether a conversation can still be reached now, per channel id (Direct Line: a valid token, i.e. the chat is open). */
export type Liveness = (contact: CitizenContactView) => Promise<boolean>;

/** Direct Line's liveness; other channels are reachable whenever their channel owns the reference. */
export function channelLiveness(db: PrismaClient, clock: Clock): Liveness {
  return async (contact) =>
    contact.channelId === 'directline'
      ? hasLiveDirectLineToken(db, { conversationId: contact.reference.conversation?.id ?? '', now: clock() })
      : true;
}

/**
 * The channel-generic chat side of case notifications: the channel that owns the reference sends it proactively;
 * a channel with a proactive window (WhatsApp) sends free-form inside it, else the configured utility template, which
 * the channel refuses for a citizen without opt-in (recorded OMITIDA; the e-mail still goes).
 */
export function createChatNotifier(options: {
  channels: () => readonly Channel[];
  live: Liveness;
  template?: { name: string; language: string };
}): ChatNotifier {
  return async (contact, text, parameters) => {
    const channel = options.channels().find((c) => c.ownsReference(contact.reference));
    if (!channel) return { estado: 'OMITIDA', detalle: 'sin_canal' };
    if (!(await options.live(contact))) return { estado: 'OMITIDA', detalle: 'conversacion_cerrada' };
    const window = channel.proactiveWindow;
    if (window && !(await window.isOpen(contact.reference))) {
      if (!options.template) return { estado: 'OMITIDA', detalle: 'fuera_de_ventana_sin_plantilla' };
      try {
        await window.sendTemplate(contact.reference, { ...options.template, parameters });
        return { estado: 'ENVIADA', detalle: 'plantilla' };
      } catch (error) {
        if ((error as { code?: unknown }).code === NO_CONSENT_CODE) return { estado: 'OMITIDA', detalle: NO_CONSENT_CODE };
        throw error;
      }
    }
    // The adapter hands errors thrown in a turn to its onTurnError; keep the send's own failure to record it.
    let failure: unknown;
    await channel.continueConversation(contact.reference, async (context) => {
      try {
        await context.sendActivity(reply(text));
      } catch (error) {
        failure = error;
      }
    });
    if (failure !== undefined) return { estado: 'FALLIDA', detalle: failure instanceof Error ? failure.message : String(failure) };
    return { estado: 'ENVIADA' };
  };
}
