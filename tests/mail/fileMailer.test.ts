import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { FileMailer, SmtpMailer, createMailer } from '../../bot/mail/mailer';
import { createLogger } from '../../bot/logger';

describe('FileMailer', () => {
  let dir: string;
  const lines: string[] = [];
  const logger = createLogger('info', (line) => lines.push(line));

  beforeEach(() => {
    dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'iess-mail-')), 'outbox');
    lines.length = 0;
  });
  afterEach(() => fs.rmSync(path.dirname(dir), { recursive: true, force: true }));

  it('writes a parseable multipart .eml with accents intact and logs where', async () => {
    const mailer = new FileMailer(dir, logger, () => new Date('2026-03-02T15:04:05.678Z'));
    await mailer.send({
      from: 'IESS Asistente Virtual <no-responder@iess.gob.ec>',
      to: 'jose.nunez@example.ec',
      subject: 'Solicitud de reliquidación – número RL-2026-000123',
      text: 'Señor José Núñez: su trámite está en revisión.\n\nAtención al ciudadano.',
      html: '<p>Señor José Núñez: su trámite está en revisión.</p>',
    });
    await mailer.close();
    const files = fs.readdirSync(dir);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^20260302T150405678Z-m[0-9a-f]{12}\.eml$/);
    const file = path.join(dir, files[0]!);
    if (process.platform !== 'win32') expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const raw = fs.readFileSync(file);
    expect(raw.toString('latin1')).toMatch(/Content-Type: multipart\/alternative/i);
    expect(raw.toString('latin1')).toContain('\r\n');
    const mail = await simpleParser(raw);
    expect(mail.subject).toBe('Solicitud de reliquidación – número RL-2026-000123');
    expect(mail.from?.value).toEqual([{ name: 'IESS Asistente Virtual', address: 'no-responder@iess.gob.ec' }]);
    expect(Array.isArray(mail.to) ? undefined : mail.to?.text).toBe('jose.nunez@example.ec');
    expect(mail.text).toBe('Señor José Núñez: su trámite está en revisión.\n\nAtención al ciudadano.');
    expect(mail.html).toBe('<p>Señor José Núñez: su trámite está en revisión.</p>');
    expect(mail.messageId).toMatch(/@iess\.gob\.ec>$/);
    const logged = lines.map((l) => JSON.parse(l) as Record<string, unknown>).find((l) => l.event === 'mail.file_written');
    expect(logged?.path).toBe(file);
    expect(lines.join('\n')).not.toContain('revisión');
    expect(lines.join('\n')).not.toContain('jose.nunez@');
  });

  it('gives every message its own file', async () => {
    const mailer = new FileMailer(dir, logger, () => new Date('2026-03-02T15:04:05.678Z'));
    const msg = { from: 'a@iess.gob.ec', to: 'b@example.ec', subject: 's', text: 't', html: '<p>t</p>' };
    await Promise.all([mailer.send(msg), mailer.send(msg), mailer.send(msg)]);
    expect(new Set(fs.readdirSync(dir)).size).toBe(3);
  });

  it('createMailer picks files without SMTP_URL and SMTP with it, never showing credentials', async () => {
    const files = createMailer({ outboxDir: dir, logger });
    expect(files).toBeInstanceOf(FileMailer);
    expect(files.describe()).toContain(dir);
    const smtp = createMailer({ smtpUrl: 'smtps://usuario:cl4ve@smtp.example.ec:465', outboxDir: dir, logger });
    expect(smtp).toBeInstanceOf(SmtpMailer);
    expect(smtp.describe()).toBe('smtps://smtp.example.ec:465');
    expect(lines.join('\n')).not.toContain('cl4ve');
    await Promise.all([files.close(), smtp.close()]);
  });

  it('rejects an SMTP_URL that is not smtp:// or smtps://', () => {
    expect(() => new SmtpMailer('http://smtp.example.ec')).toThrow('SMTP_URL');
    expect(() => new SmtpMailer('no es url')).toThrow('SMTP_URL');
  });
});
