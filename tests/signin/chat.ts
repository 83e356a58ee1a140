import type { Activity } from 'botbuilder';

/**
 * A Direct Line 3.0 conversation driven over fetch, keeping whole activities (cards included), with the browser key
 * cookie a browser would keep: give it another chat's `cookie` to play a second tab of the same browser.
 */
export class Chat {
  private token = '';
  private conversationId = '';
  private watermark = '';
  /** The Set-Cookie of the token answer (null when the browser already had a key). */
  setCookie: string | null = null;

  constructor(
    private readonly baseUrl: string,
    /** The browser key cookie ("iess_navegador=…") this browser holds, as sent in the Cookie header. */
    public cookie?: string,
  ) {}

  /** The conversation's id. */
  get id(): string {
    return this.conversationId;
  }

  async start(): Promise<Activity[]> {
    const res = await fetch(`${this.baseUrl}/api/directline/token`, {
      method: 'POST',
      headers: this.cookie ? { Cookie: this.cookie } : {},
    });
    this.setCookie = res.headers.get('set-cookie');
    if (this.setCookie) this.cookie = this.setCookie.split(';')[0];
    ({ token: this.token, conversationId: this.conversationId } = (await res.json()) as { token: string; conversationId: string });
    await fetch(`${this.baseUrl}/v3/directline/conversations`, { method: 'POST', headers: this.headers() });
    return this.poll();
  }

  /** Swaps the token for a fresh one, as Web Chat does every 15 minutes. */
  async refresh(): Promise<void> {
    const res = await fetch(`${this.baseUrl}/v3/directline/tokens/refresh`, { method: 'POST', headers: this.headers() });
    expect(res.status).toBe(200);
    this.token = ((await res.json()) as { token: string }).token;
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
    const res = await fetch(`${this.baseUrl}/v3/directline/conversations/${this.conversationId}/activities${query}`, {
      headers: this.headers(),
    });
    return (await res.json()) as { activities: Activity[]; watermark: string };
  }

  private headers(): Record<string, string> {
    return { Authorization: `Bearer ${this.token}`, 'Content-Type': 'application/json' };
  }
}

/** The URL of the sign-in card's button among `activities`. */
export const linkIn = (activities: Activity[]): string => {
  const card = activities.flatMap((a) => a.attachments ?? []).find((x) => x.contentType === 'application/vnd.microsoft.card.signin');
  const value: unknown = card?.content?.buttons?.[0]?.value;
  if (typeof value !== 'string') throw new Error('no llegó la tarjeta de ingreso');
  return value;
};

const cookieHeader = (cookie: string | undefined): Record<string, string> => (cookie ? { Cookie: cookie } : {});

/** Opens the sign-in page of `link` from a browser holding `cookie` (none: another browser, or a non-browser client). */
export const openLink = (link: string, cookie: string | undefined): Promise<Response> => fetch(link, { headers: cookieHeader(cookie) });

/** Submits the sign-in form of `link` with `identificacion` and `clave`, from a browser holding `cookie`. */
export const submitSignIn = (
  link: string,
  options: { identificacion: string; clave: string; cookie: string | undefined },
): Promise<Response> =>
  fetch(new URL('/ingresar', link), {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...cookieHeader(options.cookie) },
    body: new URLSearchParams({
      t: new URL(link).searchParams.get('t') ?? '',
      identificacion: options.identificacion,
      clave: options.clave,
    }).toString(),
  });
