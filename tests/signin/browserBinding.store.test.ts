import type { ConversationReference } from 'botbuilder';
import { BROWSER_COOKIE, browserKeyHashOf } from '../../bot/channels/directline/browserKey';
import type { ConversationKey } from '../../core/ports';
import * as secrets from '../../prisma/store/secrets';
import { seedDemoData } from '../../prisma/store/seed';
import { createSessionStore, type SessionStore, type SignInLinkStatus } from '../../prisma/store/session';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { FIXED_NOW, TEST_SECRET } from '../helpers/dialogHarness';

const JOSE = { cedula: '0939336715', clave: 'Litoral2017' };
const hashOf = (key: string): string => browserKeyHashOf({ headers: { cookie: `${BROWSER_COOKIE}=${key}` } }) ?? '';
const OWN = hashOf('a'.repeat(43));
const OTHER = hashOf('b'.repeat(43));
const BOUND: ConversationKey = { channelId: 'directline', conversationId: 'dl-ligada' };
const UNBOUND: ConversationKey = { channelId: 'directline', conversationId: 'dl-anterior' };
const MINUTE = 60_000;

const referenceOf = (key: ConversationKey): Partial<ConversationReference> => ({
  channelId: key.channelId,
  serviceUrl: 'http://127.0.0.1:1',
  conversation: { id: key.conversationId, isGroup: false, conversationType: 'personal', name: '' },
});

describe('session store: sign-in links of browser-bound Direct Line conversations', () => {
  let db: TestDatabase;
  let store: SessionStore;
  let now: number;
  const link = async (key: ConversationKey = BOUND): Promise<string> =>
    new URL((await store.createSignInLink({ reference: referenceOf(key) })).url).searchParams.get('t') ?? '';

  beforeEach(async () => {
    db = await createTestDatabase();
    await seedDemoData(db.prisma, { scryptLogN: 10 });
    await db.prisma.dlConversation.createMany({
      data: [
        { id: BOUND.conversationId, userId: 'dl_a', browserKeyHash: OWN },
        { id: UNBOUND.conversationId, userId: 'dl_b', browserKeyHash: null },
      ],
    });
    now = FIXED_NOW.getTime();
    store = createSessionStore(db.prisma, { clock: () => new Date(now), secret: TEST_SECRET, signInUrl: (t) => `http://x/ingresar?t=${t}`, scryptLogN: 10 });
  });
  afterEach(async () => {
    jest.restoreAllMocks();
    await db.dispose();
  });

  it.each<[string, ConversationKey, string | undefined, SignInLinkStatus]>([
    ['its own browser', BOUND, OWN, 'valid'],
    ['another browser', BOUND, OTHER, 'otherBrowser'],
    ['no browser key', BOUND, undefined, 'otherBrowser'],
    ['an empty hash', BOUND, '', 'otherBrowser'],
    ['a cut hash', BOUND, OWN.slice(1), 'otherBrowser'],
    ['a Direct Line conversation from before the binding, any browser', UNBOUND, undefined, 'valid'],
    ['an Azure Direct Line conversation (not self-hosted), any browser', { channelId: 'directline', conversationId: 'azure-1' }, OTHER, 'valid'],
    ['WhatsApp, even with the id of a bound conversation', { channelId: 'whatsapp', conversationId: BOUND.conversationId }, undefined, 'valid'],
    ['Teams', { channelId: 'msteams', conversationId: BOUND.conversationId }, OTHER, 'valid'],
    ['the Emulator', { channelId: 'emulator', conversationId: 'emu-1' }, undefined, 'valid'],
  ])('inspectLink for %s', async (_name, key, browserKeyHash, expected) => {
    await expect(store.inspectLink({ token: await link(key), browserKeyHash })).resolves.toBe(expected);
  });

  it('says expired or used before it looks at the browser', async () => {
    const used = await link();
    expect((await store.signInWithLink({ token: used, identificacion: JOSE.cedula, clave: JOSE.clave, browserKeyHash: OWN })).ok).toBe(true);
    const expired = await link(UNBOUND);
    now += 10 * MINUTE;
    await expect(store.inspectLink({ token: used, browserKeyHash: OTHER })).resolves.toBe('used');
    await expect(store.inspectLink({ token: expired, browserKeyHash: OTHER })).resolves.toBe('expired');
  });

  it('refuses another browser before counting an attempt or checking the clave, and keeps the link for the right one', async () => {
    const verify = jest.spyOn(secrets, 'verifySecret');
    const token = await link();
    for (const browserKeyHash of [OTHER, undefined]) {
      await expect(store.signInWithLink({ token, identificacion: JOSE.cedula, clave: JOSE.clave, browserKeyHash })).resolves.toEqual({ ok: false, reason: 'link', status: 'otherBrowser' });
    }
    expect(verify).not.toHaveBeenCalled();
    expect([await db.prisma.rateCounter.count(), await db.prisma.citizenSession.count()]).toEqual([0, 0]);
    await expect(store.current(BOUND)).resolves.toBeUndefined();
    await expect(store.inspectLink({ token, browserKeyHash: OWN })).resolves.toBe('valid');
    const outcome = await store.signInWithLink({ token, identificacion: JOSE.cedula, clave: JOSE.clave, browserKeyHash: OWN });
    expect(outcome).toMatchObject({ ok: true, citizen: { nombres: 'José Luis' } });
    await expect(store.current(BOUND)).resolves.toMatchObject({ nombres: 'José Luis' });
  });
});
