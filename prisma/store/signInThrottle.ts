import type { RateLimitDecision } from '../../core/ports';
import type { PrismaClient } from '../client';
import { claimThrottle, releaseThrottle, type ThrottlePolicy } from './rateLimits';

const DAY_SECONDS = 24 * 60 * 60;
/** Failed sign-ins per (identification, client): 5 free, then a wait from 30 s doubling to 1 h. The clave is never locked. */
export const SIGNIN_ID_CLIENT_THROTTLE: ThrottlePolicy = { free: 5, baseSeconds: 30, maxSeconds: 3600, forgetSeconds: DAY_SECONDS };
/** Failed sign-ins per browser key, whatever the identification: 10 free, then 30 s doubling to 1 h. */
export const SIGNIN_BROWSER_THROTTLE: ThrottlePolicy = { free: 10, baseSeconds: 30, maxSeconds: 3600, forgetSeconds: DAY_SECONDS };
/**
 * Failed sign-ins per client address, whatever the identification or browser: generous, because many citizens may share
 * one mobile address (carrier-grade NAT): 100 free a day, then 1 s doubling to at most 1 minute.
 */
export const SIGNIN_ADDRESS_THROTTLE: ThrottlePolicy = { free: 100, baseSeconds: 1, maxSeconds: 60, forgetSeconds: DAY_SECONDS };
/** Who is trying to sign in: the browser key hash when the request has one (Direct Line cookie) and the client address. */
export interface SignInClient {
  browserKeyHash?: string;
  address: string;
}

/** The throttles one sign-in try passes, strictest first: (identification, client), browser key, address. */
export function throttlesOf(identificacion: string, client: SignInClient): { key: string; policy: ThrottlePolicy }[] {
  const name = client.browserKeyHash ? `b:${client.browserKeyHash}` : `a:${client.address}`;
  return [
    { key: `signin:idc:${identificacion}:${name}`, policy: SIGNIN_ID_CLIENT_THROTTLE },
    ...(client.browserKeyHash ? [{ key: `signin:browser:${client.browserKeyHash}`, policy: SIGNIN_BROWSER_THROTTLE }] : []),
    { key: `signin:addr:${client.address}`, policy: SIGNIN_ADDRESS_THROTTLE },
  ];
}

/**
 * Claims one sign-in try against every throttle of (identification, client); when one refuses, the tries already
 * claimed are given back and the longest wait is not needed: the refusing throttle's wait is returned.
 */
export async function claimSignInTries(
  db: PrismaClient,
  options: { identificacion: string; client: SignInClient; now: Date },
): Promise<RateLimitDecision> {
  const throttles = throttlesOf(options.identificacion, options.client);
  for (const [index, throttle] of throttles.entries()) {
    const claimed = await claimThrottle(db, { ...throttle, now: options.now });
    if (claimed.allowed) continue;
    for (const done of throttles.slice(0, index)) await releaseThrottle(db, { ...done, now: options.now });
    return claimed;
  }
  return { allowed: true, retryAfterSeconds: 0 };
}

/** After a right clave: the (identification, client) failures are forgotten; the shared throttles get this try back. */
export async function releaseSignInTries(
  db: PrismaClient,
  options: { identificacion: string; client: SignInClient; now: Date },
): Promise<void> {
  for (const [index, throttle] of throttlesOf(options.identificacion, options.client).entries()) {
    await releaseThrottle(db, { ...throttle, now: options.now, reset: index === 0 });
  }
}
