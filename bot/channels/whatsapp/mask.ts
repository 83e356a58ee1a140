import { maskPhone } from '../../../core/domain/masking';

/** A WhatsApp identity for logs: a phone number keeps its last four digits, a user_id its last three characters. */
export function maskWaUser(waUser: string): string {
  if (/^\d+$/.test(waUser)) return maskPhone(waUser);
  return waUser.length <= 6 ? '***' : `***${waUser.slice(-3)}`;
}
