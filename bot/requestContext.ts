import { randomUUID } from 'node:crypto';
import type { Next, Request, Response } from 'restify';
import { withLogContext } from './logger';

/** Header that carries the request id in and out (a proxy may set it; the answer always has it). */
export const REQUEST_ID_HEADER = 'x-request-id';

/** A caller's id is kept only when short and plain, so it cannot forge log fields or carry personal data. */
const ACCEPTED_ID = /^[A-Za-z0-9._-]{8,64}$/;

/**
 * restify `pre` handler: gives each request an id (the caller's X-Request-Id when acceptable, else a random UUID),
 * echoes it in the answer, and runs the rest of the request inside the log context, so every log line written for the
 * request, the bot's turn included, carries `requestId`.
 */
export function requestContext() {
  return (req: Request, res: Response, next: Next): void => {
    const offered = req.header(REQUEST_ID_HEADER);
    const requestId = offered && ACCEPTED_ID.test(offered) ? offered : randomUUID();
    res.header('X-Request-Id', requestId);
    withLogContext({ requestId }, () => next());
  };
}
