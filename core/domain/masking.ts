/** Masks an e-mail address for display: m***@example.ec. Shown wherever a citizen's address is confirmed. */
export function maskEmail(email: string): string {
  const [local, domain] = email.split('@');
  if (!domain) return '***';
  return `${local.slice(0, 1)}***@${domain}`;
}

/** Masks a phone number for display, keeping its last four digits: ******4501. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  return digits.length < 4 ? '***' : `******${digits.slice(-4)}`;
}

/** Masks a cédula or código for display, keeping the first two and the last two characters: 09******15. */
export function maskIdentificacion(value: string): string {
  if (value.length <= 4) return '****';
  return `${value.slice(0, 2)}${'*'.repeat(value.length - 4)}${value.slice(-2)}`;
}
