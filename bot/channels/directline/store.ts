import type { Activity } from 'botbuilder';
import type { PrismaClient } from '../../../prisma/client';
import {
  isForeignKeyViolation,
  isUniqueViolation as isTakenKey,
  turnSqlOf,
  type TurnSql,
  type TurnStatement,
} from '../../../prisma/turnSql';
import { DirectLineError, notFound } from './errors';
import { sealLinkTokens } from './linkTokens';
import {
  activityId,
  maySealLinks,
  seqOf,
  SQL,
  TOMBSTONE,
  PAGE_SIZE,
  type ActivityPage,
  type AppendedActivity,
  type NewAttachment,
  type TokenRecord,
} from './storeRows';
import { randomId } from './tokens';

export { activityId, PAGE_SIZE, seqOf, TOMBSTONE } from './storeRows';
export type { ActivityPage, AppendedActivity, NewAttachment, TokenRecord } from './storeRows';

/** Appends that lost the race for a seq retry at the next one, this many times at most. */
const MAX_APPEND_ATTEMPTS = 50;
/** Conversations whose last appended seq this instance remembers (the oldest is forgotten first). */
const KNOWN_MARKS = 10_000;

/** Direct Line conversations, activities, tokens and attachment metadata, all in the database. */
export class DirectLineStore {
  private readonly appendListeners: ((conversationId: string, appended?: AppendedActivity) => void)[] = [];
  /** The watermark each recent conversation had after this instance's last append: the next append's guess. */
  private readonly knownMarks = new Map<string, number>();

  /** The statements of every message (append, list, the conversation's user): prisma/turnSql.ts (issue 14). */
  private readonly sql: TurnSql;

  constructor(private readonly prisma: PrismaClient) {
    this.sql = turnSqlOf(prisma);
  }

  /**
   * Calls `listener` after each activity appended to a conversation is committed (the streams send it then), with the
   * activity's stored JSON unless it has a single-delivery form (link tokens), which only a read of the store may take.
   */
  onAppend(listener: (conversationId: string, appended?: AppendedActivity) => void): void {
    this.appendListeners.push(listener);
  }

  /** The last seq of each of these conversations (one query), so open streams can tell whether they are behind. */
  async watermarks(conversationIds: string[]): Promise<Map<string, number>> {
    const marks = new Map<string, number>();
    for (let i = 0; i < conversationIds.length; i += 500) {
      const rows = await this.prisma.dlActivity.groupBy({
        by: ['conversationId'],
        where: { conversationId: { in: conversationIds.slice(i, i + 500) } },
        _max: { seq: true },
      });
      for (const row of rows) marks.set(row.conversationId, row._max.seq ?? 0);
    }
    return marks;
  }

  /**
   * Creates a conversation for `userId` together with its first token and its browser binding (the hash of the
   * browser key that asked for it), atomically; returns its id. The binding never changes afterwards.
   */
  async createConversation(userId: string, token: TokenRecord, browserKeyHash: string): Promise<string> {
    const id = randomId(16);
    const now = new Date();
    await this.sql.batch([
      [SQL.insertConversation, [id, userId, browserKeyHash, now]],
      [SQL.insertToken, [token.tokenHash, id, token.expiresAt, now]],
    ]);
    this.remember(id, 0);
    return id;
  }

  /** The hash of the browser key the conversation is bound to; undefined for unknown or unbound conversations. */
  async browserKeyHash(conversationId: string): Promise<string | undefined> {
    const [row] = await this.sql.all<{ browserKeyHash: string | null }>(SQL.browserKeyHash, [conversationId]);
    return row?.browserKeyHash ?? undefined;
  }

  /** The user of a conversation, or undefined if there is no such conversation. */
  async conversationUser(conversationId: string): Promise<string | undefined> {
    const [row] = await this.sql.all<{ userId: string }>(SQL.conversationUser, [conversationId]);
    return row?.userId;
  }

