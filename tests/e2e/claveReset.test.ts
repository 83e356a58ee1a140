import type { ParsedMail } from 'mailparser';
import { NUEVA_CLAVE, RECUPERAR } from '../../catalog/es-EC/clave';
import { verifySecret } from '../../prisma/store/secrets';
import { launchBrowser } from '../helpers/browser';
import { DirectLineTestClient, type DlActivity } from '../helpers/directLineClient';
import { startTestServer, type TestServer } from '../helpers/server';
import { startSmtpServer, type TestSmtpServer } from '../mail/smtpTestServer';

const JOSE = {
  cedula: '0939336715',
  fecha: '21/11',
  empleador: 'Pesquera Manabí S.A.',
  anio: '1976',
  p1: 'Firulais',
  p2: 'Portoviejo',
  email: 'jose.cedeno@example.ec',
};

/** A clock the test moves by hand. */
function fakeClock(start: string) {
  let now = new Date(start).getTime();
  return {
    now: () => new Date(now),
    advance: (ms: number) => {
      now += ms;
    },
  };
}

const last = (replies: DlActivity[]): DlActivity => replies[replies.length - 1];

/** Runs José's recovery over Direct Line and returns the link from the e-mail the SMTP server received. */
async function recoverAndGetLink(s: TestServer, smtp: TestSmtpServer): Promise<string> {
  const chat = new DirectLineTestClient(s.baseUrl);
  await chat.start();
  expect(last(await chat.say('olvidé mi clave')).text).toBe(RECUPERAR.pedirIdentificacion);
  expect(last(await chat.say(JOSE.cedula)).text).toBe(RECUPERAR.pedirFecha);
  const employers = last(await chat.say(JOSE.fecha));
  expect(employers.suggestedActions?.actions.map((a) => a.title)).toContain(JOSE.empleador);
  expect(last(await chat.say(JOSE.empleador)).text).toBe(RECUPERAR.pedirAnio);
  await chat.say(JOSE.anio);
  await chat.say(JOSE.p1);
  expect(last(await chat.say(JOSE.p2)).text).toBe(RECUPERAR.confirmarCorreo('j***@example.ec'));
  const before = smtp.received.length;
  expect((await chat.say('sí'))[0].text).toBe(RECUPERAR.enviado('j***@example.ec'));
  await smtp.waitFor(before + 1);
  const mail = smtp.received[before];
  expect(mail.subject).toBe('IESS: enlace para crear su nueva clave');
  const link = /(http:\/\/127\.0\.0\.1:\d+\/clave\/nueva\?token=[A-Za-z0-9_-]+)/.exec(mail.text ?? '')?.[1];
  if (!link) throw new Error('no link in the e-mail');
  return link;
}

function form(fields: Record<string, string>): RequestInit {
  return { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString() };
}

