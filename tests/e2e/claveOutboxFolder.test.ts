import fs from 'node:fs';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { OBTENER, RECUPERAR } from '../../catalog/es-EC/clave';
import { REDACTED_TEXT } from '../../dialogs/shared/sensitive';
import { DirectLineTestClient, type DlActivity } from '../helpers/directLineClient';
import { startTestServer, type TestServer } from '../helpers/server';

const last = (replies: DlActivity[]): DlActivity => replies[replies.length - 1];

async function waitForEml(dir: string, count: number, timeoutMs = 10_000): Promise<string[]> {
  const started = Date.now();
  for (;;) {
    const files = fs.existsSync(dir)
      ? fs
          .readdirSync(dir)
          .filter((f) => f.endsWith('.eml'))
          .sort()
      : [];
    if (files.length >= count) return files.map((f) => path.join(dir, f));
    if (Date.now() - started > timeoutMs) throw new Error(`only ${files.length} .eml files in ${dir}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('without SMTP_URL: e-mails land in the outbox folder; the solicitud downloads as a PDF', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer();
  });
  afterAll(async () => s.stop());

  it('José recovers through the web chat channel: answers are redacted from the transcript, and the link is in an .eml file that completes the change', async () => {
    const chat = new DirectLineTestClient(s.baseUrl);
    await chat.start();
    await chat.say('olvidé mi clave');
    await chat.say('0939336715');
    await chat.say('21 de noviembre');
    await chat.say('Pesquera Manabí S.A.');
    await chat.say('1976');
    await chat.say('Firulais');
    expect(last(await chat.say('Portoviejo')).text).toBe(RECUPERAR.confirmarCorreo('j***@example.ec'));
    await chat.say('sí');
    const fromUser = (await s.db.prisma.dlActivity.findMany())
      .map((a) => JSON.parse(a.json) as DlActivity)
      .filter((a) => a.from.role === 'user');
    const transcript = fromUser.map((a) => a.text ?? '').join('\n');
    for (const answer of ['21 de noviembre', 'Pesquera Manabí S.A.', '1976', 'Firulais', 'Portoviejo'])
      expect(transcript).not.toContain(answer);
    expect(transcript).toContain(REDACTED_TEXT);
    const [file] = await waitForEml(s.outboxDir, 1);
    const mail = await simpleParser(fs.readFileSync(file));
    expect(mail.to && 'text' in mail.to ? mail.to.text : '').toContain('jose.cedeno@example.ec');
    const link = /(http:\/\/127\.0\.0\.1:\d+\/clave\/nueva\?token=[A-Za-z0-9_-]+)/.exec(mail.text ?? '')?.[1] ?? '';
    expect((await fetch(link)).status).toBe(200);
    const token = new URL(link).searchParams.get('token') ?? '';
    const done = await fetch(`${s.baseUrl}/clave/nueva`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token, clave: 'Guayaquil2026', confirmacion: 'Guayaquil2026', declaracion: 'si' }).toString(),
    });
    expect(done.status).toBe(200);
    await waitForEml(s.outboxDir, 2);
  });

  it('Ana requests her first clave (her birth date hidden from the transcript) and downloads the solicitud from the link in the chat', async () => {
    const chat = new DirectLineTestClient(s.baseUrl);
    await chat.start();
    expect(last(await chat.say('necesito sacar la clave por primera vez')).text).toBe(OBTENER.pedirIdentificacion);
    expect(last(await chat.say('1311108789')).text).toBe(OBTENER.pedirFecha);
    expect(last(await chat.say('12/12')).text).toBe(OBTENER.confirmarContacto('a***@example.ec', '******4505'));
    const replies = await chat.say('sí');
    const withPdf = replies.find((r) => r.attachments?.length);
    expect(withPdf?.text).toMatch(/^Registramos su solicitud CL-2026-\d{6}\. Descárguela/);
    const url = withPdf?.attachments?.[0].contentUrl ?? '';
    expect((await fetch(url)).status).toBe(403); // another browser than the chat's
    const pdf = await fetch(url, { headers: { Cookie: chat.browserCookie } });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    const fromUser = (await s.db.prisma.dlActivity.findMany())
      .map((a) => JSON.parse(a.json) as DlActivity)
      .filter((a) => a.from.role === 'user')
      .map((a) => a.text ?? '');
    expect(fromUser).toContain('1311108789');
    expect(fromUser).not.toContain('12/12');
  });
});
