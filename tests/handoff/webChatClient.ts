/** One activity as the Direct Line endpoint returns it (messages and events). */
export interface WebChatActivity {
  type: string;
  name?: string;
  text?: string;
  value?: unknown;
  from: { id: string; role?: string };
  attachments?: { contentType: string; name?: string; content?: unknown }[];
  suggestedActions?: { actions: { title: string }[] };
}

/** A Direct Line 3.0 client for handoff tests: like tests/helpers/directLineClient.ts, plus polling and events. */
export class WebChatClient {
  private token = '';
  private conversationId = '';
  private watermark = '';
  /** The browser key cookie the token endpoint set (`name=value`), for the sign-in page. */
  cookie = '';

  constructor(private readonly baseUrl: string) {}

  async start(): Promise<WebChatActivity[]> {
    const minted = await fetch(`${this.baseUrl}/api/directline/token`, { method: 'POST' });
    this.cookie = (minted.headers.get('set-cookie') ?? '').split(';')[0];
    const grant = (await minted.json()) as { token: string; conversationId: string };
    this.token = grant.token;
    this.conversationId = grant.conversationId;
    const res = await fetch(`${this.baseUrl}/v3/directline/conversations`, { method: 'POST', headers: this.headers() });
    if (res.status !== 201) throw new Error(`start: ${res.status}`);
    return this.poll();
  }

  get id(): string {
    return this.conversationId;
  }

  /** Sends a message and returns every bot activity (messages and events) since the last poll. */
  say(text: string): Promise<WebChatActivity[]> {
    return this.send({ type: 'message', text });
  }

  /** Sends one activity as the user (a message with attachments, for example) and returns the bot's answer. */
  async send(activity: Record<string, unknown>): Promise<WebChatActivity[]> {
    const res = await fetch(`${this.baseUrl}/v3/directline/conversations/${this.conversationId}/activities`, {
      method: 'POST',
      headers: this.headers(),
      body: JSON.stringify({ ...activity, from: { id: 'user', role: 'user' } }),
    });
    if (res.status !== 200) throw new Error(`send: ${res.status}`);
    return this.poll();
  }

  /** Uploads a file with an empty message, as Web Chat does (multipart `activity` part plus the file). */
  async upload(bytes: Buffer, contentType: string, name: string): Promise<WebChatActivity[]> {
    const form = new FormData();
    const activity = { type: 'message', from: { id: 'user', role: 'user' } };
    form.append('activity', new Blob([JSON.stringify(activity)], { type: 'application/vnd.microsoft.activity' }));
    form.append('file', new Blob([new Uint8Array(bytes)], { type: contentType }), name);
    const res = await fetch(`${this.baseUrl}/v3/directline/conversations/${this.conversationId}/upload?userId=user`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${this.token}` },
      body: form,
    });
    if (res.status !== 200) throw new Error(`upload: ${res.status}`);
    return this.poll();
  }

  /** The bot's activities since the last poll (proactive ones included). */
  async poll(): Promise<WebChatActivity[]> {
    const query = this.watermark ? `?watermark=${this.watermark}` : '';
    const res = await fetch(`${this.baseUrl}/v3/directline/conversations/${this.conversationId}/activities${query}`, {
      headers: this.headers(),
    });
    const body = (await res.json()) as { activities: WebChatActivity[]; watermark: string };
    this.watermark = body.watermark;
    return body.activities.filter((a) => a.from.role !== 'user');
  }

  private headers(): Record<string, string> {
    return { Authorization: `Bearer ${this.token}`, 'Content-Type': 'application/json' };
  }
}

/** The texts of the message activities. */
export const texts = (activities: readonly WebChatActivity[]): string[] =>
  activities.filter((a) => a.type === 'message').map((a) => a.text ?? '');
