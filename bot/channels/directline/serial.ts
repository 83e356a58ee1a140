/** Longest a turn waits for the conversation's turn before it (a turn stuck on a dead peer must not hold the chat). */
const MAX_WAIT_MS = 30_000;

/**
 * Runs work one at a time per conversation, in the order asked, on this instance: a conversation's turns (a double
 * click on a button sends two messages at once) never overlap, so each turn reads the state the one before it wrote.
 * A turn waits at most `maxWaitMs` for the one before it, then runs anyway. Across instances the state's etag still
 * refuses a stale write (bot/storage.ts).
 */
export class ConversationTurns {
  private readonly tails = new Map<string, Promise<void>>();

  constructor(private readonly maxWaitMs = MAX_WAIT_MS) {}

  /** Runs `work` once every earlier work of `conversationId` on this instance has settled; resolves with its result. */
  run<T>(conversationId: string, work: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(conversationId);
    const result = previous ? this.after(previous).then(work) : work();
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    this.tails.set(conversationId, tail);
    void tail.then(() => {
      if (this.tails.get(conversationId) === tail) this.tails.delete(conversationId);
    });
    return result;
  }

  /** Conversations with work running or waiting (tests, metrics). */
  get size(): number {
    return this.tails.size;
  }

  /** Settles when `previous` does, or after `maxWaitMs`, whichever comes first. */
  private after(previous: Promise<void>): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, this.maxWaitMs);
      timer.unref();
      void previous.then(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }
}
