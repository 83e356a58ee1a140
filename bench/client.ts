import http from 'node:http';

/**
 * One keep-alive agent for the whole benchmark, like a browser or a channel connector reusing connections. Idle
 * sockets are dropped after 4 s, before the servers' own 5 s keep-alive timeout closes them under the client.
 */
export const agent = new http.Agent({ keepAlive: true, maxSockets: 1024, timeout: 4000 });

/** A JSON response. */
export interface JsonResponse {
  status: number;
  body: unknown;
}

/**
 * Sends one HTTP request with an optional JSON body and parses a JSON answer. A request on a reused keep-alive socket
 * that the server had just closed (ECONNRESET before any answer) never reached it, so it is sent once more.
 */
export async function request(method: string, url: string, body?: unknown, headers: Record<string, string> = {}): Promise<JsonResponse> {
  try {
    return await send(method, url, body, headers);
  } catch (error) {
    if ((error as { retryable?: boolean }).retryable) return send(method, url, body, headers);
    throw error;
  }
}

function send(method: string, url: string, body: unknown, headers: Record<string, string>): Promise<JsonResponse> {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    const req = http.request(
      url,
      {
        method,
        agent,
        headers: {
          ...headers,
          ...(payload ? { 'content-type': 'application/json', 'content-length': String(payload.length) } : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let parsed: unknown = text;
          try {
            parsed = text ? JSON.parse(text) : undefined;
          } catch {
            // not JSON: kept as text
          }
          resolve({ status: res.statusCode ?? 0, body: parsed });
        });
        res.on('error', reject);
      },
    );
    req.on('error', (error: NodeJS.ErrnoException) => {
      reject(Object.assign(error, { retryable: req.reusedSocket && error.code === 'ECONNRESET' }));
    });
    req.setTimeout(30_000, () => req.destroy(new Error(`timeout ${method} ${url}`)));
    if (payload) req.write(payload);
    req.end();
  });
}

/** Throws unless the response has one of the `expected` statuses. */
export function expectStatus(response: JsonResponse, expected: number[], what: string): void {
  if (!expected.includes(response.status)) {
    throw new Error(`${what}: HTTP ${response.status} ${JSON.stringify(response.body).slice(0, 200)}`);
  }
}
