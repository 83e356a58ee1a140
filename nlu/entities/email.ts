import type { Span } from './types';

const EMAIL =
  /(?<![a-z0-9._%+-])([a-z0-9][a-z0-9._%+-]*)\s*(?:@|\s\(?arroba\)?\s)\s*([a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*\.[a-z]{2,})(?![a-z0-9-])/gi;

/** Finds e-mail addresses (also "nombre arroba dominio.ec", as dictated in chats), lowercased. */
export function findEmails(text: string): Span<string>[] {
  return [...text.matchAll(EMAIL)].map((m) => ({
    value: `${m[1]}@${m[2]}`.toLowerCase(),
    start: m.index ?? 0,
    end: (m.index ?? 0) + m[0].length,
  }));
}

/** Finds the first e-mail address in free text, lowercased. */
export function parseEmail(text: string): string | undefined {
  return findEmails(text)[0]?.value;
}
