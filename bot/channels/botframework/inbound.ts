import type { Activity } from 'botbuilder';
import type { Request, Response } from 'restify';
import { API_MENSAJES } from '../../../catalog';
import type { Logger } from '../../logger';
import type { TurnLogic } from '../channel';
import type { IessCloudAdapter } from './adapter';

/** An activity's date fields as the connector sends them (ISO strings), with the originals kept as the SDK keeps them. */
const DATE_FIELDS = [
  ['timestamp', 'rawTimestamp'],
  ['expiration', 'rawExpiration'],
  ['localTimestamp', 'rawLocalTimestamp'],
] as const;

/**
 * The posted body as a Bot Framework activity: what `CloudAdapter.process` does after its own checks (the SDK's
 * `validateAndFixActivity`), i.e. ISO date strings become Dates and the raw strings stay beside them. The body has
 * already passed {@link checkInboundActivity} (an object with a string type).
 */
export function toActivity(body: Record<string, unknown>): Activity {
  for (const [field, raw] of DATE_FIELDS) {
    const value = body[field];
    if (typeof value === 'string') {
      body[raw] = value;
      body[field] = new Date(value);
    }
  }
  return body as unknown as Activity;
}

/** The status of an error the adapter raised: 401 for a refused token (the connector's AuthenticationError), else 500. */
export function statusOfTurnError(error: unknown): 401 | 500 {
  const status = typeof error === 'object' && error !== null ? (error as { statusCode?: unknown }).statusCode : undefined;
  return status === 401 ? 401 : 500;
}

/**
 * Runs one checked activity through the adapter and writes its answer, as `CloudAdapter.process` does (the invoke
 * response's status and body, else 200), without its per-request schema parsing (about 2 % of a turn's CPU, issue 14):
 * our own checks ran first. A refused token answers 401 and any other failure 500, both with a generic Spanish body
 * (never the exception's text), and the failure is logged without the activity.
 */
export async function answerActivity(
  adapter: IessCloudAdapter,
  body: Record<string, unknown>,
  req: Request,
  res: Response,
  logic: TurnLogic,
  logger?: Logger,
): Promise<void> {
  const header = req.headers.authorization;
  const authHeader = typeof header === 'string' ? header : '';
  try {
    const invoke = await adapter.processChecked(authHeader, toActivity(body), logic);
    res.status(invoke?.status ?? 200);
    if (invoke?.body) res.send(invoke.body);
    res.end();
  } catch (error: unknown) {
    const status = statusOfTurnError(error);
    logger?.warn('botframework_turn_failed', { status, error: error instanceof Error ? error.name : 'unknown' });
    if (res.headersSent) return;
    res.json(status, {
      error:
        status === 401
          ? { code: 'Unauthorized', message: API_MENSAJES.noAutorizado }
          : { code: 'ServiceError', message: API_MENSAJES.errorInterno },
    });
  }
}
