import type { Request, Response, Server } from 'restify';
import { conversationUpdate } from './activity';
import { browserCookie, browserKeyOf } from './browserKey';
import { badArgument, sendError } from './errors';
import { clientIp, readJsonObject, routeParam, queryParam } from './http';
import { activityId, type DirectLineStore } from './store';
import { streamUrl, type StreamHub } from './streaming';
import { hashToken, randomId, type Grant, type TokenService } from './tokens';
import { inTurn, postActivity, runTurn, type TurnRunner } from './turns';
import type { ResolvedOptions } from './types';

/** Everything the route handlers share. */
export interface RouteContext extends TurnRunner {
  options: ResolvedOptions;
  store: DirectLineStore;
  tokens: TokenService;
  streams: StreamHub;
}

type Handler = (req: Request, res: Response) => Promise<void>;

/** Wraps a handler so every failure is answered as a Direct Line JSON error. */
export function handled(ctx: RouteContext, route: string, handler: Handler): (req: Request, res: Response) => Promise<void> {
  return async (req, res) => {
    try {
      await handler(req, res);
    } catch (error) {
      sendError(res, error, ctx.logger, { route });
    }
  };
}

function conversationBody(ctx: RouteContext, grant: Grant, watermark?: string): Record<string, unknown> {
  return {
    conversationId: grant.conversationId,
    token: grant.token,
    expires_in: ctx.tokens.secondsLeft(grant),
    streamUrl: streamUrl(ctx.options.baseUrl, grant.conversationId, grant.token, watermark),
  };
}

function parseWatermark(raw: string | undefined): number {
  if (raw === undefined || raw === '') return 0;
  if (!/^\d{1,15}$/.test(raw)) throw badArgument('The watermark must be a non-negative integer.');
  return Number(raw);
}

/**
 * Registers the token endpoint and the Direct Line 3.0 conversation routes. The token endpoint binds each new
 * conversation to the asking browser's key (cookie); refreshing a token and reconnecting keep the conversation, so
 * they keep its binding and neither need nor change the cookie.
 */
export function registerConversationRoutes(server: Server, ctx: RouteContext): void {
  // Direct Line 3.0 streaming (WebSocket on the conversation's streamUrl): each appended activity is pushed at once,
  // or, during a turn of its conversation, with the rest of the turn.
  ctx.streams.attach(server.server);
  ctx.store.onAppend((conversationId, appended) => ctx.streams.notify(conversationId, appended));

  server.post(
    '/api/directline/token',
    handled(ctx, 'token', async (req, res) => {
      // A browser without a key gets a new one (never rotated here), in a cookie set only once the chat is allowed.
      const known = browserKeyOf(req);
      const key = known ?? randomId(32);
      const keyHash = hashToken(key);
      await ctx.tokens.limits?.newChat(res, clientIp(req), keyHash);
      if (known === undefined) res.header('Set-Cookie', browserCookie(key, ctx.options.baseUrl.startsWith('https:')));
      const minted = ctx.tokens.mint();
      const conversationId = await ctx.store.createConversation(
        `dl_${randomId(16)}`,
        { tokenHash: minted.tokenHash, expiresAt: minted.expiresAt },
        keyHash,
      );
      ctx.logger.info('directline.conversation_created', { conversationId, newBrowser: known === undefined });
      res.header('Cache-Control', 'no-store');
      res.send(200, { token: minted.token, expires_in: minted.expiresIn, conversationId });
    }),
  );

  server.post(
    '/v3/directline/tokens/refresh',
    handled(ctx, 'refresh', async (req, res) => {
      const grant = await ctx.tokens.authenticateToRefresh(req, res);
      const minted = await ctx.tokens.issue(grant.conversationId);
      ctx.logger.info('directline.token_refreshed', { conversationId: grant.conversationId });
      res.header('Cache-Control', 'no-store');
      res.send(200, { conversationId: grant.conversationId, token: minted.token, expires_in: minted.expiresIn });
    }),
  );

  server.post(
    '/v3/directline/conversations',
    handled(ctx, 'start', async (req, res) => {
      const grant = await ctx.tokens.authenticate(req);
      const body = await readJsonObject(req, ctx.options.maxJsonBytes);
      const locale = typeof body.locale === 'string' && body.locale.length <= 20 ? body.locale : undefined;
      const { conversationId, userId } = grant;
      const update = conversationUpdate(activityId(conversationId, 0), conversationId, userId, ctx.channel, ctx.clock(), locale);
      const first = await inTurn(ctx, conversationId, async () => {
        const started = await ctx.store.markStarted(conversationId, update);
        if (!started) return false;
        ctx.logger.info('directline.conversation_started', { conversationId });
        await runTurn(ctx, update);
        return true;
      });
      res.header('Cache-Control', 'no-store');
      res.send(first ? 201 : 200, conversationBody(ctx, grant));
    }),
  );

  server.get(
    '/v3/directline/conversations/:id',
    handled(ctx, 'reconnect', async (req, res) => {
      const grant = await ctx.tokens.authenticate(req, routeParam(req, 'id'));
      const watermark = queryParam(req, 'watermark');
      if (watermark !== undefined && watermark !== '') parseWatermark(watermark);
      res.header('Cache-Control', 'no-store');
      res.send(200, conversationBody(ctx, grant, watermark));
    }),
  );

  server.post(
    '/v3/directline/conversations/:id/activities',
    handled(ctx, 'post', async (req, res) => {
      const grant = await ctx.tokens.authenticateToSend(req, res, routeParam(req, 'id'));
      const body = await readJsonObject(req, ctx.options.maxJsonBytes);
      const id = await postActivity(ctx, grant, body);
      res.send(200, { id });
    }),
  );

  server.get(
    '/v3/directline/conversations/:id/activities',
    handled(ctx, 'poll', async (req, res) => {
      const grant = await ctx.tokens.authenticate(req, routeParam(req, 'id'));
      const watermark = parseWatermark(queryParam(req, 'watermark'));
      const page = await ctx.store.list(grant.conversationId, watermark);
      res.header('Cache-Control', 'no-store');
      res.send(200, { activities: page.activities.map((row) => row.activity), watermark: String(page.watermark) });
    }),
  );
}
