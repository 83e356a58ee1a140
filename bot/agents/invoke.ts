import { ActivityTypes, type Activity, type TurnContext } from 'botbuilder';
import type { AgentInvokeResult } from './feature';

/** Invoke names of Teams the agents' side answers. */
export const TEAMS_INVOKES = {
  cardAction: 'adaptiveCard/action',
  messageExtensionQuery: 'composeExtension/query',
} as const;

/** Universal Actions: an `adaptiveCard/action` answered with a card that replaces the one pressed. */
export function cardRefresh(card: unknown): AgentInvokeResult {
  return { status: 200, body: { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card } };
}

/** Universal Actions: an `adaptiveCard/action` answered with a short message Teams shows under the card. */
export function cardMessage(text: string): AgentInvokeResult {
  return { status: 200, body: { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: text } };
}

/** Universal Actions: an `adaptiveCard/action` refused (`statusCode` 400/403/404/409/500) with a message to show. */
export function cardError(statusCode: number, code: string, message: string): AgentInvokeResult {
  return { status: 200, body: { statusCode, type: 'application/vnd.microsoft.error', value: { code, message } } };
}

/** A search message extension answered with a text instead of results. */
export function extensionMessage(text: string): AgentInvokeResult {
  return { status: 200, body: { composeExtension: { type: 'message', text } } };
}

/** A search message extension answered with a list of results (each an attachment with a preview). */
export function extensionResults(attachments: readonly unknown[]): AgentInvokeResult {
  return { status: 200, body: { composeExtension: { type: 'result', attachmentLayout: 'list', attachments } } };
}

/**
 * The answer to an invoke that was refused or that nobody handles, in the shape its name expects: a Universal
 * Actions error for card actions, a message for message-extension queries, and the bare HTTP status otherwise.
 */
export function invokeFallback(name: string | undefined, statusCode: number, code: string, message: string): AgentInvokeResult {
  if (name === TEAMS_INVOKES.cardAction) return cardError(statusCode, code, message);
  if (name === TEAMS_INVOKES.messageExtensionQuery) return extensionMessage(message);
  return { status: statusCode, body: { error: { code, message } } };
}

/** Sends an invoke's answer: the CloudAdapter turns this activity into the HTTP response of the invoke. */
export async function sendInvokeResult(context: TurnContext, result: AgentInvokeResult): Promise<void> {
  const activity: Partial<Activity> = { type: ActivityTypes.InvokeResponse, value: { status: result.status, body: result.body } };
  await context.sendActivity(activity);
}
