/** A bot activity as the Direct Line endpoint returns it. */
export interface DlActivity {
  type: string;
  text?: string;
  from: { id: string; role?: string };
  suggestedActions?: { actions: { title: string; value: string }[] };
  attachments?: { contentType: string; contentUrl?: string; name?: string }[];
}

/** Minimal Direct Line 3.0 REST client over fetch, for end-to-end conversations in tests. */
export class DirectLineTestClient {
  private token = '';
  private conversationId = '';
  private watermark = '';
  /** The `iess_navegador` cookie the token endpoint set, as a browser would send it back (`name=value`). */
  browserCookie = '';

  constructor(private readonly baseUrl: string) {}

  /** Gets a token, starts the conversation and returns the greeting. */
  async start(): Promise<DlActivity[]> {
    const minted = await fetch(`${this.baseUrl}/api/directline/token`, { method: 'POST' });
    this.browserCookie = (minted.headers.get('set-cookie') ?? '').split(';')[0];
    const grant = (await minted.json()) as { token: string; conversationId: string };
    this.token = grant.token;
    this.conversationId = grant.conversationId;
    const res = await fetch(`${this.baseUrl}/v3/directline/conversations`, { method: 'POST', headers: this.headers() });
    if (res.status !== 201) throw new Error(`start: ${res.status}`);
    return this.botActivities();
  }

  /** Sends a message as the user and returns the bot's replies to it. */
  async say(text: string): Promise<DlActivity[]> {
    const res = await fetch(`${this.baseUrl}/v3/directline/conversations/${this.conversationId}/activities`, {
      method: 'POST',
      headers: this.headers(),
      body: JSON.stringify({ type: 'message', text, from: { id: 'user', role: 'user' } }),
    });
    if (res.status !== 200) throw new Error(`say: ${res.status}`);
    return this.botActivities();
  }

  private async botActivities(): Promise<DlActivity[]> {
    const query = this.watermark ? `?watermark=${this.watermark}` : '';
    const res = await fetch(`${this.baseUrl}/v3/directline/conversations/${this.conversationId}/activities${query}`, {
      headers: this.headers(),
    });
    const body = (await res.json()) as { activities: DlActivity[]; watermark: string };
    this.watermark = body.watermark;
    return body.activities.filter((a) => a.from.role !== 'user' && a.type === 'message');
  }

  private headers(): Record<string, string> {
    return { Authorization: `Bearer ${this.token}`, 'Content-Type': 'application/json' };
  }
}
