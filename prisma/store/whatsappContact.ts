import type { PrismaClient } from '../client';

/** What the channel keeps about one WhatsApp user. */
export interface WaContactView {
  waUser: string;
  waId: string | null;
  lastUserMessageAt: Date | null;
  optIn: boolean | null;
  optInAskedAt: Date | null;
}

/** The contact of `waUser`, if the user ever wrote. */
export async function findWaContact(db: PrismaClient, options: { waUser: string }): Promise<WaContactView | undefined> {
  const row = await db.waContact.findUnique({
    where: { waUser: options.waUser },
    select: { waUser: true, waId: true, lastUserMessageAt: true, optIn: true, optInAskedAt: true },
  });
  return row ?? undefined;
}

/**
 * Opens or refreshes the customer-service window: only the user's own message does it. `at` is when the message
 * was sent; an older message never moves the window back.
 */
export async function touchWaWindow(db: PrismaClient, options: { waUser: string; at: Date }): Promise<void> {
  await db.waContact.updateMany({
    where: { waUser: options.waUser, OR: [{ lastUserMessageAt: null }, { lastUserMessageAt: { lt: options.at } }] },
    data: { lastUserMessageAt: options.at },
  });
}

/** Closes the window (Meta answered 131047: it is closed whatever our clock says). */
export async function closeWaWindow(db: PrismaClient, options: { waUser: string }): Promise<void> {
  await db.waContact.updateMany({ where: { waUser: options.waUser }, data: { lastUserMessageAt: null } });
}

/** Records that the opt-in question was asked; true only for the caller that asked it first (compare-and-set). */
export async function markWaOptInAsked(db: PrismaClient, options: { waUser: string; now: Date }): Promise<boolean> {
  const { count } = await db.waContact.updateMany({
    where: { waUser: options.waUser, optInAskedAt: null },
    data: { optInAskedAt: options.now },
  });
  return count === 1;
}

/** Stores the citizen's answer to the notification opt-in (they may change it at any time by answering again). */
export async function recordWaOptIn(db: PrismaClient, options: { waUser: string; optIn: boolean; now: Date }): Promise<void> {
  await db.waContact.updateMany({
    where: { waUser: options.waUser },
    data: { optIn: options.optIn, optInAnsweredAt: options.now, optInAskedAt: options.now },
  });
}

/**
 * Takes the processing lease of `waUser` for `owner` until `until`, when it is free, expired or already the
 * owner's (compare-and-set, so two instances never process one user's messages at the same time).
 */
export async function claimWaLease(db: PrismaClient, options: { waUser: string; owner: string; now: Date; until: Date }): Promise<boolean> {
  const { count } = await db.waContact.updateMany({
    where: {
      waUser: options.waUser,
      OR: [{ leaseUntil: null }, { leaseUntil: { lt: options.now } }, { leaseOwner: options.owner }],
    },
    data: { leaseOwner: options.owner, leaseUntil: options.until },
  });
  return count === 1;
}

/** Gives the lease back (only the owner can). */
export async function releaseWaLease(db: PrismaClient, options: { waUser: string; owner: string }): Promise<void> {
  await db.waContact.updateMany({
    where: { waUser: options.waUser, leaseOwner: options.owner },
    data: { leaseOwner: null, leaseUntil: null },
  });
}
