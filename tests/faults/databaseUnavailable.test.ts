import Database from 'better-sqlite3';
import { OPERACIONES, RECUPERAR } from '../../catalog';
import { DirectLineTestClient } from '../helpers/directLineClient';
import { startTestServer, type TestServer } from '../helpers/server';

/** One Emulator message on /api/messages with expectReplies: the bot's replies come back in the HTTP answer. */
async function emulatorSays(s: TestServer, id: string, text: string): Promise<{ status: number; texts: string[] }> {
  const res = await fetch(`${s.baseUrl}/api/messages`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      type: 'message',
      id,
      text,
      channelId: 'emulator',
      deliveryMode: 'expectReplies',
      serviceUrl: 'http://127.0.0.1:9',
      from: { id: 'user-fault', role: 'user' },
      recipient: { id: 'bot' },
      conversation: { id: 'emu-fault-1' },
    }),
  });
  const body = (await res.json().catch(() => ({}))) as { activities?: { type: string; text?: string }[] };
  return { status: res.status, texts: (body.activities ?? []).filter((a) => a.type === 'message').map((a) => a.text ?? '') };
}

describe('the database becomes unavailable (SQLite file locked by another process) and comes back', () => {
  let s: TestServer;
  beforeAll(async () => {
    // The rollback journal: in WAL mode another process's lock never blocks readers, so it could not make the store unavailable.
    s = await startTestServer({ env: { SQLITE_JOURNAL_MODE: 'delete', SQLITE_BUSY_TIMEOUT_MS: '500' } });
  });
  afterAll(() => s.stop());

  it('apologises in Spanish, reports not ready, never crashes, and resumes the dialog when the database returns', async () => {
    const chat = new DirectLineTestClient(s.baseUrl);
    await chat.start();
    expect((await chat.say('olvidé mi clave')).map((a) => a.text)).toEqual([RECUPERAR.intro, RECUPERAR.pedirIdentificacion]);
    expect((await chat.say('0939336715')).map((a) => a.text)).toEqual([RECUPERAR.pedirFecha]);
    expect((await emulatorSays(s, 'e1', 'hola')).status).toBe(200);

    // Another process takes an exclusive lock, as a backup tool or a stuck writer would: every read now fails.
    const locker = new Database(s.db.url.slice('file:'.length));
    locker.exec('BEGIN EXCLUSIVE');
    try {
      const turn = await emulatorSays(s, 'e2', 'teléfono del IESS');
      expect(turn).toEqual({ status: 200, texts: [OPERACIONES.servicioNoDisponible] });

      const ready = await fetch(`${s.baseUrl}/readyz`);
      expect(ready.status).toBe(503);
      expect(await ready.json()).toMatchObject({ checks: { database: 'unavailable' } });
      expect((await fetch(`${s.baseUrl}/healthz`)).status).toBe(200);
    } finally {
      locker.exec('ROLLBACK');
      locker.close();
    }

    // Recovery needs no restart: readiness, the Emulator chat and the web chat's dialog go on where they were.
    expect((await fetch(`${s.baseUrl}/readyz`)).status).toBe(200);
    expect((await chat.say('21/11')).map((a) => a.text)).toEqual([RECUPERAR.pedirEmpleador]);
    const after = await emulatorSays(s, 'e3', 'hola');
    expect(after.status).toBe(200);
    expect(after.texts).not.toContain(OPERACIONES.servicioNoDisponible);
    const metrics = await (await fetch(`${s.baseUrl}/metrics`)).text();
    expect(metrics).toMatch(/^iess_turns_total\{channel="emulator",outcome="unavailable"\} 1$/m);
  }, 60_000);

  it('answers a web chat message while the database is locked with 503 and Retry-After, and stores nothing', async () => {
    const minted = (await (await fetch(`${s.baseUrl}/api/directline/token`, { method: 'POST' })).json()) as {
      token: string;
      conversationId: string;
    };
    const headers = { Authorization: `Bearer ${minted.token}`, 'Content-Type': 'application/json' };
    const activities = `${s.baseUrl}/v3/directline/conversations/${minted.conversationId}/activities`;
    expect((await fetch(`${s.baseUrl}/v3/directline/conversations`, { method: 'POST', headers })).status).toBe(201);
    const message = JSON.stringify({ type: 'message', text: 'hola', from: { id: 'user', role: 'user' } });
    const before = await s.db.prisma.dlActivity.count();
    const locker = new Database(s.db.url.slice('file:'.length));
    locker.exec('BEGIN EXCLUSIVE');
    let res: Response;
    try {
      res = await fetch(activities, { method: 'POST', headers, body: message });
    } finally {
      locker.exec('ROLLBACK');
      locker.close();
    }
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('5');
    expect(await res.json()).toEqual({ error: { code: 'ServiceUnavailable', message: expect.any(String) } });
    expect(await s.db.prisma.dlActivity.count()).toBe(before);
    expect((await fetch(activities, { method: 'POST', headers, body: message })).status).toBe(200);
  }, 60_000);
});
