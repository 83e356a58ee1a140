import type { Activity } from 'botbuilder';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { call, newToken, startDirectLine, type TestServer } from './helpers';

interface Page {
  activities: Activity[];
  watermark: string;
}

describe('Direct Line conversation lifecycle over plain HTTP', () => {
  let db: TestDatabase;
  let srv: TestServer;
  const poll = async (conversationId: string, token: string, watermark = ''): Promise<Page> => {
    const res = await call(srv.baseUrl, `/v3/directline/conversations/${conversationId}/activities?watermark=${watermark}`, token);
    expect(res.status).toBe(200);
    return (await res.json()) as Page;
  };
  const send = (conversationId: string, token: string, activity: object): Promise<Response> =>
    call(srv.baseUrl, `/v3/directline/conversations/${conversationId}/activities`, token, {
      method: 'POST',
      body: JSON.stringify(activity),
    });

  beforeAll(async () => {
    db = await createTestDatabase();
    srv = await startDirectLine(db.prisma);
  });

  afterAll(async () => {
    await srv?.close();
    await db?.dispose();
  });

  it('issues a token bound to a new conversation, stored only as a hash', async () => {
    const issued = await newToken(srv.baseUrl);
    expect(issued.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(issued.expires_in).toBe(1800);
    const rows = await db.prisma.dlToken.findMany({ where: { conversationId: issued.conversationId } });
    expect(rows).toHaveLength(1);
    expect(rows[0].tokenHash).not.toContain(issued.token);
    expect(JSON.stringify(rows)).not.toContain(issued.token);
  });

  it('starts a conversation once: 201 with one greeting, then 200 without a second one', async () => {
    const { token, conversationId } = await newToken(srv.baseUrl);
    const first = await call(srv.baseUrl, '/v3/directline/conversations', token, {
      method: 'POST',
      body: JSON.stringify({ locale: 'es-EC' }),
    });
    expect(first.status).toBe(201);
    const started = (await first.json()) as { conversationId: string; token: string; expires_in: number };
    expect(started).toMatchObject({ conversationId, token });
    expect(started.expires_in).toBeGreaterThan(1790);
    const again = await call(srv.baseUrl, '/v3/directline/conversations', token, { method: 'POST' });
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ conversationId, token });
    const page = await poll(conversationId, token);
    expect(page.activities.map((a) => a.text)).toEqual(['¡Hola! Soy el asistente.']);
    expect(page.activities[0]).toMatchObject({ locale: 'es-EC', from: { role: 'bot' }, channelId: 'directline' });
    expect(page.watermark).toBe('1');
    expect((await poll(conversationId, token, page.watermark)).activities).toEqual([]);
  });

  it('reconnects (GET conversation) and refreshes tokens; the old token keeps working until it expires', async () => {
    const { token, conversationId } = await newToken(srv.baseUrl);
    const reconnect = await call(srv.baseUrl, `/v3/directline/conversations/${conversationId}?watermark=0`, token);
    expect(reconnect.status).toBe(200);
    expect(await reconnect.json()).toMatchObject({ conversationId, token });
    const refreshed = await call(srv.baseUrl, '/v3/directline/tokens/refresh', token, { method: 'POST' });
    expect(refreshed.status).toBe(200);
    const body = (await refreshed.json()) as { conversationId: string; token: string; expires_in: number };
    expect(body).toMatchObject({ conversationId, expires_in: 1800 });
    expect(body.token).not.toBe(token);
    expect((await send(conversationId, body.token, { type: 'message', text: 'nuevo' })).status).toBe(200);
    expect((await send(conversationId, token, { type: 'message', text: 'viejo' })).status).toBe(200);
    const texts = (await poll(conversationId, body.token)).activities.map((a) => a.text);
    expect(texts).toEqual(['nuevo', 'eco: nuevo', 'viejo', 'eco: viejo']);
  });

  it('forces the identity fields, keeps what the client sent, and answers events', async () => {
    const { token, conversationId } = await newToken(srv.baseUrl);
    const res = await send(conversationId, token, {
      type: 'event',
      name: 'webchat/join',
      value: { a: 1 },
      from: { id: 'admin', name: 'Ana' },
      recipient: { id: 'otro-bot' },
      conversation: { id: 'otra' },
      channelId: 'webchat',
      serviceUrl: 'http://evil.example',
      channelData: { clientActivityID: 'c-9' },
    });
    expect(res.status).toBe(200);
    const { id } = (await res.json()) as { id: string };
    const [stored, reply] = (await poll(conversationId, token)).activities;
    const user = await db.prisma.dlConversation.findUniqueOrThrow({ where: { id: conversationId } });
    expect(stored).toMatchObject({
      id,
      type: 'event',
      name: 'webchat/join',
      value: { a: 1 },
      from: { id: user.userId, name: 'Ana', role: 'user' },
      recipient: { id: 'bot', role: 'bot' },
      conversation: { id: conversationId },
      channelId: 'directline',
      serviceUrl: srv.baseUrl,
      channelData: { clientActivityID: 'c-9' },
    });
    expect(typeof stored.timestamp).toBe('string');
    expect(reply).toMatchObject({ type: 'message', text: 'evento: webchat/join', replyToId: id });
  });

  it('assigns distinct consecutive seqs to concurrent posts in one conversation', async () => {
    const { token, conversationId } = await newToken(srv.baseUrl);
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, i) => send(conversationId, token, { type: 'message', text: `m${i}` })),
    );
    expect(answers.map((r) => r.status)).toEqual(Array(12).fill(200));
    const rows = await db.prisma.dlActivity.findMany({ where: { conversationId }, orderBy: { seq: 'asc' } });
    expect(rows.map((r) => r.seq)).toEqual(Array.from({ length: 24 }, (_, i) => i + 1));
  });

  it('pages long histories 100 activities at a time', async () => {
    const { token, conversationId } = await newToken(srv.baseUrl);
    await db.prisma.$transaction(async (tx) => {
      for (let seq = 1; seq <= 130; seq += 1) {
        await tx.dlActivity.create({
          data: {
            conversationId,
            seq,
            json: JSON.stringify({ type: 'message', text: `t${seq}` }),
          },
        });
      }
    });
    const first = await poll(conversationId, token);
    expect(first.activities).toHaveLength(100);
    expect(first.watermark).toBe('100');
    const second = await poll(conversationId, token, first.watermark);
    expect(second.activities.map((a) => a.text)).toEqual(Array.from({ length: 30 }, (_, i) => `t${i + 101}`));
    expect(second.watermark).toBe('130');
  });

  it('calls onTurnError when the bot throws and still answers 200 with the activity id', async () => {
    const { token, conversationId } = await newToken(srv.baseUrl);
    const res = await send(conversationId, token, { type: 'message', text: 'boom' });
    expect(res.status).toBe(200);
    expect(srv.turnErrors).toHaveLength(1);
    srv.turnErrors.length = 0;
    expect((await poll(conversationId, token)).activities.map((a) => a.text)).toEqual(['boom', 'Lo siento, ocurrió un error.']);
  });

  it('uploads through multipart from plain fetch, sanitising names and keeping the declared type', async () => {
    const { token, conversationId } = await newToken(srv.baseUrl);
    const form = new FormData();
    form.append(
      'activity',
      new Blob([JSON.stringify({ type: 'message', text: 'dos', channelData: { clientActivityID: 'u1' } })], {
        type: 'application/vnd.microsoft.activity',
      }),
    );
    const long = `${'n'.repeat(300)}.png`;
    form.append('file', new Blob([Buffer.from([0x89, 0x50, 0x4e, 0x47])], { type: 'image/png' }), `../../etc/${long}`);
    form.append('file', new Blob([Buffer.from('hola')], { type: 'text/plain;charset=utf-8' }), 'año "nuevo".txt');
    const res = await call(srv.baseUrl, `/v3/directline/conversations/${conversationId}/upload?userId=dl_forged`, token, {
      method: 'POST',
      body: form,
    });
    expect(res.status).toBe(200);
    const [stored, reply] = (await poll(conversationId, token)).activities;
    expect(stored.from.id).not.toBe('dl_forged');
    expect(stored.channelData).toEqual({ clientActivityID: 'u1' });
    const [png, txt] = stored.attachments ?? [];
    expect(png.name).toBe(long.slice(0, 255));
    expect(png.contentType).toBe('image/png');
    expect(txt).toMatchObject({ name: 'año "nuevo".txt', contentType: 'text/plain' });
    expect(reply.text).toBe('eco: dos [4,4]');
    const download = await fetch(txt.contentUrl as string);
    expect(download.headers.get('content-disposition')).toBe(
      `attachment; filename="a_o _nuevo_.txt"; filename*=UTF-8''${encodeURIComponent('año "nuevo".txt')}`,
    );
    expect(await download.text()).toBe('hola');
    const rows = await db.prisma.dlAttachment.findMany({ where: { conversationId } });
    expect(rows.map((r) => r.size).sort()).toEqual([4, 4]);
    expect(await srv.adapter.readAttachment('http://elsewhere/v3/directline/attachments/x')).toBeUndefined();
  });
});
