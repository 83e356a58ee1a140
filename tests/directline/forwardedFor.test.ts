import type { AddressInfo } from 'node:net';
import restify from 'restify';
import { clientIp, trustForwardedFor } from '../../bot/channels/directline/http';

/** A server that answers with the client address the rate limits would use. */
async function echoAddress(proxies: string[]): Promise<{ url: string; close(): Promise<void> }> {
  const server = restify.createServer({ handleUncaughtExceptions: false });
  trustForwardedFor(server, proxies);
  server.get('/ip', async (req: restify.Request, res: restify.Response) => {
    res.send(200, { ip: clientIp(req) });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/ip`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('the client address behind a trusted load balancer (TRUSTED_PROXIES)', () => {
  it.each<[string, string[], string | undefined, string]>([
    ['no proxy trusted: the header is ignored', [], '203.0.113.7', '127.0.0.1'],
    ['the balancer is trusted: the forwarded client', ['127.0.0.1'], '203.0.113.7', '203.0.113.7'],
    ['a client-written hop before the real one is not believed', ['127.0.0.1'], '198.51.100.1, 203.0.113.7', '203.0.113.7'],
    ['a malformed header falls back to the peer', ['127.0.0.1'], 'not-an-ip', '127.0.0.1'],
    ['no header: the peer', ['127.0.0.1'], undefined, '127.0.0.1'],
  ])('%s', async (_name, proxies, header, expected) => {
    const server = await echoAddress(proxies);
    try {
      const res = await fetch(server.url, { headers: header ? { 'X-Forwarded-For': header } : {} });
      expect(((await res.json()) as { ip: string }).ip).toBe(expected);
    } finally {
      await server.close();
    }
  });
});
