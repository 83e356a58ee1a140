import type { WhatsAppConfig } from './config';

/** Meta's error envelope `{error:{message, code, error_data, fbtrace_id}}`, thrown for any non-2xx answer. */
export class GraphApiError extends Error {
  constructor(
    readonly status: number,
    /** Meta's error code (130429, 131056, 131047…), 0 when the answer had no envelope (network, proxy). */
    readonly code: number,
    message: string,
    readonly fbtraceId?: string,
  ) {
    super(message);
    this.name = 'GraphApiError';
  }
}

/** What `GET /{version}/{media-id}` answers. */
export interface MediaInfo {
  url: string;
  mime_type: string;
  sha256?: string;
  file_size?: number;
}

/** Largest media read, in bytes: one byte over the intake's 1 MB limit is enough for it to refuse exactly. */
export const MEDIA_READ_LIMIT = 1024 * 1024 + 1;

/** The Cloud API over Node's fetch: send a message, look up a media id, download its bytes. */
export class GraphClient {
  constructor(
    private readonly config: Pick<WhatsAppConfig, 'graphUrl' | 'graphVersion' | 'accessToken' | 'phoneNumberId'>,
    private readonly timeoutMs = 10_000,
  ) {}

  private headers(json: boolean): Record<string, string> {
    return { authorization: `Bearer ${this.config.accessToken}`, ...(json ? { 'content-type': 'application/json' } : {}) };
  }

  private async failure(response: Response): Promise<GraphApiError> {
    let code = 0;
    let message = `HTTP ${response.status}`;
    let trace: string | undefined;
    try {
      const body = (await response.json()) as { error?: { code?: unknown; message?: unknown; fbtrace_id?: unknown } };
      if (typeof body.error?.code === 'number') code = body.error.code;
      if (typeof body.error?.message === 'string') message = body.error.message;
      if (typeof body.error?.fbtrace_id === 'string') trace = body.error.fbtrace_id;
    } catch {
      // not Meta's envelope
    }
    return new GraphApiError(response.status, code, message, trace);
  }

  /** POST /{version}/{phone-number-id}/messages; resolves with the wamid (empty for a read receipt). */
  async sendMessage(body: unknown): Promise<string> {
    const url = `${this.config.graphUrl}/${this.config.graphVersion}/${this.config.phoneNumberId}/messages`;
    const response = await fetch(url, {
      method: 'POST',
      headers: this.headers(true),
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    if (!response.ok) throw await this.failure(response);
    const answer = (await response.json()) as { messages?: { id?: string }[] };
    return answer.messages?.[0]?.id ?? '';
  }

  /** GET /{version}/{media-id}: a download URL valid for a few minutes, and what Meta knows of the file. */
  async mediaInfo(mediaId: string): Promise<MediaInfo> {
    const url = `${this.config.graphUrl}/${this.config.graphVersion}/${encodeURIComponent(mediaId)}`;
    const response = await fetch(url, { headers: this.headers(false), signal: AbortSignal.timeout(this.timeoutMs) });
    if (!response.ok) throw await this.failure(response);
    return (await response.json()) as MediaInfo;
  }

  /** GET the media URL with the token; reads at most {@link MEDIA_READ_LIMIT} bytes. */
  async download(url: string): Promise<Buffer> {
    const response = await fetch(url, { headers: this.headers(false), signal: AbortSignal.timeout(this.timeoutMs) });
    if (!response.ok || !response.body) throw await this.failure(response);
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      chunks.push(Buffer.from(chunk));
      size += chunk.length;
      if (size >= MEDIA_READ_LIMIT) break;
    }
    return Buffer.concat(chunks).subarray(0, MEDIA_READ_LIMIT);
  }
}