  /**
   * Records that the conversation was started by keeping its conversationUpdate at seq 0 (never returned by GET,
   * whose watermarks start at 0). The unique (conversationId, seq) makes this true for exactly one caller.
   */
  async markStarted(conversationId: string, activity: Partial<Activity>): Promise<boolean> {
    try {
      await this.sql.run(SQL.insertActivity, [conversationId, 0, JSON.stringify(activity), new Date()]);
      return true;
    } catch (error) {
      if (isTakenKey(error)) return false;
      if (isForeignKeyViolation(error)) throw notFound('Conversation');
      throw error;
    }
  }

  /**
   * Appends an activity at the next seq, in one statement, or one batch with its single-delivery copy and
   * `attachments`. The seq is the watermark this instance saw after its last append to the conversation (read from
   * the store only when it has none), and the primary key (conversationId, seq) checks it: when another append took
   * that seq meanwhile, nothing is written, and the append reads the watermark and retries at the next seq. So a seq
   * is never shared, is only taken once the previous one is committed (a poll never skips one), and a usual append is
   * one insert with no read before it and no counter to update (README, "Performance").
   */
  async append(
    conversationId: string,
    build: (id: string) => Partial<Activity>,
    attachments: NewAttachment[] = [],
  ): Promise<{ id: string; seq: number; activity: Partial<Activity> }> {
    let last = this.knownMarks.get(conversationId) ?? (await this.readMark(conversationId));
    for (let attempt = 0; ; attempt += 1) {
      const seq = last + 1;
      const id = activityId(conversationId, seq);
      const activity = build(id);
      const { storedJson: json, deliverOnce } = sealLinkTokens(activity);
      const now = new Date();
      const statements: TurnStatement[] = [[SQL.insertActivity, [conversationId, seq, json, now]]];
      if (deliverOnce) statements.push([SQL.insertDelivery, [id, conversationId, JSON.stringify(deliverOnce), now]]);
      for (const a of attachments) {
        statements.push([SQL.insertAttachment, [a.id, conversationId, a.name, a.contentType, a.size, a.storageKey, now]]);
      }
      try {
        await this.sql.batch(statements);
      } catch (error) {
        this.knownMarks.delete(conversationId);
        if (isForeignKeyViolation(error)) throw notFound('Conversation');
        if (!isTakenKey(error)) throw error;
        // Lost the seq to another append exactly when the watermark moved; any other taken key is the error itself.
        const current = await this.readMark(conversationId).catch((readError: unknown) => {
          throw readError instanceof DirectLineError ? readError : error;
        });
        if (current === last || attempt >= MAX_APPEND_ATTEMPTS) throw error;
        last = current;
        continue;
      }
      this.remember(conversationId, seq);
      const appended = deliverOnce ? undefined : { seq, json };
      for (const listener of this.appendListeners) listener(conversationId, appended);
      return { id, seq, activity };
    }
  }

  /** The conversation's last seq in the store (0 before any activity); 404 if there is no such conversation. */
  private async readMark(conversationId: string): Promise<number> {
    const [conversation] = await this.sql.all<{ last: number | bigint | null }>(SQL.lastSeq, [conversationId]);
    if (!conversation) throw notFound('Conversation');
    return Number(conversation.last ?? 0);
  }

  /** Remembers the conversation's last seq for its next append, forgetting the oldest beyond KNOWN_MARKS. */
  private remember(conversationId: string, seq: number): void {
    this.knownMarks.delete(conversationId);
    this.knownMarks.set(conversationId, seq);
    if (this.knownMarks.size > KNOWN_MARKS) this.knownMarks.delete(this.knownMarks.keys().next().value as string);
  }

