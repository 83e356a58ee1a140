import { enqueueEmail } from '../../prisma/store/outbox';
import { freePort, startSmtpServer, type TestSmtpServer } from '../mail/smtpTestServer';
import { startTestServer, type TestServer } from '../helpers/server';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const sample = (text: string, series: string) =>
  Number(
    text
      .split('\n')
      .find((l) => l.startsWith(`${series} `))
      ?.slice(series.length + 1),
  );

describe('SMTP down on a running service', () => {
  let s: TestServer;
  let smtp: TestSmtpServer | undefined;
  let smtpPort: number;
  let now = Date.now();

  beforeAll(async () => {
    smtpPort = await freePort();
    s = await startTestServer({ clock: () => new Date(now), env: { SMTP_URL: `smtp://127.0.0.1:${smtpPort}` } });
  });
  afterAll(async () => {
    await s.stop();
    await smtp?.close();
  });

  it('keeps the e-mail, shows the backlog and the failed attempt in /metrics, and sends it once the server is back', async () => {
    await enqueueEmail(s.db.prisma, {
      message: { to: 'ana.perez@example.ec', subject: 'Su trámite', text: 'Texto', html: '<p>Texto</p>' },
      now: new Date(now),
    });
    while ((await s.db.prisma.outboxEmail.findFirstOrThrow()).attempts === 0) await sleep(50);
    const during = await (await fetch(`${s.baseUrl}/metrics`)).text();
    expect(sample(during, 'iess_outbox_emails{state="pendiente"}')).toBe(1);
    expect(sample(during, 'iess_outbox_deliveries_total{outcome="retried"}')).toBe(1);
    expect(sample(during, 'iess_outbox_oldest_pending_seconds')).toBeGreaterThanOrEqual(0);

    smtp = await startSmtpServer({ port: smtpPort });
    now += 60_000; // past the first back-off (30 s)
    await smtp.waitFor(1);
    while ((await s.db.prisma.outboxEmail.findFirstOrThrow()).estado !== 'ENVIADO') await sleep(50);
    expect(smtp.received.map((m) => m.subject)).toEqual(['Su trámite']);
    const after = await (await fetch(`${s.baseUrl}/metrics`)).text();
    expect(sample(after, 'iess_outbox_emails{state="pendiente"}')).toBe(0);
    expect(sample(after, 'iess_outbox_deliveries_total{outcome="sent"}')).toBe(1);
  }, 60_000);
});
