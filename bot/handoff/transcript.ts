import type { ConversationKey } from '../../core/ports';
import type { TranscriptTurn } from '../../core/usecases/handoff/ports';
import type { PrismaClient } from '../../prisma/client';
import { TOMBSTONE } from '../channels/directline/store';

/** Reads the last turns of a conversation from the channel's own transcript (already redacted by that channel). */
export type TranscriptReader = (conversation: ConversationKey) => Promise<TranscriptTurn[]>;

/** Turns kept with a handoff (the card shows fewer). */
export const TRANSCRIPT_TURNS = 20;

interface StoredActivity {
  type?: string;
  text?: string;
  from?: { role?: string };
}

/**
 * Direct Line's transcript (DlActivity rows): clave-bearing messages and security answers are stored redacted
 * (`[respuesta oculta]`) and link tokens sealed, so what reaches the agents holds no secret.
 */
export function directLineTranscript(db: PrismaClient): TranscriptReader {
  return async (conversation) => {
    const rows = await db.dlActivity.findMany({
      where: { conversationId: conversation.conversationId, NOT: { json: TOMBSTONE } },
      orderBy: { seq: 'desc' },
      take: TRANSCRIPT_TURNS * 2,
      select: { json: true },
    });
    const turns: TranscriptTurn[] = [];
    for (const row of rows.reverse()) {
      const activity = JSON.parse(row.json) as StoredActivity;
      if (activity.type !== 'message' || !activity.text) continue;
      turns.push({ from: activity.from?.role === 'user' ? 'ciudadano' : 'asistente', text: activity.text });
    }
    return turns.slice(-TRANSCRIPT_TURNS);
  };
}

/**
 * The transcript readers by channel id; a channel with none (a channel that keeps no transcript of ours) gives an
 * empty transcript. WhatsApp adds its reader here when its channel keeps one.
 */
export function transcriptOf(readers: Readonly<Record<string, TranscriptReader>>): TranscriptReader {
  return async (conversation) => {
    const reader = readers[conversation.channelId];
    return reader ? reader(conversation) : [];
  };
}
