import type { Activity } from 'botbuilder';
import { DOWNLOADS_PATH } from '../../downloads';
import { SIGNIN_PATH } from '../../signin/routes';

/**
 * What a delivered link's token becomes in the stored transcript. `/ingresar?t=-` and `/descargas/-` are unknown
 * links: the pages answer with their "link not valid, ask for a new one in the chat" texts.
 */
export const SEALED_TOKEN = '-';

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
/** What every link token follows: a message without one of these has no token, and needs no regular expression. */
const LINK_PREFIXES = [`${SIGNIN_PATH}?t=`, `${DOWNLOADS_PATH}/`];
const LINK_TOKENS = new RegExp(
  `(${escape(SIGNIN_PATH)}\\?t=|${escape(DOWNLOADS_PATH)}/)(?!${escape(SEALED_TOKEN)}(?![\\w%-]))[\\w%-]+`,
  'g',
);

/** An activity as the transcript keeps it, and, when it carried link tokens, the form delivered once to a poll. */
export interface SealedActivity {
  /** What the transcript row keeps: every sign-in and download token replaced by {@link SEALED_TOKEN}. */
  stored: Partial<Activity>;
  /** `stored` as JSON: the text the row keeps (serialised once here, not again by the store). */
  storedJson: string;
  /** The activity with its real links, kept apart until the first poll that fetches it; absent without tokens. */
  deliverOnce?: Partial<Activity>;
}

/**
 * Link tokens are capabilities (a sign-in link signs the chat in, a download link hands out a document), so the
 * stored Direct Line transcript (DlActivity) never holds one usable. The transcript row gets each token replaced by
 * {@link SEALED_TOKEN}; the real activity waits in a single-delivery row (DlDelivery) that the first poll returning
 * that activity takes and deletes (only the poll whose delete removed the row delivers it). Web Chat receives each
 * activity once, by watermark, so it shows the real card and link; a later poll from an old watermark, a database
 * dump of the transcript or an operator reading it sees only `/ingresar?t=-` or `/descargas/-`. A delivery row lives
 * until that first poll (usually under a second) and goes with its conversation; a redacted, updated or deleted
 * activity drops it.
 */
export function sealLinkTokens(activity: Partial<Activity>): SealedActivity {
  const json = JSON.stringify(activity);
  if (!LINK_PREFIXES.some((prefix) => json.includes(prefix))) return { stored: activity, storedJson: json };
  const sealed = json.replace(LINK_TOKENS, `$1${SEALED_TOKEN}`);
  if (sealed === json) return { stored: activity, storedJson: json };
  return { stored: JSON.parse(sealed) as Partial<Activity>, storedJson: sealed, deliverOnce: activity };
}

/** Whether any string of the activity holds a sign-in or download token (tests and checks). */
export function holdsLinkToken(json: string): boolean {
  return new RegExp(LINK_TOKENS.source).test(json);
}
