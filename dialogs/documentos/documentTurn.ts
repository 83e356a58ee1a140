import type { Activity } from 'botbuilder';
import { normalizeForMatch } from '../../nlu';
import type { IncomingAttachment } from '../../core/ports';
import { matchOption } from '../shared/choices';

/** What the citizen did on a turn where a document was asked for. */
export type DocumentTurn =
  { kind: 'archivo'; attachment: IncomingAttachment } | { kind: 'varios'; count: number } | { kind: 'despues' } | { kind: 'texto' };

/** Teams and some clients repeat the message text as an inline HTML attachment: that is not a file. */
function isFile(attachment: Pick<IncomingAttachment, 'contentType' | 'contentUrl'>): boolean {
  return !(attachment.contentType === 'text/html' && !attachment.contentUrl);
}

/**
 * Reads one turn of the document step: exactly one file (any text with it is ignored), several files at once,
 * "later" (the button `despues`, or words such as "no lo tengo", "lo mando más tarde"), or only text.
 */
export function classifyDocumentTurn(activity: Pick<Partial<Activity>, 'text' | 'attachments'>, despues: string): DocumentTurn {
  const files = (activity.attachments ?? []).filter(isFile);
  if (files.length === 1) {
    const [file] = files;
    return { kind: 'archivo', attachment: { contentType: file.contentType, contentUrl: file.contentUrl, name: file.name } };
  }
  if (files.length > 1) return { kind: 'varios', count: files.length };
  const text = activity.text ?? '';
  const words = normalizeForMatch(text);
  if (matchOption(text, [despues]) || /\bno\b.*\btengo\b|\b(despues|mas tarde|otro dia)\b/.test(words)) return { kind: 'despues' };
  return { kind: 'texto' };
}
