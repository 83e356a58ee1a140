import { instrumentRateLimiter, instrumentRecognizer } from '../../bot/instrumentation';
import { createMetrics } from '../../bot/metrics';
import { createStore } from '../../prisma/store';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { testRecognizer } from '../helpers/dialogHarness';

const line = (text: string, series: string) => text.split('\n').find((l) => l.startsWith(`${series} `));

describe('instrumentation of the store rate limiter and the recognizer', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.dispose());

  it('counts each refusal of the shared rate limiter under its scope, never under the key', async () => {
    const metrics = createMetrics({ defaultMetrics: false });
    const store = createStore(db.prisma, { clock: () => new Date(), secret: 'x'.repeat(32), distractorEmployers: [] });
    instrumentRateLimiter(store.rateLimiter, metrics);
    const decisions = [];
    for (let i = 0; i < 3; i += 1)
      decisions.push((await store.rateLimiter.hit({ key: 'clave-sol:id:0939336715', limit: 1, windowSeconds: 3600 })).allowed);
    expect(decisions).toEqual([true, false, false]);
    const text = await metrics.render();
    expect(line(text, 'iess_rate_limit_refusals_total{scope="clave-sol:id"}')).toBe(
      'iess_rate_limit_refusals_total{scope="clave-sol:id"} 2',
    );
    expect(text).not.toContain('0939336715');
  });

  it.each([
    ['requisitos para la reliquidación', 'ok'],
    ['zxqv plomo azul trineo', 'unknown'],
  ])('counts the NLU decision for "%s" as %s', (text, status) => {
    const metrics = createMetrics({ defaultMetrics: false });
    const recognizer = instrumentRecognizer(testRecognizer(), metrics);
    expect(recognizer.recognize(text).status).toBe(status);
    return metrics.render().then((out) => expect(line(out, `iess_nlu_results_total{status="${status}"}`)).toMatch(/ 1$/));
  });
});
