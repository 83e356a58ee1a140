import type { ConversationReference } from 'botbuilder';
import { BROWSER_COOKIE, browserKeyHashOf } from '../../bot/channels/directline/browserKey';
import { directLineSignInBinding } from '../../bot/channels/directline/signInBinding';
import { DirectLineStore } from '../../bot/channels/directline/store';
import type { ConversationKey } from '../../core/ports';
import * as secrets from '../../prisma/store/secrets';
import { seedDemoData } from '../../prisma/store/seed';
import { createSessionStore, type ChatHolderCheck, type SessionStore, type SignInLinkStatus } from '../../prisma/store/session';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { FIXED_NOW, TEST_SECRET } from '../helpers/dialogHarness';

const JOSE = { cedula: '0939336715', clave: 'Litoral2017' };
/** Cookie headers of the chat's browser and of another one. */
const OWN = `${BROWSER_COOKIE}=${'a'.repeat(43)}`;
const OTHER = `${BROWSER_COOKIE}=${'b'.repeat(43)}`;
const OWN_HASH = browserKeyHashOf({ headers: { cookie: OWN } }) ?? '';
const BOUND: ConversationKey = { channelId: 'directline', conversationId: 'dl-ligada' };
const UNBOUND: ConversationKey = { channelId: 'directline', conversationId: 'dl-anterior' };
const MINUTE = 60_000;

const referenceOf = (key: ConversationKey): Partial<ConversationReference> => ({
  channelId: key.channelId,
  serviceUrl: 'http://127.0.0.1:1',
  conversation: { id: key.conversationId, isGroup: false, conversationType: 'personal', name: '' },
});

describe('session store with the Direct Line sign-in binding: links of browser-bound conversations', () => {
  let db: TestDatabase;
  let store: SessionStore;
  let now: number;
  /** The check the sign-in page makes for a request carrying `cookie` (none when undefined). */
  let opener: (cookie: string | undefined) => ChatHolderCheck;
  const link = async (key: ConversationKey = BOUND): Promise<string> =>
    new URL((await store.createSignInLink({ reference: referenceOf(key) })).url).searchParams.get('t') ?? '';

  beforeEach(async () => {
    db = await createTestDatabase();
    await seedDemoData(db.prisma, { scryptLogN: 10 });
    await db.prisma.dlConversation.createMany({
      data: [
        { id: BOUND.conversationId, userId: 'dl_a', browserKeyHash: OWN_HASH },
        { id: UNBOUND.conversationId, userId: 'dl_b', browserKeyHash: null },
      ],
    });
    now = FIXED_NOW.getTime();
    const binding = directLineSignInBinding(new DirectLineStore(db.prisma));
    opener = (cookie) => (conversation) => binding(conversation, { headers: cookie === undefined ? {} : { cookie } });
    store = createSessionStore(db.prisma, {
      clock: () => new Date(now),
      secret: TEST_SECRET,
      signInUrl: (t) => `http://x/ingresar?t=${t}`,
      scryptLogN: 10,
    });
  });
  afterEach(async () => {
    jest.restoreAllMocks();
    await db.dispose();
  });

  it.each<[string, ConversationKey, string | undefined, SignInLinkStatus]>([
    ['its own browser', BOUND, OWN, 'valid'],
    ['another browser', BOUND, OTHER, 'otherBrowser'],
    ['no browser key', BOUND, undefined, 'otherBrowser'],
    ['an empty key', BOUND, `${BROWSER_COOKIE}=`, 'otherBrowser'],
    ['a cut key', BOUND, OWN.slice(0, -1), 'otherBrowser'],
    ['the key twice', BOUND, `${OWN}; ${OWN}`, 'otherBrowser'],
    ['a Direct Line conversation from before the binding, any browser', UNBOUND, undefined, 'valid'],
    [
      'an Azure Direct Line conversation (not self-hosted), any browser',
      { channelId: 'directline', conversationId: 'azure-1' },
      OTHER,
      'valid',
    ],
    [
      'WhatsApp, even with the id of a bound conversation',
      { channelId: 'whatsapp', conversationId: BOUND.conversationId },
      undefined,
      'valid',
    ],
    ['Teams', { channelId: 'msteams', conversationId: BOUND.conversationId }, OTHER, 'valid'],
    ['the Emulator', { channelId: 'emulator', conversationId: 'emu-1' }, undefined, 'valid'],
  ])('inspectLink for %s', async (_name, key, cookie, expected) => {
    await expect(store.inspectLink({ token: await link(key), holdsChat: opener(cookie) })).resolves.toBe(expected);
  });

  it('says expired or used before it looks at the browser', async () => {
    const used = await link();
    expect(
      (
        await store.signInWithLink({
          token: used,
          identificacion: JOSE.cedula,
          clave: JOSE.clave,
          holdsChat: opener(OWN),
          client: { address: '127.0.0.1' },
        })
      ).ok,
    ).toBe(true);
    const expired = await link(UNBOUND);
    now += 10 * MINUTE;
    await expect(store.inspectLink({ token: used, holdsChat: opener(OTHER) })).resolves.toBe('used');
    await expect(store.inspectLink({ token: expired, holdsChat: opener(OTHER) })).resolves.toBe('expired');
  });

  it('refuses another browser before counting an attempt or checking the clave, and keeps the link for the right one', async () => {
    const verify = jest.spyOn(secrets, 'verifySecret');
    const token = await link();
    for (const cookie of [OTHER, undefined]) {
      await expect(
        store.signInWithLink({
          token,
          identificacion: JOSE.cedula,
          clave: JOSE.clave,
          holdsChat: opener(cookie),
          client: { address: '127.0.0.1' },
        }),
      ).resolves.toEqual({ ok: false, reason: 'link', status: 'otherBrowser' });
    }
    expect(verify).not.toHaveBeenCalled();
    expect([await db.prisma.rateCounter.count(), await db.prisma.citizenSession.count()]).toEqual([0, 0]);
    await expect(store.current(BOUND)).resolves.toBeUndefined();
    await expect(store.inspectLink({ token, holdsChat: opener(OWN) })).resolves.toBe('valid');
    const outcome = await store.signInWithLink({
      token,
      identificacion: JOSE.cedula,
      clave: JOSE.clave,
      holdsChat: opener(OWN),
      client: { address: '127.0.0.1' },
    });
    expect(outcome).toMatchObject({ ok: true, citizen: { nombres: 'José Luis' } });
    await expect(store.current(BOUND)).resolves.toMatchObject({ nombres: 'José Luis' });
  });
});
