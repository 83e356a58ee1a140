import net from 'node:net';

/** Why an activity posted to /api/messages was refused, for the log (never shown to the caller). */
export type ActivityRefusal = 'not_an_object' | 'type' | 'conversation' | 'from' | 'service_url' | 'service_url_not_loopback';

/** True for a plain JSON object (not null, not an array). */
function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function hasStringId(value: unknown): boolean {
  return isRecord(value) && typeof value.id === 'string' && value.id !== '';
}

/** True when the URL's host is this machine: localhost, 127.0.0.0/8 or ::1 (by literal, never by a DNS look-up). */
export function isLoopbackUrl(url: URL): boolean {
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost' || host === '::1') return true;
  return net.isIPv4(host) && host.startsWith('127.');
}

/**
 * Checks an activity before the CloudAdapter sees it (and so before any connection to its `serviceUrl`): an object
 * with a string `type`, a `conversation` and a `from` with ids, and an http(s) `serviceUrl`, which in local mode must
 * be loopback. Returns the reason of a refusal, or undefined when the activity may be processed.
 */
export function checkInboundActivity(body: unknown, options: { loopbackOnly: boolean }): ActivityRefusal | undefined {
  if (!isRecord(body)) return 'not_an_object';
  if (typeof body.type !== 'string' || body.type === '') return 'type';
  if (!hasStringId(body.conversation)) return 'conversation';
  if (!hasStringId(body.from)) return 'from';
  const serviceUrl = typeof body.serviceUrl === 'string' && URL.canParse(body.serviceUrl) ? new URL(body.serviceUrl) : undefined;
  if (!serviceUrl || (serviceUrl.protocol !== 'http:' && serviceUrl.protocol !== 'https:')) return 'service_url';
  if (options.loopbackOnly && !isLoopbackUrl(serviceUrl)) return 'service_url_not_loopback';
  return undefined;
}
