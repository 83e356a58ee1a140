import { agent } from '../../bench/client';
import { quantile, runLoad } from '../../bench/load';
import { botFrameworkConversation, directLinePollingConversation, directLineStreamingConversation, JOURNEY } from '../../bench/scenarios';
import { startTestServer, type TestServer } from '../helpers/server';

/** The benchmark's conversations run against the real service (no timing is asserted: the bench reports, README). */
describe('bench harness (npm run bench)', () => {
  let srv: TestServer;

  beforeAll(async () => {
    srv = await startTestServer({ env: { DIRECTLINE_TOKENS_PER_MINUTE: '1000' } });
  });

  afterAll(async () => {
    agent.destroy();
    await srv?.stop();
  });

  it.each([
    ['/api/messages with expectReplies', botFrameworkConversation],
    ['Direct Line polling', directLinePollingConversation],
    ['Direct Line stream', directLineStreamingConversation],
  ])('runs whole conversations over %s without errors', async (_name, conversation) => {
    const result = await runLoad(conversation, srv.baseUrl, 2, 0.2);
    expect(result.firstError).toBeUndefined();
    expect(result.errors).toBe(0);
    expect(result.turns).toBeGreaterThanOrEqual(2 * (JOURNEY.length + 1));
    expect(result.turns % (JOURNEY.length + 1)).toBe(0);
    expect(result.latencies).toHaveLength(result.turns);
  });

  it.each([
    [[5, 1, 4, 2, 3], 0.5, 3],
    [[5, 1, 4, 2, 3], 0.99, 5],
    [[7], 0.95, 7],
  ])('quantile(%j, %d) is %d (nearest rank)', (values, q, expected) => {
    expect(quantile(values, q)).toBe(expected);
  });
});
