import { DirectLine, type Activity, type Message } from 'botframework-directlinejs';
import type { Subscription } from 'rxjs/Subscription';
import WebSocket from 'ws';
import { DirectLineStore, PAGE_SIZE } from '../../bot/channels/directline/store';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { call, fetchAjax, newToken, startDirectLine, waitFor, type TestServer } from './helpers';

interface Started {
  conversationId: string;
  token: string;
  streamUrl: string;
}

/** Opens a stream with the `ws` client; resolves with the messages it will receive, or rejects with the HTTP status. */
function openStream(url: string): Promise<{ socket: WebSocket; groups: { activities: Activity[]; watermark: string }[] }> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url);
    const groups: { activities: Activity[]; watermark: string }[] = [];
    socket.on('message', (data: Buffer) => groups.push(JSON.parse(data.toString()) as (typeof groups)[number]));
    socket.once('open', () => resolve({ socket, groups }));
    socket.once('unexpected-response', (_req, res) => reject(new Error(String(res.statusCode))));
    socket.once('error', reject);
  });
}

describe('Direct Line 3.0 streaming (streamUrl, WebSocket)', () => {
  let db: TestDatabase;
  let srv: TestServer;
  const sockets: WebSocket[] = [];

  const start = async (): Promise<Started> => {
    const { token, conversationId } = await newToken(srv.baseUrl);
    const res = await call(srv.baseUrl, '/v3/directline/conversations', token, { method: 'POST', body: '{}' });
    expect(res.status).toBe(201);
    const body = (await res.json()) as Started;
    expect(body.conversationId).toBe(conversationId);
    return body;
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    srv = await startDirectLine(db.prisma);
  });

  afterAll(async () => {
    for (const socket of sockets) socket.terminate();
    await srv?.close();
    await db?.dispose();
  });

  it('gives a ws: streamUrl for the conversation on start and on reconnect, with the watermark asked', async () => {
    const started = await start();
    expect(started.streamUrl).toBe(
      `${srv.baseUrl.replace('http', 'ws')}/v3/directline/conversations/${started.conversationId}/stream?t=${started.token}`,
    );
    const again = await call(srv.baseUrl, `/v3/directline/conversations/${started.conversationId}?watermark=3`, started.token);
    expect(again.status).toBe(200);
    expect(((await again.json()) as Started).streamUrl).toBe(`${started.streamUrl}&watermark=3`);
    const bad = await call(srv.baseUrl, `/v3/directline/conversations/${started.conversationId}?watermark=x`, started.token);
    expect(bad.status).toBe(400);
  });

  it('drives botframework-directlinejs over the WebSocket: greeting, echo of the user activity and reply, no polling', async () => {
    const { token, conversationId } = await newToken(srv.baseUrl);
    const polls: string[] = [];
    const ajax = (request: { url: string }) => {
      if (request.url.includes('/activities?')) polls.push(request.url);
      return fetchAjax(request as Parameters<typeof fetchAjax>[0]);
    };
    // directlinejs checks the global WebSocket (a browser's) before using the one it is given; Node 20 has none.
    const globals = globalThis as { WebSocket?: unknown };
    const had = globals.WebSocket;
    globals.WebSocket = WebSocket;
    const directLine = new DirectLine({
      token,
      domain: `${srv.baseUrl}/v3/directline`,
      webSocket: true,
      ajax: ajax as unknown as DirectLine['services']['ajax'],
      WebSocket: WebSocket as unknown as typeof globalThis.WebSocket,
    });
    const received: Activity[] = [];
    const subscription: Subscription = directLine.activity$.subscribe((activity) => received.push(activity));
    try {
      const greeting = await waitFor(() => received.find((a) => a.type === 'message' && a.from.role === 'bot'));
      expect((greeting as Message).text).toBe('¡Hola! Soy el asistente.');
      const id = await new Promise<string>((resolve, reject) =>
        directLine
          .postActivity({ type: 'message', from: { id: 'x' }, text: 'hola', channelData: { clientActivityID: 'c-1' } } as Message)
          .subscribe({ next: resolve, error: reject }),
      );
      const echoed = await waitFor(() => received.find((a) => a.id === id));
      expect(echoed.from.role).toBe('user');
      expect((echoed.channelData as { clientActivityID?: string }).clientActivityID).toBe('c-1');
      const reply = await waitFor(() => received.find((a) => a.type === 'message' && (a as Message).text === 'eco: hola'));
      expect(reply.conversation?.id).toBe(conversationId);
      expect(received.filter((a) => a.id === id)).toHaveLength(1);
      expect(polls).toEqual([]);
    } finally {
      subscription.unsubscribe();
      directLine.end();
      globals.WebSocket = had;
    }
  });

  it('resumes after the watermark of the streamUrl: only later activities are sent', async () => {
    const started = await start();
    await call(srv.baseUrl, `/v3/directline/conversations/${started.conversationId}/activities`, started.token, {
      method: 'POST',
      body: JSON.stringify({ type: 'message', from: { id: 'x' }, text: 'uno' }),
    });
    const stream = await openStream(`${started.streamUrl}&watermark=1`);
    sockets.push(stream.socket);
    const group = await waitFor(() => stream.groups[0]);
    expect(group.activities.map((a) => (a as Message).text)).toEqual(['uno', 'eco: uno']);
    expect(group.watermark).toBe('3');
  });

  it('sends a backlog longer than one page in order, every activity once, then the next append', async () => {
    const started = await start();
    const store = new DirectLineStore(db.prisma);
    const texts = Array.from({ length: PAGE_SIZE + 30 }, (_, i) => `mensaje ${i + 1}`);
    for (const text of texts) {
      await store.append(started.conversationId, (id) => ({ id, type: 'message', text, from: { id: 'bot', name: 'Bot', role: 'bot' } }));
    }
    const stream = await openStream(started.streamUrl);
    sockets.push(stream.socket);
    const received = (): string[] => stream.groups.flatMap((g) => g.activities.map((a) => (a as Message).text ?? ''));
    await waitFor(() => received().includes(texts[texts.length - 1]) || undefined, 5000);
    expect(received().filter((text) => text.startsWith('mensaje '))).toEqual(texts);
    expect(stream.groups.length).toBeGreaterThanOrEqual(2);
    await store.append(started.conversationId, (id) => ({
      id,
      type: 'message',
      text: 'uno más',
      from: { id: 'bot', name: 'Bot', role: 'bot' },
    }));
    await waitFor(() => received().includes('uno más') || undefined, 5000);
    expect(received().filter((text) => text === 'uno más')).toHaveLength(1);
  });

  it('sends each activity appended on this instance as stored, once, in order, a message and its replies in one ActivitySet, without reading the page back', async () => {
    const started = await start();
    const stream = await openStream(started.streamUrl);
    sockets.push(stream.socket);
    await waitFor(() => stream.groups[0]);
    const reads = jest.spyOn(DirectLineStore.prototype, 'listJson');
    try {
      for (const text of ['uno', 'dos', 'tres']) {
        const res = await call(srv.baseUrl, `/v3/directline/conversations/${started.conversationId}/activities`, started.token, {
          method: 'POST',
          body: JSON.stringify({ type: 'message', from: { id: 'x' }, text }),
        });
        expect(res.status).toBe(200);
      }
      const texts = (): string[] => stream.groups.flatMap((g) => g.activities.map((a) => (a as Message).text ?? ''));
      await waitFor(() => texts().includes('eco: tres') || undefined, 5000);
      // Each turn leaves in one ActivitySet when it ends: the citizen's message and the bot's reply, its watermark the
      // seq of its last activity, exactly what the store keeps.
      const groups = stream.groups.slice(1);
      expect(groups.map((g) => g.activities.map((a) => (a as Message).text))).toEqual([
        ['uno', 'eco: uno'],
        ['dos', 'eco: dos'],
        ['tres', 'eco: tres'],
      ]);
      expect(groups.map((g) => g.watermark)).toEqual(['3', '5', '7']);
      expect(reads).not.toHaveBeenCalled();
      const stored = await db.prisma.dlActivity.findMany({ where: { conversationId: started.conversationId, seq: { gt: 1 } } });
      const sent = stream.groups.slice(1).flatMap((g) => g.activities.map((a) => JSON.stringify(a)));
      expect(sent).toEqual(stored.sort((x, y) => x.seq - y.seq).map((row) => JSON.stringify(JSON.parse(row.json))));
    } finally {
      reads.mockRestore();
    }
  });

  it('streams a slow turn as it goes: its first reply arrives while the turn still runs', async () => {
    const started = await start();
    const stream = await openStream(started.streamUrl);
    sockets.push(stream.socket);
    await waitFor(() => stream.groups[0]);
    let answered = false;
    const posted = call(srv.baseUrl, `/v3/directline/conversations/${started.conversationId}/activities`, started.token, {
      method: 'POST',
      body: JSON.stringify({ type: 'message', from: { id: 'x' }, text: 'lento' }),
    }).then((res) => {
      answered = true;
      return res;
    });
    const first = await waitFor(() => stream.groups.find((g) => g.activities.some((a) => (a as Message).text === 'primero')), 5000);
    expect(answered).toBe(false);
    expect(first.activities.map((a) => (a as Message).text)).toEqual(['lento', 'primero']);
    expect((await posted).status).toBe(200);
    const second = await waitFor(() => stream.groups.find((g) => g.activities.some((a) => (a as Message).text === 'segundo')), 5000);
    expect(second.activities.map((a) => (a as Message).text)).toEqual(['segundo']);
  });

  it("runs a conversation's turns one at a time: a message sent during a slow turn waits for it to end", async () => {
    const started = await start();
    const stream = await openStream(started.streamUrl);
    sockets.push(stream.socket);
    await waitFor(() => stream.groups[0]);
    const post = (text: string): Promise<Response> =>
      call(srv.baseUrl, `/v3/directline/conversations/${started.conversationId}/activities`, started.token, {
        method: 'POST',
        body: JSON.stringify({ type: 'message', from: { id: 'x' }, text }),
      });
    const slow = post('lento');
    await waitFor(() => stream.groups.find((g) => g.activities.some((a) => (a as Message).text === 'primero')), 5000);
    const quick = post('uno');
    expect((await Promise.all([slow, quick])).map((res) => res.status)).toEqual([200, 200]);
    const texts = (): string[] => stream.groups.slice(1).flatMap((g) => g.activities.map((a) => (a as Message).text ?? ''));
    await waitFor(() => texts().includes('eco: uno') || undefined, 5000);
    expect(texts()).toEqual(['lento', 'primero', 'segundo', 'uno', 'eco: uno']);
  });

  it('sends an activity appended by another instance (the sweep reads the store)', async () => {
    const started = await start();
    const stream = await openStream(started.streamUrl);
    sockets.push(stream.socket);
    await waitFor(() => stream.groups[0]);
    const otherInstance = new DirectLineStore(db.prisma);
    await otherInstance.append(started.conversationId, (id) => ({
      id,
      type: 'message',
      text: 'desde otra instancia',
      from: { id: 'bot', name: 'Bot', role: 'bot' },
    }));
    const group = await waitFor(
      () => stream.groups.find((g) => g.activities.some((a) => (a as Message).text === 'desde otra instancia')),
      5000,
    );
    expect(group.watermark).toBe('2');
  });

  it.each([
    ['no token', (s: Started) => s.streamUrl.replace(/\?t=[^&]+/, ''), '401'],
    ['an unknown token', (s: Started) => s.streamUrl.replace(/\?t=[^&]+/, '?t=desconocido'), '401'],
    ['the token of another conversation', (s: Started, other: Started) => s.streamUrl.replace(/\?t=[^&]+/, `?t=${other.token}`), '403'],
    ['an unknown path', (s: Started) => s.streamUrl.replace('/stream', '/otro'), '404'],
  ])('refuses a stream with %s before upgrading', async (_name, url, status) => {
    const [mine, other] = [await start(), await start()];
    await expect(openStream(url(mine, other))).rejects.toThrow(status);
  });
});
