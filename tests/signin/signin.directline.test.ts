import type { Activity } from 'botbuilder';
import { MSG } from '../../dialogs/catalog/messages';
import { INGRESAR, SIGNIN } from '../../dialogs/catalog/signin';
import { REDACTED_TEXT } from '../../dialogs/shared/sensitive';
import { HOST_MOTIVO, hostSays, startSignInApp, type SignInApp } from './harness';

const JOSE = { cedula: '0939336715', clave: 'Litoral2017' };
const HOST_JOSE = hostSays({ citizen: { afiliadoId: 'x', nombres: 'José Luis' } });

/** A Direct Line 3.0 conversation driven over fetch, keeping whole activities (cards included). */
class Chat {
  private token = '';
  private conversationId = '';
  private watermark = '';

  constructor(private readonly baseUrl: string) {}

  async start(): Promise<Activity[]> {
    const grant = (await (await fetch(`${this.baseUrl}/api/directline/token`, { method: 'POST' })).json()) as { token: string; conversationId: string };
    ({ token: this.token, conversationId: this.conversationId } = grant);
    await fetch(`${this.baseUrl}/v3/directline/conversations`, { method: 'POST', headers: this.headers() });
    return this.poll();
  }

  async say(text: string): Promise<Activity[]> {
    const res = await fetch(`${this.baseUrl}/v3/directline/conversations/${this.conversationId}/activities`, {
      method: 'POST',
      headers: this.headers(),
      body: JSON.stringify({ type: 'message', text, from: { id: 'user', role: 'user' } }),
    });
    expect(res.status).toBe(200);
    return this.poll();
  }

  /** Bot messages since the last poll. */
  async poll(): Promise<Activity[]> {
    const body = await this.fetchActivities(this.watermark);
    this.watermark = body.watermark;
    return body.activities.filter((a) => a.from.role !== 'user' && a.type === 'message');
  }

  /** Every stored activity of the conversation, the citizen's included. */
  async all(): Promise<Activity[]> {
    return (await this.fetchActivities('')).activities;
  }

  private async fetchActivities(watermark: string): Promise<{ activities: Activity[]; watermark: string }> {
    const query = watermark ? `?watermark=${watermark}` : '';
    const res = await fetch(`${this.baseUrl}/v3/directline/conversations/${this.conversationId}/activities${query}`, { headers: this.headers() });
    return (await res.json()) as { activities: Activity[]; watermark: string };
  }

  private headers(): Record<string, string> {
    return { Authorization: `Bearer ${this.token}`, 'Content-Type': 'application/json' };
  }
}

const linkIn = (activities: Activity[]): string => {
  const card = activities.flatMap((a) => a.attachments ?? []).find((x) => x.contentType === 'application/vnd.microsoft.card.signin');
  const value: unknown = card?.content?.buttons?.[0]?.value;
  if (typeof value !== 'string') throw new Error('no llegó la tarjeta de ingreso');
  return value;
};

const signIn = (baseUrl: string, link: string, clave = JOSE.clave): Promise<Response> =>
  fetch(`${baseUrl}/ingresar`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ t: new URL(link).searchParams.get('t') ?? '', identificacion: JOSE.cedula, clave }).toString(),
  });

describe('sign-in over the self-hosted Direct Line: card, page, proactive continuation', () => {
  let app: SignInApp;

  beforeAll(async () => {
    app = await startSignInApp();
  });
  afterAll(async () => app?.stop());

  it('continues the chat as José once he signs in on the page, and only that chat', async () => {
    const chat = new Chat(app.baseUrl);
    const other = new Chat(app.baseUrl);
    expect((await chat.start()).map((a) => a.text)).toEqual([MSG.bienvenida]);
    await other.start();
    const card = await chat.say('quiero ver mis trámites');
    expect(card.map((a) => a.text)).toEqual([SIGNIN.instrucciones(10, HOST_MOTIVO)]);
    const link = linkIn(card);
    expect(link.startsWith(`${app.baseUrl}/ingresar?t=`)).toBe(true);
    expect((await fetch(link)).status).toBe(200);

    const page = await signIn(app.baseUrl, link);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(INGRESAR.exito);
    expect((await chat.poll()).map((a) => a.text)).toEqual([SIGNIN.listo('José Luis'), HOST_JOSE]);
    expect((await chat.say('hola otra vez')).map((a) => a.text)).toEqual([HOST_JOSE]);
    expect((await other.say('hola')).map((a) => a.text)).toEqual([SIGNIN.instrucciones(10, HOST_MOTIVO)]);
  });

  it('hides a clave typed in the chat from the stored transcript', async () => {
    const chat = new Chat(app.baseUrl);
    await chat.start();
    await chat.say('hola');
    expect((await chat.say(`${JOSE.cedula} ${JOSE.clave}`)).map((a) => a.text)).toEqual([SIGNIN.noEscribaClave, SIGNIN.esperando]);
    const stored = JSON.stringify(await chat.all());
    expect(stored).not.toContain(JOSE.clave);
    expect(stored).toContain(REDACTED_TEXT);
  });

  it('tells the chat nothing when the clave on the page is wrong, and a new link still works', async () => {
    const chat = new Chat(app.baseUrl);
    await chat.start();
    const first = linkIn(await chat.say('hola'));
    expect((await signIn(app.baseUrl, first, 'Equivocada1')).status).toBe(422);
    expect(await chat.poll()).toEqual([]);
    const second = linkIn(await chat.say(SIGNIN.otroEnlace));
    expect(second).not.toBe(first);
    expect((await signIn(app.baseUrl, second)).status).toBe(200);
    expect((await chat.poll()).map((a) => a.text)).toEqual([SIGNIN.listo('José Luis'), HOST_JOSE]);
    expect((await fetch(first)).status).toBe(410);
  });
});
