/**
 * Recover a clave online (seed 004): the challenge (same questions, same texts, for a registered and an unknown
 * identification), one intento per failed pass counted per identification (five block, and the owner is told), and the reset link with its e-mails (to a new address, the
 * old one is told).
 */
import { RECOVERY_FALLBACK_QUESTIONS, emailChangedNotice, recoveryBlockedEmail, resetLinkEmail } from '../../catalog';
import { PersonNotFoundError } from '../domain/errors';
import { maskEmail } from '../domain/masking';
import type { ClaveRecoveryPort, Clock, OutboxMessage, RecoveryChallengeView, RecoveryPassVerdict, RecoveryQuestionName } from '../ports';
import { composeEmail, type EmailRenderer } from './email';

/** The store's recovery rows and writes (prisma/store/claveRecovery and claveReset). */
export interface RecoveryRecords {
  isRecoveryBlocked(options: { identificacion: string; now: Date }): Promise<boolean>;
  buildRecoveryChallenge(options: {
    identificacion: string;
    now: Date;
    fallbackQuestions: readonly [string, string];
  }): Promise<RecoveryChallengeView>;
  checkRecoveryAnswer(options: {
    identificacion: string;
    question: RecoveryQuestionName;
    answer: { day: number; month: number } | string;
    now: Date;
  }): Promise<{ correct: boolean }>;
  /** Judges a finished pass; the block and the owner's e-mail are written in one transaction. */
  recordRecoveryPass(options: {
    identificacion: string;
    passed: boolean;
    now: Date;
    composeBlocked: (person: { nombres: string; email: string }) => OutboxMessage;
  }): Promise<RecoveryPassVerdict>;
  getRecoveryEmail(options: { identificacion: string }): Promise<{ afiliadoId: string; nombres: string; email?: string } | undefined>;
  /** Stores the hashed single-use token and queues the e-mails in one transaction. */
  issueResetLink(options: {
    afiliadoId: string;
    email: string;
    now: Date;
    linkFor: (token: string) => string;
    compose: (link: string) => OutboxMessage;
    notifyPrevious?: (previous: string) => OutboxMessage;
  }): Promise<{ expiresAt: Date }>;
}

/** What recoverClave is built from. */
export interface RecoverClaveOptions {
  records: RecoveryRecords;
  clock: Clock;
  render: EmailRenderer;
  /** The public URL of the new-clave page for a token. */
  resetUrl: (token: string) => string;
  /** Life of a reset link, in minutes, as the e-mail states it. */
  linkMinutes: number;
  /** Hours a recovery block lasts, as the owner's e-mail states it. */
  blockHours: number;
}

/** The ClaveRecoveryPort over the store, with the questions and e-mails from the catalog. */
export function createRecoverClave(options: RecoverClaveOptions): ClaveRecoveryPort {
  const { records, clock, render } = options;
  return {
    isBlocked: (identificacion) => records.isRecoveryBlocked({ identificacion, now: clock() }),
    startChallenge: (identificacion) =>
      records.buildRecoveryChallenge({ identificacion, now: clock(), fallbackQuestions: RECOVERY_FALLBACK_QUESTIONS }),
    checkAnswer: (identificacion, question, answer) => records.checkRecoveryAnswer({ identificacion, question, answer, now: clock() }),
    finishPass: (identificacion, passed) =>
      records.recordRecoveryPass({
        identificacion,
        passed,
        now: clock(),
        composeBlocked: (person) =>
          composeEmail(render, person.email, recoveryBlockedEmail({ nombres: person.nombres, horas: options.blockHours })),
      }),
    async maskedEmail(identificacion) {
      const found = await records.getRecoveryEmail({ identificacion });
      return found?.email ? maskEmail(found.email) : undefined;
    },
    async sendResetLink(identificacion, newEmail) {
      const person = await records.getRecoveryEmail({ identificacion });
      const to = newEmail ?? person?.email;
      if (!person || !to) throw new PersonNotFoundError('sendResetLink');
      await records.issueResetLink({
        afiliadoId: person.afiliadoId,
        email: to,
        now: clock(),
        linkFor: options.resetUrl,
        compose: (url) => composeEmail(render, to, resetLinkEmail({ nombres: person.nombres, url, minutes: options.linkMinutes })),
        notifyPrevious: (previous) =>
          composeEmail(render, previous, emailChangedNotice({ nombres: person.nombres, maskedNew: maskEmail(to) })),
      });
      return { maskedTo: maskEmail(to) };
    },
  };
}
