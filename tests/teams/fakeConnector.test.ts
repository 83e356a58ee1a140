import {
  personalConversationId,
  postToBot,
  startFakeTeamsConnector,
  teamsMessage,
  type FakeTeamsConnector,
} from '../../simulators/teams/fakeConnector';
import { startTestServer, type TestServer } from '../helpers/server';

/** The fake Teams connector speaks the v3 routes the CloudAdapter calls: a message posted in Teams' shape is answered there. */
describe('fake Teams connector', () => {
  let server: TestServer;
  let teams: FakeTeamsConnector;
  beforeAll(async () => {
    server = await startTestServer();
    teams = await startFakeTeamsConnector();
  });
  afterAll(async () => {
    await teams.close();
    await server.stop();
  });

  it('records the reply the bot sends to the serviceUrl of a Teams activity', async () => {
    const user = { aadObjectId: '3f6a2b1c-0009-4a7e-8c9d-000000000a09', name: 'Prueba', tenantId: '7a1c2e3f-0b4d-4e5f-9a6b-1c2d3e4f5a6b' };
    const response = await postToBot(`${server.baseUrl}/api/messages`, teamsMessage(teams.serviceUrl, user, 'hola'));
    expect(response.status).toBe(200);
    const recorded = await teams.waitFor((r) => r.conversationId === personalConversationId(user));
    expect(['send', 'reply']).toContain(recorded.operation);
    expect(recorded.activity.type).toBe('message');
  });
});
