import http from 'node:http';

/** One keep-alive agent for the whole benchmark, like a browser or a channel connector reusing connections. */
export const agent = new http.Agent({ keepAlive: true, maxSockets: 1024 });

/** A JSON response. */
export interface JsonResponse {
  status: number;
  body: unknown;
}

/** Sends one HTTP request with an optional JSON body and parses a JSON answer. */
export function request(method: string, url: string, body?: unknown, headers: Record<string, string> = {}): Promise<JsonResponse> {
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
    req.on('error', reject);
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
