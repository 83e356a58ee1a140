import { randomUUID } from 'node:crypto';
import WebSocket from 'ws';
import { expectStatus, request } from './client';

/**
 * The messages of one benchmark conversation after its greeting: a few steps a citizen takes in the web chat
 * (README, "Demo people": information journeys that need no sign-in and hit no per-identification limit).
 */
export const JOURNEY: readonly string[] = ['requisitos para la reliquidación', 'teléfono del IESS', '¿atienden los sábados?'];

/** Records the latency of one turn, in milliseconds. */
export type TurnRecorder = (ms: number) => void;

/** Runs one fresh conversation against a bot, recording each turn (the greeting is a turn too). */
export type Conversation = (baseUrl: string, record: TurnRecorder) => Promise<void>;

async function timed(record: TurnRecorder, turn: () => Promise<void>): Promise<void> {
  const start = process.hrtime.bigint();
  await turn();
  record(Number(process.hrtime.bigint() - start) / 1e6);
}

/** Sends one activity to /api/messages with expectReplies and checks that the bot replied. */
async function expectReplies(baseUrl: string, activity: Record<string, unknown>): Promise<void> {
  const response = await request('POST', `${baseUrl}/api/messages`, activity);
  expectStatus(response, [200], 'POST /api/messages');
  const replies = (response.body as { activities?: unknown[] } | undefined)?.activities ?? [];
  if (replies.length === 0) throw new Error('POST /api/messages: no reply');
}

/**
 * A conversation on POST /api/messages as a Bot Framework channel sends it (the Emulator's shape, loopback
 * serviceUrl), with `deliveryMode: expectReplies` so the replies come back in the response body.
 */
export const botFrameworkConversation: Conversation = (baseUrl, record) => botFramework(baseUrl, record, JOURNEY);

/** A greeting and one message on /api/messages: the memory check's conversation (README, "Performance"). */
export const shortConversation: Conversation = (baseUrl, record) => botFramework(baseUrl, record, JOURNEY.slice(0, 1));

async function botFramework(baseUrl: string, record: TurnRecorder, journey: readonly string[]): Promise<void> {
  const conversation = { id: `bench-${randomUUID()}` };
  const user = { id: `user-${randomUUID()}`, name: 'Usuario' };
  const bot = { id: 'bot', name: 'Bot' };
  const base = {
    channelId: 'emulator',
    serviceUrl: 'http://127.0.0.1:9/',
    conversation,
    recipient: bot,
    locale: 'es-EC',
    deliveryMode: 'expectReplies',
  };
  await timed(record, () =>
    expectReplies(baseUrl, { ...base, type: 'conversationUpdate', id: randomUUID(), from: user, membersAdded: [user] }),
  );
  for (const text of journey) {
    await timed(record, () =>
      expectReplies(baseUrl, { ...base, type: 'message', id: randomUUID(), from: user, text, timestamp: new Date().toISOString() }),
    );
  }
}

/** Polls the Direct Line activities after `watermark` until at least one bot reply is there; returns the new watermark. */
async function pollReplies(baseUrl: string, conversationId: string, auth: Record<string, string>, watermark: string): Promise<string> {
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const url = `${baseUrl}/v3/directline/conversations/${conversationId}/activities?watermark=${watermark}`;
    const response = await request('GET', url, undefined, auth);
    expectStatus(response, [200], 'GET activities');
    const body = response.body as { activities: { from?: { role?: string } }[]; watermark: string };
    if (body.activities.some((a) => a.from?.role === 'bot')) return body.watermark;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('Direct Line: no bot reply');
}

/**
 * A conversation on the self-hosted Direct Line endpoint the way Web Chat uses it without a WebSocket: a token
 * (POST /api/directline/token), start (POST conversations, which runs the greeting), then for each message a POST of
 * the activity and a GET of the activities after the watermark. A turn is the POST plus the GET that shows the reply.
 */
