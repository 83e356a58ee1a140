import { DomainError } from '../../../core/domain/errors';

/** A template was asked for a citizen who has not accepted WhatsApp notifications. */
export class WhatsAppConsentError extends DomainError {
  constructor(message: string) {
    super('whatsapp_sin_consentimiento', message);
    this.name = 'WhatsAppConsentError';
  }
}
