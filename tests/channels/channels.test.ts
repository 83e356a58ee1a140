import { attachmentReaderOf, signInBindingOf, type Channel } from '../../bot/channels';
import { createConversationContinuer } from '../../bot/signin/continuation';
import type { AttachmentBytes, ConversationReferenceJson } from '../../core/ports';

type Fake = Pick<Channel, 'id' | 'ownsReference' | 'continueConversation' | 'readAttachment' | 'signInBinding'>;

/** A channel that records what it was asked to continue and reads one fixed file. */
function fake(id: string, owns: (r: ConversationReferenceJson) => boolean, holds = true): Fake & { continued: string[] } {
  const continued: string[] = [];
  const file: AttachmentBytes = { bytes: Buffer.from(id), contentType: 'text/plain', name: `${id}.txt` };
  return {
    id,
    continued,
    ownsReference: owns,
    continueConversation: async (reference) => {
      continued.push(reference.conversation?.id ?? '');
    },
    readAttachment: async () => file,
    signInBinding: async () => holds,
  };
}

describe('the channel list', () => {
  const ref = (channelId: string, serviceUrl: string): ConversationReferenceJson => ({
    channelId,
    serviceUrl,
    conversation: { id: `${channelId}@${serviceUrl}` },
  });

  it.each<[string, ConversationReferenceJson, string]>([
    ['our Direct Line', ref('directline', 'http://aqui'), 'directline'],
    ['Azure Direct Line (another serviceUrl)', ref('directline', 'https://directline.botframework.com'), 'botframework'],
    ['Teams', ref('msteams', 'https://smba.trafficmanager.net/amer/'), 'botframework'],
  ])('continues %s on the channel that owns the reference', async (_name, reference, expected) => {
    const directline = fake('directline', (r) => r.channelId === 'directline' && r.serviceUrl === 'http://aqui');
    const botframework = fake('botframework', () => true);
    await createConversationContinuer({ channels: [directline, botframework], logic: async () => undefined })(reference);
    const byId = { directline, botframework };
    expect(Object.entries(byId).map(([id, c]) => [id, c.continued.length])).toEqual(
      Object.keys(byId).map((id) => [id, id === expected ? 1 : 0]),
    );
  });

  it('refuses a reference no channel owns', async () => {
    const continuer = createConversationContinuer({ channels: [fake('directline', () => false)], logic: async () => undefined });
    await expect(continuer(ref('whatsapp', 'x'))).rejects.toThrow(/No channel owns/);
  });

  it.each<[string, string | undefined]>([
    ['directline', 'directline.txt'],
    ['whatsapp', 'whatsapp.txt'],
    ['msteams', undefined],
    ['__proto__', undefined],
  ])('reads an attachment of channel %s with that channel’s reader', async (channelId, expected) => {
    const read = attachmentReaderOf([
      fake('directline', () => false),
      fake('whatsapp', () => false),
      { ...fake('botframework', () => true), readAttachment: undefined },
    ]);
    const file = await read({ contentType: 'text/plain', contentUrl: 'u' }, { channelId, conversationId: 'c' });
    expect(file?.name).toBe(expected);
  });

  it.each<[string, boolean[], boolean]>([
    ['every channel agrees', [true, true], true],
    ['one channel says the opener does not hold the chat', [true, false], false],
  ])('sign-in binding: %s', async (_name, answers, expected) => {
    const binding = signInBindingOf(answers.map((holds, i) => fake(`c${i}`, () => false, holds)));
    await expect(binding({ channelId: 'directline', conversationId: 'c' }, { headers: {} })).resolves.toBe(expected);
  });
});
