import type { ConversationReference } from 'botbuilder';
import type { ConversationKey } from '../../core/ports';
import * as secrets from '../../prisma/store/secrets';
import { seedDemoData } from '../../prisma/store/seed';
import { createSessionStore, type ChatHolderCheck, type SessionStore, type SignInClient } from '../../prisma/store/session';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { FIXED_NOW, TEST_SECRET } from '../helpers/dialogHarness';

/** These tests are about links and sessions, not the chat binding: whoever opens the link holds the chat. */
const anyone: ChatHolderCheck = async () => true;

/** One browser on one address, the client of every sign-in here unless a test says otherwise. */
const HERE: SignInClient = { browserKeyHash: 'a'.repeat(64), address: '127.0.0.1' };

const JOSE = { cedula: '0939336715', clave: 'Litoral2017' };
const CARLOS = { cedula: '1849579501', clave: 'Ambato2015' };
const CONV_A: ConversationKey = { channelId: 'directline', conversationId: 'conv-a' };
const CONV_B: ConversationKey = { channelId: 'directline', conversationId: 'conv-b' };
const MINUTE = 60_000;

function referenceOf(key: ConversationKey): Partial<ConversationReference> {
  return {
    channelId: key.channelId,
    serviceUrl: 'http://127.0.0.1:1',
    activityId: 'actividad-1',
    conversation: { id: key.conversationId, isGroup: false, conversationType: 'personal', name: '' },
    user: { id: 'dl_usuario', name: '' },
    bot: { id: 'bot', name: 'Asistente IESS' },
  };
}

const tokenOf = (url: string): string => new URL(url).searchParams.get('t') ?? '';

