import type { AttachmentReader } from '../../../core/ports';
import type { PrismaClient } from '../../../prisma/client';
import { waMediaBelongsTo } from '../../../prisma/store/whatsappInbound';
import type { Logger } from '../../logger';
import { MEDIA_URL_PREFIX, WHATSAPP_CHANNEL_ID, waUserOf } from './activity';
import { GraphApiError, type GraphClient } from './graph';

/**
 * Reads an image or document the user sent, for the same document intake as the web chat (which judges the bytes:
 * JPG or PDF, ≤ 1 MB). The media id must have arrived in this user's chat. Meta's download URL lasts minutes, so a
 * download refused as expired (404/403/401 on the URL) is retried once with a fresh URL. Never throws.
 */
export function whatsAppMediaReader(deps: { prisma: PrismaClient; graph: GraphClient; logger: Logger }): AttachmentReader {
  return async (attachment, conversation) => {
    if (conversation.channelId !== WHATSAPP_CHANNEL_ID || !attachment.contentUrl?.startsWith(MEDIA_URL_PREFIX)) return undefined;
    const mediaId = attachment.contentUrl.slice(MEDIA_URL_PREFIX.length);
    const waUser = waUserOf(conversation.conversationId);
    if (!waUser || !/^[\w.-]{1,128}$/.test(mediaId)) return undefined;
    if (!(await waMediaBelongsTo(deps.prisma, { mediaId, waUser }))) return undefined;
    for (let attempt = 1; attempt <= 2; attempt += 1) {
      try {
        const info = await deps.graph.mediaInfo(mediaId);
        const bytes = await deps.graph.download(info.url);
        return { bytes, contentType: info.mime_type || attachment.contentType, name: attachment.name ?? 'documento' };
      } catch (error) {
        const expired = error instanceof GraphApiError && [401, 403, 404, 410].includes(error.status);
        deps.logger.warn('whatsapp.media_failed', { attempt, status: error instanceof GraphApiError ? error.status : undefined });
        if (!expired || attempt === 2) return undefined;
      }
    }
    return undefined;
  };
}
