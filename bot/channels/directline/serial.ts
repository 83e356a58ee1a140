/**
 * Runs work one at a time per conversation, in the order asked, on this instance: a conversation's turns (a double
 * click on a button sends two messages at once) never overlap, so each turn reads the state the one before it wrote.
 * Across instances the state's etag still refuses a stale write (bot/storage.ts).
 */
export class ConversationTurns {
  private readonly tails = new Map<string, Promise<void>>();

  /** Runs `work` once every earlier work of `conversationId` on this instance has settled; resolves with its result. */
  run<T>(conversationId: string, work: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(conversationId);
    const result = previous ? previous.then(work) : work();
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
}
