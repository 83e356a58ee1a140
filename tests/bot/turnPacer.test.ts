import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createMetrics } from '../../bot/metrics';
import { registerTurnQueueMetric, TurnPacer } from '../../bot/turnPacer';

/** Counts event-loop iterations: a check-phase callback that re-queues itself runs once per iteration. */
function iterationCounter(): { now(): number; stop(): void } {
  let count = 0;
  let timer: NodeJS.Immediate = setImmediate(function tick() {
    count += 1;
    timer = setImmediate(tick);
  });
  return { now: () => count, stop: () => clearImmediate(timer) };
}

/** Keeps the CPU busy, as a turn on SQLite does (better-sqlite3 and Prisma's compiler run synchronously). */
function busy(ms: number): void {
  const end = performance.now() + ms;
  while (performance.now() < end);
}

describe('TurnPacer (bot/turnPacer.ts)', () => {
  it('starts turns in arrival order, at most one per event-loop iteration', async () => {
    const pacer = new TurnPacer();
    const iterations = iterationCounter();
    const started: { turn: number; iteration: number }[] = [];
    await Promise.all(
      [1, 2, 3, 4].map((turn) =>
        pacer.run(async () => {
          started.push({ turn, iteration: iterations.now() });
        }),
      ),
    );
    iterations.stop();
    expect(started.map((s) => s.turn)).toEqual([1, 2, 3, 4]);
    for (let i = 1; i < started.length; i += 1) expect(started[i].iteration).toBeGreaterThan(started[i - 1].iteration);
    expect(pacer.queued).toBe(0);
  });

  it("gives a turn's error to its caller and still starts the next turn", async () => {
    const pacer = new TurnPacer();
    const failing = pacer.run(() => Promise.reject(new Error('falla')));
    const next = pacer.run(() => Promise.resolve('siguiente'));
    await expect(failing).rejects.toThrow('falla');
    await expect(next).resolves.toBe('siguiente');
  });

  it('reports the turns waiting as the iess_turns_queued gauge', async () => {
    const pacer = new TurnPacer();
    const metrics = createMetrics({ defaultMetrics: false });
    registerTurnQueueMetric(metrics, pacer);
    const turns = [pacer.slot(), pacer.slot(), pacer.slot()];
    expect(await metrics.render()).toMatch(/^iess_turns_queued 3$/m);
    await Promise.all(turns);
    expect(await metrics.render()).toMatch(/^iess_turns_queued 0$/m);
  });

  // A real HTTP server: busy keep-alive clients plus a burst of new connections. libuv accepts one connection per
  // iteration, so without pacing every iteration runs all the busy clients' turns before the next accept.
  it.each([
    ['paced', true],
    ['unpaced', false],
  ])('%s: turns served to busy clients while a burst of new connections is accepted', async (_name, paced) => {
    const pacer = new TurnPacer();
    let served = 0;
    const accepted: number[] = [];
    const server = http.createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        const turn = async (): Promise<void> => {
          busy(2);
          served += 1;
          res.end('ok');
        };
        void (paced ? pacer.run(turn) : turn());
      });
    });
    server.on('connection', () => accepted.push(served));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const agent = new http.Agent({ keepAlive: true, maxSockets: 100 });
    const get = (): Promise<void> =>
      new Promise((resolve, reject) => {
        http.get({ host: '127.0.0.1', port, agent }, (res) => res.resume().on('end', resolve)).on('error', reject);
      });
    let running = true;
    const busyClients = Array.from({ length: 8 }, async () => {
      while (running) await get();
    });
    while (served < 40) await get();
    accepted.length = 0;
    const servedBefore = served;
    await Promise.all(Array.from({ length: 20 }, get));
    running = false;
    await Promise.all(busyClients);
    agent.destroy();
    await new Promise((resolve) => server.close(resolve));
    // Turns served between the burst's start and its last accepted connection, per new connection.
    const perConnection = (accepted[accepted.length - 1] - servedBefore) / accepted.length;
    if (paced) expect(perConnection).toBeLessThanOrEqual(2);
    else expect(perConnection).toBeGreaterThan(2);
  });
});
