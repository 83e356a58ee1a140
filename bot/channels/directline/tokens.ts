import { createHash, randomBytes } from 'node:crypto';
import type { Request, Response } from 'restify';
import type { PrismaClient } from '../../../prisma/client';
import { timeOf, turnSqlOf } from '../../../prisma/turnSql';
import { forbidden, notFound, tokenExpired, tokenInvalid } from './errors';
import { bearerToken } from './http';
import type { DirectLineLimits } from './rateLimit';

const TOKEN_LOOKUP = `SELECT t."conversationId", t."expiresAt", c."userId" FROM "DlToken" t
  JOIN "DlConversation" c ON c."id" = t."conversationId" WHERE t."tokenHash" = ?`;

/** What a valid token grants: one conversation, as one user. */
export interface Grant {
  conversationId: string;
  userId: string;
  /** The token as presented (kept in memory for the response only; never stored or logged). */
  token: string;
  expiresAt: Date;
}

/** A freshly minted token: the secret for the client, the hash and expiry for the store. */
export interface MintedToken {
  token: string;
  tokenHash: string;
  expiresAt: Date;
  /** Lifetime in seconds, the `expires_in` of the response. */
  expiresIn: number;
}

/** A random identifier of `bytes` random bytes, base64url encoded (16 bytes = 128 bits). */
export function randomId(bytes = 16): string {
  return randomBytes(bytes).toString('base64url');
}

/** SHA-256 of a token, hex: the only form a token is stored in. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Issues and checks the opaque bearer tokens of the channel; all state lives in DlToken. */
export class TokenService {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly ttlSeconds: number,
    private readonly clock: () => Date,
    /** The shared per-conversation and per-token limits; without them (unit tests of tokens), nothing is counted. */
    readonly limits?: DirectLineLimits,
  ) {}

  /** A new 256-bit random token, not yet stored. */
  mint(): MintedToken {
    const token = randomId(32);
    const expiresAt = new Date(this.clock().getTime() + this.ttlSeconds * 1000);
    return { token, tokenHash: hashToken(token), expiresAt, expiresIn: this.ttlSeconds };
  }

  /** Stores the hash of a new token bound to `conversationId` and returns it. */
  async issue(conversationId: string): Promise<MintedToken> {
    const minted = this.mint();
    await this.prisma.dlToken.create({
      data: { tokenHash: minted.tokenHash, conversationId, expiresAt: minted.expiresAt },
    });
    return minted;
  }

  /** Seconds left before the grant's token expires. */
  secondsLeft(grant: Grant): number {
    return Math.max(0, Math.floor((grant.expiresAt.getTime() - this.clock().getTime()) / 1000));
  }

  /**
   * Checks the request's bearer token: 401 if missing or unknown, 403 TokenExpired if expired and, when
   * `conversationId` is given, 404 if that conversation does not exist or 403 if the token is bound to another one.
   */
  async authenticate(req: Request, conversationId?: string): Promise<Grant> {
    const token = bearerToken(req);
    if (!token) throw tokenInvalid('Missing or malformed Authorization header.');
    // Every Direct Line request asks this: a turn statement (prisma/turnSql.ts), the same SQL on SQLite and PostgreSQL.
    const [found] = await turnSqlOf(this.prisma).all<{ conversationId: string; expiresAt: unknown; userId: string }>(TOKEN_LOOKUP, [
      hashToken(token),
    ]);
    if (!found) throw tokenInvalid();
    const expiresAt = timeOf(found.expiresAt);
    if (expiresAt.getTime() <= this.clock().getTime()) throw tokenExpired();
    if (conversationId !== undefined && conversationId !== found.conversationId) {
      const exists = await this.prisma.dlConversation.count({ where: { id: conversationId } });
      throw exists ? forbidden() : notFound('Conversation');
    }
    return { conversationId: found.conversationId, userId: found.userId, token, expiresAt };
  }

  /** `authenticate`, then counts one posted activity against the conversation's limit (429 beyond). */
  async authenticateToSend(req: Request, res: Pick<Response, 'header'>, conversationId: string): Promise<Grant> {
    const grant = await this.authenticate(req, conversationId);
    await this.limits?.message(res, grant.conversationId);
    return grant;
  }

  /** `authenticate`, then counts one refresh against the conversation's limit (429 beyond). */
  async authenticateToRefresh(req: Request, res: Pick<Response, 'header'>): Promise<Grant> {
    const grant = await this.authenticate(req);
    await this.limits?.refresh(res, grant.conversationId);
    return grant;
  }
}
