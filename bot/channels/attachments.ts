import type { AttachmentReader } from '../../core/ports';
import type { Channel } from './channel';

/** One reader per channel id (directline, whatsapp…); an attachment from any other channel is unreadable. */
export function attachmentReaderByChannel(readers: Readonly<Record<string, AttachmentReader>>): AttachmentReader {
  return async (attachment, conversation) => {
    const reader = Object.prototype.hasOwnProperty.call(readers, conversation.channelId) ? readers[conversation.channelId] : undefined;
    return reader ? reader(attachment, conversation) : undefined;
  };
}

/** The by-channel reader of a channel list: each channel that can receive files reads those sent through it. */
export function attachmentReaderOf(channels: readonly Pick<Channel, 'id' | 'readAttachment'>[]): AttachmentReader {
  const readers: Record<string, AttachmentReader> = {};
  for (const channel of channels) if (channel.readAttachment) readers[channel.id] = channel.readAttachment;
  return attachmentReaderByChannel(readers);
}
