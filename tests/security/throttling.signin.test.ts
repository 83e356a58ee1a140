import type { ConversationReferenceJson } from '../../core/ports';
import { silentLogger } from '../../bot/logger';
import { SIGNIN_ADDRESS_THROTTLE, SIGNIN_BROWSER_THROTTLE } from '../../prisma/store/signInThrottle';
import type { SessionStore, SignInClient } from '../../prisma/store/session';
import type { TestDatabase } from '../helpers/db';
import { createSignInWorld, manualClock, startSignInPage } from '../signin/harness';

const JOSE = { cedula: '0939336715', clave: 'Litoral2017' };
const SHARED_ADDRESS = '100.64.0.7';
const anyone = async (): Promise<boolean> => true;
const browser = (n: number): SignInClient => ({ browserKeyHash: n.toString(16).padStart(64, '0'), address: SHARED_ADDRESS });
const codigo = (n: number): string => `EC-EXT-${String(n).padStart(7, '0')}`;
const reference = (conversationId: string): ConversationReferenceJson => ({
  channelId: 'directline',
  serviceUrl: 'http://127.0.0.1:1',
  conversation: { id: conversationId, isGroup: false, conversationType: 'personal', name: '' },
});

describe('sign-in throttling without lockout (NIST SP 800-63B §5.2.2, OWASP ASVS 5.0)', () => {
  const clock = manualClock();
  let db: TestDatabase;
  let sessions: SessionStore;
  let links = 0;
  const link = async (): Promise<string> => {
    links += 1;
    const { url } = await sessions.createSignInLink({ reference: reference(`conv-${links}`) });
    return new URL(url).searchParams.get('t') ?? '';
  };
  const tryClave = async (client: SignInClient, identificacion: string, clave: string, token?: string) =>
    sessions.signInWithLink({ token: token ?? (await link()), identificacion, clave, holdsChat: anyone, client });

  beforeAll(async () => {
    ({ db, sessions } = await createSignInWorld(clock.now));
  });
  afterAll(async () => db?.dispose());
  beforeEach(async () => {
    await db.prisma.throttleState.deleteMany();
    await db.prisma.rateCounter.deleteMany();
  });

  it('a right clave from the owner’s browser succeeds after 50 failures from ten other browsers on the same mobile address', async () => {
    for (let stranger = 1; stranger <= 10; stranger += 1) {
      const token = await link();
      for (let i = 0; i < 5; i += 1)
        expect(await tryClave(browser(stranger), JOSE.cedula, `Mala${i}clave`, token)).toEqual({ ok: false, reason: 'invalid' });
      expect(await tryClave(browser(stranger), JOSE.cedula, JOSE.clave, token)).toMatchObject({ ok: false, reason: 'throttled' });
    }
    expect(await tryClave(browser(999), JOSE.cedula, JOSE.clave)).toMatchObject({ ok: true, citizen: { nombres: 'José Luis' } });
  });

  it('the wait grows: 5 free failures, then 30 s, 60 s, 120 s; the owner’s right clave then resets it', async () => {
    const own = browser(7);
    for (let i = 0; i < 5; i += 1) await tryClave(own, JOSE.cedula, `Mala${i}clave`);
    const waits: number[] = [];
    for (const seconds of [30, 60, 120]) {
      const refused = await tryClave(own, JOSE.cedula, 'OtraMala1');
      waits.push(refused.ok || refused.reason !== 'throttled' ? -1 : refused.retryAfterSeconds);
      clock.advance(seconds * 1000);
      expect(await tryClave(own, JOSE.cedula, 'OtraMala1')).toEqual({ ok: false, reason: 'invalid' });
    }
    expect(waits).toEqual([30, 60, 120]);
    expect(await tryClave(own, JOSE.cedula, JOSE.clave)).toMatchObject({ ok: false, reason: 'throttled', retryAfterSeconds: 240 });
    clock.advance(240_000);
    expect((await tryClave(own, JOSE.cedula, JOSE.clave)).ok).toBe(true);
    expect(await tryClave(own, JOSE.cedula, 'Mala9clave')).toEqual({ ok: false, reason: 'invalid' });
  });

  it('guessing across many identifications from one browser is throttled by the browser, whatever the link', async () => {
    for (let i = 0; i < SIGNIN_BROWSER_THROTTLE.free; i += 1) {
      expect(await tryClave(browser(3), codigo(i), 'Adivina123')).toEqual({ ok: false, reason: 'invalid' });
    }
    expect(await tryClave(browser(3), codigo(99), 'Adivina123')).toEqual({ ok: false, reason: 'throttled', retryAfterSeconds: 30 });
    expect((await tryClave(browser(4), JOSE.cedula, JOSE.clave)).ok).toBe(true);
  });

  it('guessing across many identifications from one address without a browser key is throttled by the address, for at most a minute', async () => {
    const token = { current: await link() };
    for (let i = 0; i < SIGNIN_ADDRESS_THROTTLE.free; i += 1) {
      if (i % 10 === 0) token.current = await link();
      expect(await tryClave({ address: '203.0.113.9' }, codigo(1000 + i), 'Adivina123', token.current)).toEqual({
        ok: false,
        reason: 'invalid',
      });
    }
    expect(await tryClave({ address: '203.0.113.9' }, codigo(5000), 'Adivina123')).toEqual({
      ok: false,
      reason: 'throttled',
      retryAfterSeconds: 1,
    });
    expect(SIGNIN_ADDRESS_THROTTLE.maxSeconds).toBeLessThanOrEqual(60);
    expect((await tryClave({ address: '198.51.100.1' }, JOSE.cedula, JOSE.clave)).ok).toBe(true);
  });

  it('over HTTP: a stranger’s five wrong claves in another browser never make the owner get 429', async () => {
    const page = await startSignInPage({ sessions, logger: silentLogger, continueConversation: async () => undefined });
    const post = (token: string, clave: string, cookie: string) =>
      fetch(`${page.baseUrl}/ingresar`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: `iess_navegador=${cookie}` },
        body: new URLSearchParams({ t: token, identificacion: JOSE.cedula, clave }).toString(),
      });
    try {
      const strangerToken = await link();
      for (let i = 0; i < 5; i += 1) expect((await post(strangerToken, `Mala${i}clave`, 'E'.repeat(43))).status).toBe(422);
      expect((await post(strangerToken, JOSE.clave, 'E'.repeat(43))).status).toBe(429);
      expect((await post(await link(), JOSE.clave, 'P'.repeat(43))).status).toBe(200);
    } finally {
      await page.close();
    }
  });
});
