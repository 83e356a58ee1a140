import type { ConversationReferenceJson } from '../../core/ports';
import type { CitizenContactView } from '../../core/usecases/notifications/ports';
import type { PrismaClient } from '../client';

/**
 * Records where a signed-in citizen can be reached: the conversation reference of the conversation they signed in
 * to, the latest one per afiliado and channel (a newer sign-in replaces it).
 */
export async function recordCitizenContact(
  db: PrismaClient,
  options: { afiliadoId: string; channelId: string; conversationKey: string; reference: ConversationReferenceJson; now: Date },
): Promise<void> {
  const data = { conversationKey: options.conversationKey, reference: JSON.stringify(options.reference), updatedAt: options.now };
  await db.citizenContact.upsert({
    where: { afiliadoId_channelId: { afiliadoId: options.afiliadoId, channelId: options.channelId } },
    create: { afiliadoId: options.afiliadoId, channelId: options.channelId, ...data },
    update: data,
  });
}

/** The citizen's latest conversation on each channel. */
export async function listCitizenContacts(db: PrismaClient, afiliadoId: string): Promise<CitizenContactView[]> {
  const rows = await db.citizenContact.findMany({ where: { afiliadoId }, orderBy: { channelId: 'asc' } });
  return rows.map((r) => ({
    channelId: r.channelId,
    conversationKey: r.conversationKey,
    reference: JSON.parse(r.reference) as ConversationReferenceJson,
  }));
}