  /**
   * Activities after `watermark`, in order, at most PAGE_SIZE. An activity that has a single-delivery copy (real
   * link tokens) is returned in that form to the one poll that deletes the copy; every other poll gets the stored form.
   */
  async list(conversationId: string, watermark: number): Promise<ActivityPage<{ seq: number; activity: Partial<Activity> }>> {
    const page = await this.listJson(conversationId, watermark);
    const activities = page.activities.map((row) => ({ seq: row.seq, activity: JSON.parse(row.json) as Partial<Activity> }));
    return { ...page, activities };
  }

  /**
   * `list` as the stored JSON text of each activity (the single-delivery form where this call delivers it), so a
   * stream can send a page without parsing and serialising every activity again. Tombstones are left out, and the
   * watermark moves past them.
   */
  async listJson(conversationId: string, watermark: number): Promise<ActivityPage<{ seq: number; json: string }>> {
    const rows = (await this.sql.all<{ seq: number | bigint; json: string }>(SQL.page, [conversationId, watermark])).map((row) => ({
      seq: Number(row.seq),
      json: row.json,
    }));
    const last = rows.length > 0 ? rows[rows.length - 1].seq : watermark;
    const live = rows.filter((row) => row.json !== TOMBSTONE);
    // Only an activity stored with a sealed link can have a single-delivery copy; most pages have none to look up.
    const sealed = live.filter((row) => maySealLinks(row.json)).map((row) => activityId(conversationId, row.seq));
    const once =
      sealed.length === 0 ? [] : await this.prisma.dlDelivery.findMany({ where: { conversationId, activityId: { in: sealed } } });
    const delivered = new Map<string, string>();
    for (const copy of once) {
      const { count } = await this.prisma.dlDelivery.deleteMany({ where: { activityId: copy.activityId } });
      if (count === 1) delivered.set(copy.activityId, copy.json);
    }
    const activities = live.map((row) => ({ seq: row.seq, json: delivered.get(activityId(conversationId, row.seq)) ?? row.json }));
    return { activities, watermark: last, more: rows.length === PAGE_SIZE };
  }

  /**
   * Replaces the stored body of an existing activity (same id and seq), its link tokens sealed; an undelivered
   * single-delivery copy is dropped, so a redacted or updated activity never comes back in its old form. False if
   * there is none.
   */
  async replace(conversationId: string, id: string, activity: Partial<Activity>): Promise<boolean> {
    const seq = seqOf(conversationId, id);
    if (seq === undefined || seq === 0) return false;
    await this.prisma.dlDelivery.deleteMany({ where: { activityId: id, conversationId } });
    const result = await this.prisma.dlActivity.updateMany({
      where: { conversationId, seq, NOT: { json: TOMBSTONE } },
      data: { json: sealLinkTokens(activity).storedJson },
    });
    return result.count > 0;
  }

  /** The stored activity with this id, if any. */
  async find(conversationId: string, id: string): Promise<Partial<Activity> | undefined> {
    const seq = seqOf(conversationId, id);
    if (seq === undefined || seq === 0) return undefined;
    const row = await this.prisma.dlActivity.findUnique({ where: { conversationId_seq: { conversationId, seq } } });
    return row && row.json !== TOMBSTONE ? (JSON.parse(row.json) as Partial<Activity>) : undefined;
  }

  /** Deletes an activity: its row becomes a tombstone, so later polls no longer return it and its seq stays taken. */
  async remove(conversationId: string, id: string): Promise<void> {
    const seq = seqOf(conversationId, id);
    if (seq === undefined || seq === 0) return;
    await this.prisma.dlDelivery.deleteMany({ where: { activityId: id, conversationId } });
    await this.prisma.dlActivity.updateMany({ where: { conversationId, seq }, data: { json: TOMBSTONE } });
  }

  /** Metadata of an uploaded file. */
  attachment(id: string): Promise<{ conversationId: string; name: string; contentType: string; storageKey: string } | null> {
    return this.prisma.dlAttachment.findUnique({
      where: { id },
      select: { conversationId: true, name: true, contentType: true, storageKey: true },
    });
  }
}