export const directLinePollingConversation: Conversation = async (baseUrl, record) => {
  let conversationId = '';
  let auth: Record<string, string> = {};
  let watermark = '';
  await timed(record, async () => {
    const token = await request('POST', `${baseUrl}/api/directline/token`);
    expectStatus(token, [200], 'POST token');
    const grant = token.body as { token: string; conversationId: string };
    conversationId = grant.conversationId;
    auth = { authorization: `Bearer ${grant.token}` };
    const started = await request('POST', `${baseUrl}/v3/directline/conversations`, {}, auth);
    expectStatus(started, [200, 201], 'POST conversations');
    watermark = await pollReplies(baseUrl, conversationId, auth, watermark);
  });
  for (const text of JOURNEY) {
    await timed(record, async () => {
      const posted = await request(
        'POST',
        `${baseUrl}/v3/directline/conversations/${conversationId}/activities`,
        { type: 'message', from: { id: 'web-user' }, text, locale: 'es-EC' },
        auth,
      );
      expectStatus(posted, [200], 'POST activity');
      watermark = await pollReplies(baseUrl, conversationId, auth, watermark);
    });
  }
};

/** The activities the stream of one conversation has delivered so far, and a way to wait for more. */
class StreamReader {
  readonly activities: { id?: string; replyToId?: string; from?: { role?: string } }[] = [];
  private waiter: (() => void) | undefined;

  constructor(readonly socket: WebSocket) {
    socket.on('message', (data: Buffer) => {
      const text = data.toString();
      if (text === '') return;
      this.activities.push(...(JSON.parse(text) as { activities: StreamReader['activities'] }).activities);
      this.waiter?.();
    });
  }

  /** Resolves when `check` holds for the activities received (or rejects after 30 s). */
  async until(check: () => boolean): Promise<void> {
    const deadline = Date.now() + 30_000;
    while (!check()) {
      if (Date.now() > deadline) throw new Error('Direct Line stream: no reply');
      await new Promise<void>((resolve) => {
        this.waiter = resolve;
        setTimeout(resolve, 200);
      });
    }
  }
}

function openStream(url: string): Promise<StreamReader> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url);
    const reader = new StreamReader(socket);
    socket.once('open', () => resolve(reader));
    socket.once('error', reject);
  });
}

/**
 * A conversation on the self-hosted Direct Line endpoint the way Web Chat uses it now: token, start, the
 * conversation's stream (streamUrl, WebSocket), then for each message a POST; a turn ends when the POST has answered
 * and the bot's reply to that message has arrived on the stream. The greeting turn ends with the greeting.
 */
export const directLineStreamingConversation: Conversation = async (baseUrl, record) => {
  let stream: StreamReader | undefined;
  try {
    let conversationId = '';
    let auth: Record<string, string> = {};
    await timed(record, async () => {
      const token = await request('POST', `${baseUrl}/api/directline/token`);
      expectStatus(token, [200], 'POST token');
      const grant = token.body as { token: string; conversationId: string };
      conversationId = grant.conversationId;
      auth = { authorization: `Bearer ${grant.token}` };
      const started = await request('POST', `${baseUrl}/v3/directline/conversations`, {}, auth);
      expectStatus(started, [200, 201], 'POST conversations');
      const opened = await openStream((started.body as { streamUrl: string }).streamUrl);
      stream = opened;
      await opened.until(() => opened.activities.some((a) => a.from?.role === 'bot'));
    });
    for (const text of JOURNEY) {
      await timed(record, async () => {
        const posted = await request(
          'POST',
          `${baseUrl}/v3/directline/conversations/${conversationId}/activities`,
          { type: 'message', from: { id: 'web-user' }, text, locale: 'es-EC' },
          auth,
        );
        expectStatus(posted, [200], 'POST activity');
        const id = (posted.body as { id: string }).id;
        const reader = stream as StreamReader;
        await reader.until(() => reader.activities.some((a) => a.replyToId === id));
      });
    }
  } finally {
    stream?.socket.close();
  }
};
