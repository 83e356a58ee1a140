import { ConnectionStatus, DirectLine, type Activity, type Message } from 'botframework-directlinejs';
import type { Subscription } from 'rxjs/Subscription';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { fakeClock, fetchAjax, newToken, NoWebSocket, startDirectLine, waitFor, type TestServer } from './helpers';

describe('Direct Line channel driven by botframework-directlinejs (polling)', () => {
  let db: TestDatabase;
  let srv: TestServer;
  let directLine: DirectLine;
  let subscription: Subscription;
  const received: Activity[] = [];
  let conversationId: string;

  const post = (activity: Activity): Promise<string> =>
    new Promise((resolve, reject) => {
      directLine.postActivity(activity).subscribe({ next: resolve, error: reject });
    });
  const findMessage = (predicate: (m: Message) => boolean): Message | undefined =>
    received.find((a): a is Message => a.type === 'message' && predicate(a as Message));

  beforeAll(async () => {
    db = await createTestDatabase();
    srv = await startDirectLine(db.prisma);
    const issued = await newToken(srv.baseUrl);
    conversationId = issued.conversationId;
    directLine = new DirectLine({
      token: issued.token,
      domain: `${srv.baseUrl}/v3/directline`,
      webSocket: false,
      pollingInterval: 200,
      ajax: fetchAjax as unknown as DirectLine['services']['ajax'],
      WebSocket: NoWebSocket as unknown as typeof WebSocket,
    });
    subscription = directLine.activity$.subscribe((activity) => received.push(activity));
  });

  afterAll(async () => {
    subscription?.unsubscribe();
    directLine?.end();
    await srv?.close();
    await db?.dispose();
  });

  it('connects and receives the greeting sent on conversationUpdate', async () => {
    const greeting = await waitFor(() => findMessage((m) => m.from.role === 'bot'));
    expect(greeting.text).toBe('¡Hola! Soy el asistente.');
    expect(greeting.conversation?.id).toBe(conversationId);
    expect(greeting.id).toMatch(new RegExp(`^${conversationId}\\|\\d{7}$`.replace(/[-]/g, '\\-')));
  });

  it('posts a message, echoes it back with clientActivityID and the real user id, and receives the reply', async () => {
    const id = await post({
      type: 'message',
      from: { id: 'spoofed-user', name: 'Ana', role: 'user' },
      text: 'hola',
      channelData: { clientActivityID: 'client-1' },
    } as Message);
    expect(id.startsWith(`${conversationId}|`)).toBe(true);
    const echoed = await waitFor(() => findMessage((m) => m.id === id));
    expect((echoed.channelData as { clientActivityID?: string }).clientActivityID).toBe('client-1');
    expect(echoed.from.id).toMatch(/^dl_/);
    expect(echoed.from.role).toBe('user');
    expect(echoed.channelId).toBe('directline');
    const reply = await waitFor(() => findMessage((m) => m.text === 'eco: hola'));
    expect(reply.from.role).toBe('bot');
    expect((reply as Message & { replyToId?: string }).replyToId).toBe(id);
  });

  it('uploads a file with a message and serves it back from its contentUrl', async () => {
    const bytes = Buffer.from('%PDF-1.4\n% prueba de adjunto\n');
    const id = await post({
      type: 'message',
      from: { id: 'spoofed-user', role: 'user' },
      text: 'mi certificado',
      channelData: { clientActivityID: 'client-2' },
      attachments: [
        {
          contentType: 'application/pdf',
          contentUrl: `data:application/pdf;base64,${bytes.toString('base64')}`,
          name: 'C:\\docs\\certificado.pdf',
        },
      ],
    } as Message);
    const echoed = await waitFor(() => findMessage((m) => m.id === id));
    expect(echoed.from.id).toMatch(/^dl_/);
    expect((echoed.channelData as { clientActivityID?: string }).clientActivityID).toBe('client-2');
    const [attachment] = (echoed.attachments ?? []) as { contentType: string; contentUrl: string; name?: string }[];
    expect(attachment).toMatchObject({ contentType: 'application/pdf', name: 'certificado.pdf' });
    expect(attachment.contentUrl).toMatch(new RegExp(`^${srv.baseUrl}/v3/directline/attachments/[A-Za-z0-9_-]{22}$`));

    const res = await fetch(attachment.contentUrl);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="certificado\.pdf"/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await res.arrayBuffer())).toEqual(bytes);

    const direct = await srv.adapter.readAttachment(attachment.contentUrl);
    expect(direct).toMatchObject({ contentType: 'application/pdf', name: 'certificado.pdf', conversationId });
    expect(direct?.bytes).toEqual(bytes);
    await waitFor(() => findMessage((m) => m.text === `eco: mi certificado [${bytes.length}]`));
  });

  it('delivered everything in order, each activity once', () => {
    const ids = received.map((a) => a.id as string);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
    expect(srv.turnErrors).toEqual([]);
  });
});

describe('botframework-directlinejs when its token expires', () => {
  let db: TestDatabase;
  let srv: TestServer;
  let directLine: DirectLine;
  let subscription: Subscription;
  const clock = fakeClock();

  beforeAll(async () => {
    db = await createTestDatabase();
    srv = await startDirectLine(db.prisma, { clock: clock.now, tokenTtlSeconds: 60 });
  });

  afterAll(async () => {
    subscription?.unsubscribe();
    directLine?.end();
    await srv?.close();
    await db?.dispose();
  });

  it('goes to ConnectionStatus.ExpiredToken (403 TokenExpired), so the page can reconnect with a new token', async () => {
    const issued = await newToken(srv.baseUrl);
    directLine = new DirectLine({
      token: issued.token,
      domain: `${srv.baseUrl}/v3/directline`,
      webSocket: false,
      pollingInterval: 200,
      ajax: fetchAjax as unknown as DirectLine['services']['ajax'],
      WebSocket: NoWebSocket as unknown as typeof WebSocket,
    });
    const statuses: ConnectionStatus[] = [];
    subscription = directLine.activity$.subscribe(() => undefined);
    subscription.add(directLine.connectionStatus$.subscribe((status) => statuses.push(status)));
    await waitFor(() => (statuses.includes(ConnectionStatus.Online) ? true : undefined));
    clock.advance(61_000);
    await waitFor(() => (statuses.includes(ConnectionStatus.ExpiredToken) ? true : undefined));
  });
});
