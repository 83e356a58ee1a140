import type { ConversationReferenceJson } from '../../../core/ports';
import type { PrismaClient } from '../../../prisma/client';
import { findWaContact } from '../../../prisma/store/whatsappContact';
import type { ProactiveWindow, TemplateMessage } from '../channel';
import { waUserOf } from './activity';
import { WhatsAppConsentError } from './errors';

/** Length of Meta's customer-service window. */
export const WINDOW_MS = 24 * 60 * 60 * 1000;

/**
 * The proactive window of WhatsApp: open for 24 hours from the user's own last message (refreshed only by it, and
 * closed early when Meta answers 131047); outside it only an approved template may be sent, and only to a citizen
 * who accepted notifications (else WhatsAppConsentError, code `whatsapp_sin_consentimiento`).
 */
export function whatsAppProactiveWindow(deps: {
  prisma: PrismaClient;
  clock: () => Date;
  enqueueTemplate(waUser: string, body: Record<string, unknown>): Promise<void>;
}): ProactiveWindow {
  const userOf = (reference: ConversationReferenceJson): string => {
    const waUser = waUserOf(reference.conversation?.id);
    if (!waUser) throw new TypeError('The reference is not a WhatsApp conversation.');
    return waUser;
  };
  return {
    async isOpen(reference) {
      const contact = await findWaContact(deps.prisma, { waUser: userOf(reference) });
      const last = contact?.lastUserMessageAt;
      return last !== null && last !== undefined && deps.clock().getTime() - last.getTime() < WINDOW_MS;
    },
    async sendTemplate(reference, template: TemplateMessage) {
      const waUser = userOf(reference);
      const contact = await findWaContact(deps.prisma, { waUser });
      if (contact?.optIn !== true) throw new WhatsAppConsentError('The citizen has not accepted WhatsApp notifications.');
      const components =
        template.parameters.length > 0 ? [{ type: 'body', parameters: template.parameters.map((text) => ({ type: 'text', text })) }] : [];
      await deps.enqueueTemplate(waUser, {
        type: 'template',
        template: { name: template.name, language: { code: template.language }, ...(components.length > 0 ? { components } : {}) },
      });
    },
  };
}
