import type { RateLimiter } from '../../../core/ports';

/** Proofs (birth day and month) one conversation may try in an hour, whatever identifications it types. */
export const PROOF_LIMIT_PER_CONVERSATION = { limit: 5, windowSeconds: 3600 } as const;

/**
 * Proofs for one identification in an hour, from all conversations together. Past it the identification is treated
 * as under attack: each conversation then gets one proof an hour for it. Nothing is ever refused to a new
 * conversation, so a stranger cannot keep the owner out.
 */
export const PROOF_LIMIT_PER_IDENTIFICATION = { limit: 10, windowSeconds: 3600 } as const;

/** Proofs for one identification per conversation in an hour while the identification is under attack. */
export const PROOF_LIMIT_UNDER_ATTACK = { limit: 1, windowSeconds: 3600 } as const;

/**
 * Counts one proof in the store and says whether it may be checked. Called before the store is asked anything about
 * the identification, so a registered and an unknown identification are counted the same way.
 */
export async function mayCheckProof(rateLimiter: RateLimiter, conversation: string, identificacion: string): Promise<boolean> {
  const perConversation = await rateLimiter.hit({ key: `clave-sol:conv:${conversation}`, ...PROOF_LIMIT_PER_CONVERSATION });
  if (!perConversation.allowed) return false;
  const perIdentification = await rateLimiter.hit({ key: `clave-sol:id:${identificacion}`, ...PROOF_LIMIT_PER_IDENTIFICATION });
  if (perIdentification.allowed) return true;
  const pair = await rateLimiter.hit({ key: `clave-sol:conv-id:${conversation}:${identificacion}`, ...PROOF_LIMIT_UNDER_ATTACK });
  return pair.allowed;
}
