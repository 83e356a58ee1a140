import type { Activity, TurnContext } from 'botbuilder';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { call, newToken, startDirectLine, type TestServer } from './helpers';

describe('DirectLineAdapter outside an HTTP request', () => {
  let db: TestDatabase;
  let srv: TestServer;
  const seen: string[] = [];

  const poll = async (conversationId: string, token: string): Promise<Activity[]> => {
    const res = await call(srv.baseUrl, `/v3/directline/conversations/${conversationId}/activities`, token);
    return ((await res.json()) as { activities: Activity[] }).activities;
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    srv = await startDirectLine(db.prisma);
    srv.adapter.use(async (context: TurnContext, next: () => Promise<void>) => {
      seen.push(`${context.activity.type}:${context.activity.name ?? context.activity.text ?? ''}`);
      await next();
    });
  });

  afterAll(async () => {
    await srv?.close();
    await db?.dispose();
  });

  it('continueConversationAsync appends what the logic sends, visible through GET activities', async () => {
    const { token, conversationId } = await newToken(srv.baseUrl);
    await srv.adapter.continueConversationAsync(
      'app-id',
      { conversation: { id: conversationId, isGroup: false, conversationType: '', name: '' } },
      async (context) => {
        expect(context.activity.from.id).toMatch(/^dl_/);
        await context.sendActivity('Tu sesión fue verificada.');
      },
    );
    const [notice] = await poll(conversationId, token);
    expect(notice).toMatchObject({
      type: 'message',
      text: 'Tu sesión fue verificada.',
      from: { id: 'bot', role: 'bot' },
      conversation: { id: conversationId },
    });
    expect(seen).toContain('event:ContinueConversation');
  });

  it('runs middleware added with adapter.use on HTTP turns too', async () => {
    const { token, conversationId } = await newToken(srv.baseUrl);
    await call(srv.baseUrl, `/v3/directline/conversations/${conversationId}/activities`, token, {
      method: 'POST',
      body: JSON.stringify({ type: 'message', text: 'con middleware' }),
    });
    expect(seen).toContain('message:con middleware');
  });

  it('updates and deletes activities the bot sent', async () => {
    const { token, conversationId } = await newToken(srv.baseUrl);
    const reference = { conversation: { id: conversationId, isGroup: false, conversationType: '', name: '' } };
    await srv.adapter.continueConversationAsync('app-id', reference, async (context) => {
      const first = await context.sendActivity('borrador');
      const second = await context.sendActivity('para borrar');
      await context.updateActivity({ id: first?.id, type: 'message', text: 'versión final', conversation: context.activity.conversation });
      await context.deleteActivity(second?.id ?? '');
    });
    const texts = (await poll(conversationId, token)).map((a) => a.text);
    expect(texts).toEqual(['versión final']);
  });

  it('rejects proactive turns for unknown conversations', async () => {
    const reference = { conversation: { id: 'no-existe', isGroup: false, conversationType: '', name: '' } };
    await expect(srv.adapter.continueConversationAsync('app-id', reference, async () => undefined)).rejects.toThrow(/not found/);
  });
});
