import type { AttachmentReader } from '../../../core/ports';
import type { AttachmentContent } from './adapter';

/** Channel id of the self-hosted Direct Line (Web Chat) conversations. */
export const DIRECT_LINE_CHANNEL_ID = 'directline';

/**
 * Reads files uploaded to the self-hosted Direct Line endpoint, without HTTP. A file uploaded to another
 * conversation, a link that is not ours and an unknown file all give undefined.
 */
export function directLineAttachmentReader(directLine: {
  readAttachment(contentUrl: string): Promise<AttachmentContent | undefined>;
}): AttachmentReader {
  return async (attachment, conversation) => {
    if (conversation.channelId !== DIRECT_LINE_CHANNEL_ID || !attachment.contentUrl) return undefined;
    const file = await directLine.readAttachment(attachment.contentUrl);
    if (!file || file.conversationId !== conversation.conversationId) return undefined;
    return { bytes: file.bytes, contentType: file.contentType, name: file.name };
  };
}
