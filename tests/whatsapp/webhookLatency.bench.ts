/**
 * Benchmark (not part of `npm test`): time to the webhook's 200 for single-message deliveries to a running bot
 * (SQLite, this machine), while turns run in the background. Run:
 *   npx jest --testMatch '**\/webhookLatency.bench.ts' tests/whatsapp
 */
import { envelope, messagesChange, textMessage } from '../../simulators/whatsapp/webhook';
import { startWhatsAppWorld, WA } from './helpers';

it('measures the time to the 200', async () => {
  const world = await startWhatsAppWorld();
  const times: number[] = [];
  for (let i = 0; i < 60; i += 1) {
    const user = { waId: `5939950${String(i % 6).padStart(5, '0')}`, name: 'Bench' };
    const payload = envelope([[messagesChange(WA.phoneNumberId, [user], [textMessage(user, 'teléfono del IESS')])]]);
    const start = process.hrtime.bigint();
    const answer = await world.graph.deliver(payload);
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
    if (answer.status !== 200) throw new Error(`status ${answer.status}`);
  }
  times.sort((a, b) => a - b);
  const pct = (p: number): string => times[Math.min(times.length - 1, Math.floor(p * times.length))].toFixed(1);
  process.stdout.write(`webhook 200: n=${times.length} p50=${pct(0.5)} ms p90=${pct(0.9)} ms p99=${pct(0.99)} ms max=${pct(1)} ms\n`);
  await world.stop();
}, 120_000);
