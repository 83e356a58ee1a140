import { claveChangedEmail, emailChangedNotice, resetLinkEmail, type EmailContent } from '../../catalog/es-EC/emails';
import type { CaseReader, ClaveRecoveryPort, Clock, RateLimiter } from '../../core/ports';
import { maskEmail } from '../../core/domain/masking';
import type { PrismaClient } from '../client';
import { findCaseForCitizen } from './cases';
import { buildRecoveryChallenge, checkRecoveryAnswer, getRecoveryEmail, isRecoveryBlocked, type RecoveryContext } from './claveRecovery';
import { RESET_TOKEN_TTL_SECONDS, issueResetLink } from './claveReset';
import type { OutboxMessage } from './outbox';
import { hitRateLimit } from './rateLimits';

/** Turns e-mail content into the plain-text and HTML bodies (bot/mail/layout.ts in production). */
export type EmailRenderer = (content: Omit<EmailContent, 'subject'>) => { text: string; html: string };

/** What the store needs beyond the client: the clock, the server secret, the distractor employers and e-mail rendering. */
export interface StoreOptions {
  clock: Clock;
  secret: string;
  distractorEmployers: readonly string[];
  /** Builds the public URL of the new-clave page for a token. */
  resetUrl: (token: string) => string;
  render: EmailRenderer;
}

/** The store's implementations of the dialogs' ports, over one Prisma client. */
export interface Store {
  cases: CaseReader;
  rateLimiter: RateLimiter;
  claveRecovery: ClaveRecoveryPort;
  /** Renders e-mail content into an outbox message for one address. */
  toMessage(to: string, content: EmailContent, dedupKey?: string): OutboxMessage;
  /** True when the database answers a trivial query. */
  isHealthy(): Promise<boolean>;
}

/** Binds the data-access functions to a client and the store options. */
export function createStore(db: PrismaClient, options: StoreOptions): Store {
  const { clock } = options;
  const ctx: RecoveryContext = { db, secret: options.secret, distractors: options.distractorEmployers };
  const toMessage = (to: string, content: EmailContent, dedupKey?: string): OutboxMessage => ({ to, subject: content.subject, dedupKey, ...options.render(content) });
  const claveRecovery: ClaveRecoveryPort = {
    isBlocked: (identificacion) => isRecoveryBlocked(db, { identificacion }),
    startChallenge: (identificacion) => buildRecoveryChallenge(ctx, { identificacion, now: clock() }),
    checkAnswer: (identificacion, question, answer) => checkRecoveryAnswer(ctx, { identificacion, question, answer, now: clock() }),
    async maskedEmail(identificacion) {
      const found = await getRecoveryEmail(db, { identificacion });
      return found?.email ? maskEmail(found.email) : undefined;
    },
    async sendResetLink(identificacion, newEmail) {
      const found = await getRecoveryEmail(db, { identificacion });
      const person = found && (await db.afiliado.findUniqueOrThrow({ where: { id: found.afiliadoId } }));
      const to = newEmail ?? found?.email;
      if (!person || !to) throw new Error('sendResetLink sin afiliado o sin correo');
      await issueResetLink(db, {
        afiliadoId: person.id,
        email: to,
        now: clock(),
        linkFor: options.resetUrl,
        compose: (url) => toMessage(to, resetLinkEmail({ nombres: person.nombres, url, minutes: RESET_TOKEN_TTL_SECONDS / 60 })),
        notifyPrevious: (previous) => toMessage(previous, emailChangedNotice({ nombres: person.nombres, maskedNew: maskEmail(to) })),
      });
      return { maskedTo: maskEmail(to) };
    },
  };
  return {
    cases: { findCaseForCitizen: (o) => findCaseForCitizen(db, o) },
    rateLimiter: { hit: (o) => hitRateLimit(db, { ...o, now: clock() }) },
    claveRecovery,
    toMessage,
    async isHealthy() {
      try {
        await db.$queryRawUnsafe('SELECT 1');
        return true;
      } catch {
        return false;
      }
    },
  };
}

/** The confirmation sent after a clave change (no clave in it). */
export function claveChangedMessage(store: Store, person: { nombres: string; email: string }, fecha: string): OutboxMessage {
  return store.toMessage(person.email, claveChangedEmail({ nombres: person.nombres, fecha }));
}