describe('session store: sign-in links and citizen sessions', () => {
  let db: TestDatabase;
  let store: SessionStore;
  let now: number;
  const advance = (ms: number): void => {
    now += ms;
  };
  const link = async (key: ConversationKey = CONV_A): Promise<string> =>
    tokenOf((await store.createSignInLink({ reference: referenceOf(key) })).url);

  beforeEach(async () => {
    db = await createTestDatabase();
    await seedDemoData(db.prisma, { scryptLogN: 10 });
    now = FIXED_NOW.getTime();
    store = createSessionStore(db.prisma, {
      clock: () => new Date(now),
      secret: TEST_SECRET,
      signInUrl: (token) => `http://127.0.0.1:1/ingresar?t=${token}`,
      scryptLogN: 10,
    });
  });
  afterEach(async () => {
    jest.restoreAllMocks();
    await db.dispose();
  });

  it('stores only a keyed hash of a 256-bit token, bound to the conversation, for 10 minutes by default', async () => {
    const created = await store.createSignInLink({ reference: referenceOf(CONV_A) });
    const token = tokenOf(created.url);
    expect(created.expiresInMinutes).toBe(10);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const rows = await db.prisma.signInLink.findMany();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ conversationKey: 'directline:conv-a', usedAt: null });
    expect(rows[0].expiresAt.getTime() - FIXED_NOW.getTime()).toBe(10 * MINUTE);
    expect(JSON.stringify(rows)).not.toContain(token);
    expect(JSON.parse(rows[0].reference)).not.toHaveProperty('activityId');
    await expect(store.createSignInLink({ reference: { channelId: 'directline' } })).rejects.toThrow(/conversation/);
  });

  it.each<[string, (token: string) => string, number, string]>([
    ['valid while unexpired', (t) => t, 10 * MINUTE - 1000, 'valid'],
    ['expired at the TTL', (t) => t, 10 * MINUTE, 'expired'],
    ['unknown for another token', () => 'x'.repeat(43), 0, 'unknown'],
    ['unknown for a malformed token', () => '<script>', 0, 'unknown'],
    ['unknown for an empty token', () => '', 0, 'unknown'],
  ])('inspectLink: %s', async (_name, pick, later, expected) => {
    const token = await link();
    advance(later);
    await expect(store.inspectLink({ holdsChat: anyone, token: pick(token) })).resolves.toBe(expected);
  });

  it("signs José in to the link's conversation only, once, and gives the reference to continue it", async () => {
    const token = await link();
    const outcome = await store.signInWithLink({
      holdsChat: anyone,
      client: HERE,
      token,
      identificacion: ` ${JOSE.cedula} `,
      clave: JOSE.clave,
    });
    expect(outcome).toMatchObject({
      ok: true,
      citizen: { nombres: 'José Luis' },
      reference: { channelId: 'directline', conversation: { id: 'conv-a' } },
    });
    await expect(store.current(CONV_A)).resolves.toMatchObject({ nombres: 'José Luis' });
    await expect(store.current(CONV_B)).resolves.toBeUndefined();
    await expect(store.inspectLink({ holdsChat: anyone, token })).resolves.toBe('used');
    await expect(
      store.signInWithLink({ holdsChat: anyone, client: HERE, token, identificacion: JOSE.cedula, clave: JOSE.clave }),
    ).resolves.toEqual({
      ok: false,
      reason: 'link',
      status: 'used',
    });
  });

  it("voids the conversation's other links once one is used, but keeps an earlier link usable until then", async () => {
    const first = await link();
    const second = await link();
    await expect(store.inspectLink({ holdsChat: anyone, token: first })).resolves.toBe('valid');
    expect(
      (await store.signInWithLink({ holdsChat: anyone, client: HERE, token: second, identificacion: JOSE.cedula, clave: JOSE.clave })).ok,
    ).toBe(true);
    await expect(store.inspectLink({ holdsChat: anyone, token: first })).resolves.toBe('used');
  });

  it('refuses an expired link before looking at the clave, and opens no session', async () => {
    const token = await link();
    advance(10 * MINUTE + 1000);
    const verify = jest.spyOn(secrets, 'verifySecret');
    await expect(
      store.signInWithLink({ holdsChat: anyone, client: HERE, token, identificacion: JOSE.cedula, clave: JOSE.clave }),
    ).resolves.toEqual({
      ok: false,
      reason: 'link',
      status: 'expired',
    });
    expect(verify).not.toHaveBeenCalled();
    expect(await db.prisma.citizenSession.count()).toBe(0);
  });

  it("accepts a cédula with a dash and a foreigner's código in any case", async () => {
    expect(
      (
        await store.signInWithLink({
          holdsChat: anyone,
          client: HERE,
          token: await link(CONV_A),
          identificacion: '093933671-5',
          clave: JOSE.clave,
        })
      ).ok,
    ).toBe(true);
    const valentina = await store.signInWithLink({
      holdsChat: anyone,
      client: HERE,
      token: await link(CONV_B),
      identificacion: 'ec-ext 0045871',
      clave: 'Caracas2016',
    });
    expect(valentina).toMatchObject({ ok: true, citizen: { nombres: 'Valentina' } });
  });

  it('gives one answer, after the same scrypt check, for an unknown cédula, a wrong clave, no clave and an inactive clave', async () => {
    await db.prisma.clave.updateMany({ where: { afiliado: { cedula: CARLOS.cedula } }, data: { estado: 'INACTIVA' } });
    const verify = jest.spyOn(secrets, 'verifySecret');
    const attempts: [string, string][] = [
      ['1714307103', JOSE.clave],
      [JOSE.cedula, 'Litoral2018'],
      ['1744180744', 'Cualquiera2020'],
      [CARLOS.cedula, CARLOS.clave],
    ];
    for (const [identificacion, clave] of attempts) {
      const calls = verify.mock.calls.length;
      await expect(store.signInWithLink({ holdsChat: anyone, client: HERE, token: await link(), identificacion, clave })).resolves.toEqual({
        ok: false,
        reason: 'invalid',
      });
      expect({ identificacion, checks: verify.mock.calls.length - calls }).toEqual({ identificacion, checks: 1 });
    }
    expect(await db.prisma.citizenSession.count()).toBe(0);
  });

  it.each([
    ['not a cédula', '1234567890'],
    ['letters', 'José Luis'],
    ['empty', ''],
  ])('refuses an identification that is %s with the same answer', async (_n, identificacion) => {
    await expect(
      store.signInWithLink({ holdsChat: anyone, client: HERE, token: await link(), identificacion, clave: JOSE.clave }),
    ).resolves.toEqual({
      ok: false,
      reason: 'invalid',
    });
  });

  it('slows a sixth wrong clave from one client by 30 s, without locking the clave or the owner elsewhere', async () => {
    const before = await db.prisma.clave.findFirstOrThrow({ where: { afiliado: { cedula: JOSE.cedula } } });
    const token = await link();
    for (let i = 0; i < 5; i += 1) {
      await expect(
        store.signInWithLink({ holdsChat: anyone, client: HERE, token, identificacion: JOSE.cedula, clave: `Mala${i}clave` }),
      ).resolves.toEqual({ ok: false, reason: 'invalid' });
    }
    const throttled = await store.signInWithLink({
      holdsChat: anyone,
      client: HERE,
      token,
      identificacion: JOSE.cedula,
      clave: JOSE.clave,
    });
    expect(throttled).toEqual({ ok: false, reason: 'throttled', retryAfterSeconds: 30 });
    const owner: SignInClient = { browserKeyHash: 'b'.repeat(64), address: '127.0.0.1' };
    const own = await store.signInWithLink({
      holdsChat: anyone,
      client: owner,
      token: await link(CONV_B),
      identificacion: JOSE.cedula,
      clave: JOSE.clave,
    });
    expect(own.ok).toBe(true);
    const after = await db.prisma.clave.findFirstOrThrow({ where: { afiliado: { cedula: JOSE.cedula } } });
    expect(after).toMatchObject({ estado: 'ACTIVA', hash: before.hash });
    expect(await db.prisma.recoveryGuard.count()).toBe(0);
    advance(30_000);
    expect(
      (await store.signInWithLink({ holdsChat: anyone, client: HERE, token, identificacion: JOSE.cedula, clave: JOSE.clave })).ok,
    ).toBe(true);
  });

  it('throttles an eleventh attempt through one link, whatever the identification', async () => {
    const token = await link();
    const ids = [
      '1714307103',
      '1744180744',
      '1311108789',
      '1147829814',
      '0629934787',
      '0145878195',
      '0713578797',
      '2314944220',
      '1002136172',
      '1849579501',
    ];
    for (const identificacion of ids) {
      expect((await store.signInWithLink({ holdsChat: anyone, client: HERE, token, identificacion, clave: 'NoEsLaClave1' })).ok).toBe(
        false,
      );
    }
    await expect(
      store.signInWithLink({ holdsChat: anyone, client: HERE, token, identificacion: JOSE.cedula, clave: JOSE.clave }),
    ).resolves.toMatchObject({ ok: false, reason: 'throttled' });
  });

  it('keeps the session while it is used, and ends it after more than 15 idle minutes', async () => {
    await store.signInWithLink({ holdsChat: anyone, client: HERE, token: await link(), identificacion: JOSE.cedula, clave: JOSE.clave });
    advance(15 * MINUTE);
    await expect(store.current(CONV_A)).resolves.toMatchObject({ nombres: 'José Luis' });
    advance(15 * MINUTE);
    await expect(store.current(CONV_A)).resolves.toMatchObject({ nombres: 'José Luis' });
    advance(15 * MINUTE + 1000);
    await expect(store.current(CONV_A)).resolves.toBeUndefined();
    expect(await db.prisma.citizenSession.count()).toBe(0);
  });

  it('honours a configured idle time and link TTL', async () => {
    store = createSessionStore(db.prisma, {
      clock: () => new Date(now),
      secret: TEST_SECRET,
      signInUrl: (t) => `http://x/ingresar?t=${t}`,
      idleMinutes: 1,
      linkTtlMinutes: 2,
      scryptLogN: 10,
    });
    const created = await store.createSignInLink({ reference: referenceOf(CONV_A) });
    expect(created.expiresInMinutes).toBe(2);
    await store.signInWithLink({
      holdsChat: anyone,
      client: HERE,
      token: tokenOf(created.url),
      identificacion: JOSE.cedula,
      clave: JOSE.clave,
    });
    advance(MINUTE + 1);
    await expect(store.current(CONV_A)).resolves.toBeUndefined();
  });

  it('signs out: true once, then false, and the conversation has no citizen', async () => {
    await store.signInWithLink({ holdsChat: anyone, client: HERE, token: await link(), identificacion: JOSE.cedula, clave: JOSE.clave });
    await expect(store.signOut(CONV_B)).resolves.toBe(false);
    await expect(store.signOut(CONV_A)).resolves.toBe(true);
    await expect(store.current(CONV_A)).resolves.toBeUndefined();
    await expect(store.signOut(CONV_A)).resolves.toBe(false);
  });
});
