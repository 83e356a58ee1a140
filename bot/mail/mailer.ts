import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import nodemailer from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport';
import type StreamTransport from 'nodemailer/lib/stream-transport';
import type { Logger } from '../logger';

/** One fully rendered e-mail, ready for a transport. */
export interface MailMessage {
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  /**
   * The Message-ID header, stable for one outbox row (see {@link outboxMessageId}), so a copy resent after a lost
   * SMTP acknowledgement carries the same id and mail systems can recognise it.
   */
  messageId?: string;
}

/** The Message-ID of an outbox row, the same on every attempt: `<outbox-{rowId}@iess.gob.ec>`. */
export function outboxMessageId(rowId: string): string {
  return `<outbox-${rowId.replace(/[^A-Za-z0-9_-]/g, '')}@iess.gob.ec>`;
}

/** Delivers e-mail; `send` rejects when the message was not handed over, so the outbox retries it. */
export interface Mailer {
  send(message: MailMessage): Promise<void>;
  /** Where mail goes, safe to log (never credentials). */
  describe(): string;
  close(): Promise<void>;
}

/** Timeouts of an SMTP connection, in milliseconds: short, so an outage fails fast and the outbox retries. */
export interface SmtpTimeouts {
  connectionMs: number;
  greetingMs: number;
  socketMs: number;
}

/** Defaults for SmtpTimeouts. */
export const DEFAULT_SMTP_TIMEOUTS: SmtpTimeouts = { connectionMs: 10_000, greetingMs: 10_000, socketMs: 30_000 };

function toMailOptions(message: MailMessage): nodemailer.SendMailOptions {
  const { from, to, subject, text, html, messageId } = message;
  return { from, to, subject, text, html, ...(messageId ? { messageId } : {}) };
}

/** Sends through an SMTP server given as a URL (smtp:// or smtps://, optionally with user:password). */
export class SmtpMailer implements Mailer {
  private readonly transport: nodemailer.Transporter<SMTPTransport.SentMessageInfo>;
  private readonly target: string;

  constructor(smtpUrl: string, timeouts: SmtpTimeouts = DEFAULT_SMTP_TIMEOUTS) {
    let parsed: URL;
    try {
      parsed = new URL(smtpUrl);
    } catch {
      throw new Error('SMTP_URL is not a valid URL.');
    }
    if (parsed.protocol !== 'smtp:' && parsed.protocol !== 'smtps:') {
      throw new Error('SMTP_URL must start with smtp:// or smtps://.');
    }
    this.target = `${parsed.protocol}//${parsed.host}`;
    const options: SMTPTransport.Options = {
      url: smtpUrl,
      connectionTimeout: timeouts.connectionMs,
      greetingTimeout: timeouts.greetingMs,
      socketTimeout: timeouts.socketMs,
    };
    this.transport = nodemailer.createTransport(options);
  }

  /** Hands the message to the SMTP server; rejects on connection, authentication or envelope errors. */
  async send(message: MailMessage): Promise<void> {
    await this.transport.sendMail(toMailOptions(message));
  }

  /** The server's scheme, host and port, without credentials. */
  describe(): string {
    return this.target;
  }

  /** Closes any open connection. */
  async close(): Promise<void> {
    this.transport.close();
  }
}

/**
 * Writes each message as an RFC 822 `.eml` file (multipart/alternative, CRLF line ends) into a folder, so
 * the whole flow works on a machine without SMTP. Names are generated here (timestamp + random), never
 * taken from the message; files are readable by the owner only because they hold single-use links.
 */
export class FileMailer implements Mailer {
  private readonly transport: nodemailer.Transporter<StreamTransport.SentMessageInfo>;

  constructor(
    private readonly dir: string,
    private readonly logger: Logger,
    private readonly clock: () => Date = () => new Date(),
  ) {
    const options: StreamTransport.Options = { streamTransport: true, buffer: true, newline: 'windows' };
    this.transport = nodemailer.createTransport(options);
  }

  /** Builds the MIME message and writes it to a new file; resolves with nothing, logs the path. */
  async send(message: MailMessage): Promise<void> {
    const info = await this.transport.sendMail(toMailOptions(message));
    const bytes = info.message;
    if (!Buffer.isBuffer(bytes)) throw new Error('The file transport did not return the whole message.');
    await fs.mkdir(this.dir, { recursive: true, mode: 0o700 });
    const stamp = this.clock().toISOString().replace(/[-:]/g, '').replace('.', '');
    const file = path.join(this.dir, `${stamp}-m${randomBytes(6).toString('hex')}.eml`);
    await fs.writeFile(file, bytes, { flag: 'wx', mode: 0o600 });
    this.logger.info('mail.file_written', { path: file, to: message.to });
  }

  /** The folder the files go to. */
  describe(): string {
    return `archivos .eml en ${this.dir}`;
  }

  /** Nothing to release. */
  async close(): Promise<void> {
    this.transport.close();
  }
}

/** SMTP when a URL is configured, otherwise `.eml` files in `outboxDir`; logs which one. */
export function createMailer(options: { smtpUrl?: string; outboxDir: string; logger: Logger }): Mailer {
  const mailer = options.smtpUrl ? new SmtpMailer(options.smtpUrl) : new FileMailer(options.outboxDir, options.logger);
  options.logger.info('mail.transport', { transport: mailer.describe() });
  return mailer;
}
