/**
 * Set a new clave from the recovery e-mail's link: checks the link, stores the clave once and queues the confirmation
 * e-mail (no clave in it). The new-clave page (bot/clave/resetRoutes.ts) validates the form and calls this.
 */
import { claveChangedEmail, formatFecha } from '../../catalog';
import type { Clock, OutboxMessage } from '../ports';
import { composeEmail, type EmailRenderer } from './email';

/** The store's reset-link functions (prisma/store/claveReset). */
export interface ResetRecords {
  checkResetToken(options: { token: string; now: Date }): Promise<{ nombres: string } | undefined>;
  completeReset(options: {
    token: string;
    clave: string;
    now: Date;
    compose: (person: { nombres: string; email: string }) => OutboxMessage;
  }): Promise<'ok' | 'invalid'>;
}

/** What the new-clave page needs: who a link is for, and setting the clave through it. */
export interface NewClavePort {
  /** The person's names while the link is unused and unexpired; unknown, used and expired look alike. */
  check(token: string): Promise<{ nombres: string } | undefined>;
  /** Sets the clave exactly once; 'invalid' when the link is no longer valid. */
  complete(options: { token: string; clave: string }): Promise<'ok' | 'invalid'>;
}

/** Builds the NewClavePort over the store, with the confirmation e-mail from the catalog. */
export function createSetNewClave(options: { records: ResetRecords; clock: Clock; render: EmailRenderer }): NewClavePort {
  const { records, clock, render } = options;
  return {
    check: (token) => records.checkResetToken({ token, now: clock() }),
    complete({ token, clave }) {
      const now = clock();
      return records.completeReset({
        token,
        clave,
        now,
        compose: (person) => composeEmail(render, person.email, claveChangedEmail({ nombres: person.nombres, fecha: formatFecha(now) })),
      });
    },
  };
}