describe('clave reset end to end: chat, SMTP e-mail, reset page', () => {
  let smtp: TestSmtpServer;
  let s: TestServer;
  const clock = fakeClock('2026-11-22T10:00:00-05:00');

  beforeAll(async () => {
    smtp = await startSmtpServer();
    s = await startTestServer({ clock: clock.now, env: { SMTP_URL: `smtp://127.0.0.1:${smtp.port}` } });
  }, 60_000);
  afterAll(async () => {
    await s?.stop();
    await smtp?.close();
  });

  it('refuses bad claves with the rule, then sets a valid one exactly once, and confirms by e-mail without the clave', async () => {
    const link = await recoverAndGetLink(s, smtp);
    const page = await fetch(link);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('Declaración de información fidedigna');
    const token = new URL(link).searchParams.get('token') ?? '';

    const cases: [Record<string, string>, string][] = [
      [{ token, clave: 'Nueva2026', confirmacion: 'Nueva2026' }, NUEVA_CLAVE.faltaDeclaracion],
      [{ token, clave: 'corta1', confirmacion: 'corta1', declaracion: 'si' }, NUEVA_CLAVE.formato],
      [{ token, clave: 'soloLetrasAqui', confirmacion: 'soloLetrasAqui', declaracion: 'si' }, NUEVA_CLAVE.formato],
      [{ token, clave: 'Con-Guion2026', confirmacion: 'Con-Guion2026', declaracion: 'si' }, NUEVA_CLAVE.formato],
      [{ token, clave: 'Nueva2026', confirmacion: 'Nueva2027', declaracion: 'si' }, NUEVA_CLAVE.noCoinciden],
    ];
    for (const [fields, message] of cases) {
      const res = await fetch(`${s.baseUrl}/clave/nueva`, form(fields));
      expect({ fields, status: res.status }).toEqual({ fields, status: 422 });
      expect(await res.text()).toContain(message.replace(/"/g, '&quot;'));
    }

    const before = smtp.received.length;
    const ok = await fetch(`${s.baseUrl}/clave/nueva`, form({ token, clave: 'Nueva2026', confirmacion: 'Nueva2026', declaracion: 'si' }));
    expect(ok.status).toBe(200);
    expect(await ok.text()).toContain(NUEVA_CLAVE.exito);
    const clave = await s.db.prisma.clave.findFirstOrThrow({ where: { afiliado: { cedula: JOSE.cedula } } });
    await expect(verifySecret('Nueva2026', clave.hash ?? '')).resolves.toBe(true);
    await expect(verifySecret('Litoral2017', clave.hash ?? '')).resolves.toBe(false);

    await smtp.waitFor(before + 1);
    const confirmation: ParsedMail = smtp.received[before];
    expect(confirmation.subject).toBe('IESS: su clave fue cambiada');
    expect(`${confirmation.text}${confirmation.html}`).not.toContain('Nueva2026');

    expect(
      (await fetch(`${s.baseUrl}/clave/nueva`, form({ token, clave: 'Otra2027x', confirmacion: 'Otra2027x', declaracion: 'si' }))).status,
    ).toBe(410);
    expect((await fetch(link)).status).toBe(410);
  });

  it('refuses an expired link with its own page', async () => {
    const link = await recoverAndGetLink(s, smtp);
    clock.advance(15 * 60 * 1000 + 1000);
    const res = await fetch(link);
    expect(res.status).toBe(410);
    expect(await res.text()).toContain(NUEVA_CLAVE.invalido);
  });

  it.each([
    ['no token', ''],
    ['a made-up token', 'x'.repeat(43)],
    ['garbage', '<script>'],
  ])('refuses %s without saying which', async (_n, token) => {
    const res = await fetch(`${s.baseUrl}/clave/nueva?token=${encodeURIComponent(token)}`);
    expect(res.status).toBe(410);
    expect(await res.text()).not.toContain('<script>');
  });

  it('completes the reset in headless Chromium', async () => {
    const link = await recoverAndGetLink(s, smtp);
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage();
      await page.goto(link);
      await page.getByLabel(NUEVA_CLAVE.clave, { exact: true }).fill('Navegador2026');
      await page.getByLabel(NUEVA_CLAVE.confirmacion).fill('Navegador2026');
      await page.getByRole('button', { name: NUEVA_CLAVE.boton }).click();
      await page.getByText(NUEVA_CLAVE.faltaDeclaracion).waitFor();
      await page.getByLabel(NUEVA_CLAVE.clave, { exact: true }).fill('Navegador2026');
      await page.getByLabel(NUEVA_CLAVE.confirmacion).fill('Navegador2026');
      await page.getByRole('checkbox').check();
      await page.getByRole('button', { name: NUEVA_CLAVE.boton }).click();
      await page.getByText(NUEVA_CLAVE.exito).waitFor();
      await page.screenshot({ path: '/tmp/iess-clave-nueva.png' });
    } finally {
      await browser.close();
    }
    const clave = await s.db.prisma.clave.findFirstOrThrow({ where: { afiliado: { cedula: JOSE.cedula } } });
    await expect(verifySecret('Navegador2026', clave.hash ?? '')).resolves.toBe(true);
  }, 60_000);
});
