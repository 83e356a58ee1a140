import type { Response } from 'restify';
import { isStoreUnavailable } from '../../adapter';
import type { Logger } from '../../logger';

/** A failed Direct Line request, answered as `{ "error": { "code", "message" } }` like the Azure service does. */
export class DirectLineError extends Error {
  /**
   * @param status HTTP status of the answer.
   * @param code Direct Line error code (BadArgument, TokenExpired...).
   * @param message Human-readable explanation; never contains a token.
   */
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'DirectLineError';
  }
}

/** 400: the request is malformed (bad JSON, bad watermark, unsupported activity type...). */
export const badArgument = (message: string): DirectLineError => new DirectLineError(400, 'BadArgument', message);

/** 415: the body is not JSON (the Direct Line endpoints take application/json, or a `+json` type, only). */
export const unsupportedMediaType = (): DirectLineError =>
  new DirectLineError(415, 'UnsupportedMediaType', 'The body must be sent as application/json.');

/** 401: the Authorization header is missing, malformed or names no token we issued. */
export const tokenInvalid = (message = 'Missing or invalid token.'): DirectLineError => new DirectLineError(401, 'TokenInvalid', message);

/**
 * 403 TokenExpired, as Direct Line answers: botframework-directlinejs treats 403 as "token expired"
 * (ConnectionStatus.ExpiredToken), which lets the hosting page call `reconnect()` with a new token.
 */
export const tokenExpired = (): DirectLineError => new DirectLineError(403, 'TokenExpired', 'Token expired.');

/** 403: the token is valid but bound to another conversation. */
export const forbidden = (): DirectLineError => new DirectLineError(403, 'Forbidden', 'The token is not valid for this conversation.');

/** 404: no such conversation or attachment. */
export const notFound = (what: string): DirectLineError => new DirectLineError(404, 'NotFound', `${what} not found.`);

/** 413: the body is over the route's limit. */
export const tooLarge = (limit: number): DirectLineError =>
  new DirectLineError(413, 'MessageSizeExceeded', `The request body exceeds ${limit} bytes.`);

/** Answers with the JSON error body; unexpected errors become 500 ServiceError and are logged. */
export function sendError(res: Response, error: unknown, logger: Logger, fields: Record<string, unknown> = {}): void {
  const known =
    error instanceof DirectLineError
      ? error
      : isStoreUnavailable(error)
        ? new DirectLineError(503, 'ServiceUnavailable', 'The service is temporarily unavailable; try again shortly.')
        : new DirectLineError(500, 'ServiceError', 'Internal error.');
  if (!(error instanceof DirectLineError)) logger.error('directline.error', { ...fields, error });
  else if (known.status >= 500) logger.error('directline.error', { ...fields, code: known.code });
  else logger.debug('directline.rejected', { ...fields, status: known.status, code: known.code });
  if (res.headersSent) return;
  if (known.status === 503) res.header('Retry-After', '5');
  res.send(known.status, { error: { code: known.code, message: known.message } });
}
