import { ConversationTurns } from '../../bot/channels/directline/serial';

const later = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('ConversationTurns (one turn at a time per conversation)', () => {
  it('runs the work of one conversation in the order asked, never two at once, and other conversations alongside', async () => {
    const turns = new ConversationTurns();
    const log: string[] = [];
    const work = (name: string, ms: number) => async (): Promise<string> => {
      log.push(`${name}:start`);
      await later(ms);
      log.push(`${name}:end`);
      return name;
    };
    const results = await Promise.all([turns.run('a', work('a1', 30)), turns.run('a', work('a2', 1)), turns.run('b', work('b1', 5))]);
    expect(results).toEqual(['a1', 'a2', 'b1']);
    expect(log.indexOf('a2:start')).toBeGreaterThan(log.indexOf('a1:end'));
    expect(log.indexOf('b1:end')).toBeLessThan(log.indexOf('a1:end'));
    await later(0);
    expect(turns.size).toBe(0);
  });

  it('goes on after a work that fails, which rejects alone', async () => {
    const turns = new ConversationTurns();
    const failing = turns.run('a', () => Promise.reject(new Error('boom')));
    const next = turns.run('a', () => Promise.resolve('siguiente'));
    await expect(failing).rejects.toThrow('boom');
    await expect(next).resolves.toBe('siguiente');
  });

  it('runs a turn anyway once the one before it has held the conversation for the longest wait', async () => {
    const turns = new ConversationTurns(50);
    void turns.run('a', () => new Promise<never>(() => undefined));
    const started = Date.now();
    await expect(turns.run('a', () => Promise.resolve('después'))).resolves.toBe('después');
    expect(Date.now() - started).toBeGreaterThanOrEqual(45);
  });
});
