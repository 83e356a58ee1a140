import { Readable } from 'node:stream';
import type { Request } from 'restify';
import { DirectLineError } from '../../bot/channels/directline/errors';
import { readMultipart } from '../../bot/channels/directline/multipart';

/** A request-like stream with the given headers and body, as restify hands it to the route. */
function request(body: Buffer, contentType: string | undefined, contentLength = true): Request {
  const req = Readable.from([body]) as unknown as Request;
  (req as unknown as { headers: Record<string, string> }).headers = {
    ...(contentType === undefined ? {} : { 'content-type': contentType }),
    ...(contentLength ? { 'content-length': String(body.length) } : {}),
  };
  return req;
}

/** The bytes and Content-Type that fetch would send for this form (the same encoder browsers use). */
async function encode(form: FormData): Promise<{ body: Buffer; contentType: string }> {
  const res = new Response(form);
  return { body: Buffer.from(await res.arrayBuffer()), contentType: res.headers.get('content-type') ?? '' };
}

async function failure(promise: Promise<unknown>): Promise<DirectLineError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DirectLineError);
  return error as DirectLineError;
}

describe('Direct Line multipart parser (busboy)', () => {
  it('reads a Web Chat upload: the activity part and files with their names, types and exact bytes', async () => {
    const form = new FormData();
    form.append('activity', new Blob([JSON.stringify({ type: 'message', text: 'año' })], { type: 'application/vnd.microsoft.activity' }));
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0xff]);
    form.append('file', new Blob([png], { type: 'image/png' }), '../../etc/foto.png');
    form.append('file', new Blob([Buffer.from('hola')], { type: 'text/plain;charset=utf-8' }), 'año "nuevo".txt');
    const { body, contentType } = await encode(form);
    const parts = await readMultipart(request(body, contentType), 1024 * 1024);
    expect(parts.map((p) => [p.name, p.filename, p.contentType])).toEqual([
      ['activity', 'blob', 'application/vnd.microsoft.activity'],
      ['file', '../../etc/foto.png', 'image/png'],
      ['file', 'año "nuevo".txt', 'text/plain'],
    ]);
    expect(JSON.parse(parts[0].data.toString('utf8'))).toEqual({ type: 'message', text: 'año' });
    expect(parts[1].data.equals(png)).toBe(true);
    expect(parts[2].data.toString('utf8')).toBe('hola');
  });

  it('reads plain fields and an empty form', async () => {
    const form = new FormData();
    form.append('activity', JSON.stringify({ type: 'message', text: 'ñ' }));
    const { body, contentType } = await encode(form);
    const parts = await readMultipart(request(body, contentType), 1024);
    expect(parts).toHaveLength(1);
    expect(parts[0]).toMatchObject({ name: 'activity', contentType: 'text/plain' });
    expect(parts[0].filename).toBeUndefined();
    expect(JSON.parse(parts[0].data.toString('utf8'))).toEqual({ type: 'message', text: 'ñ' });
    const empty = await encode(new FormData());
    expect(await readMultipart(request(empty.body, empty.contentType), 1024)).toEqual([]);
  });

  it.each<[string, string | undefined]>([
    ['no Content-Type', undefined],
    ['JSON', 'application/json'],
    ['multipart without boundary', 'multipart/form-data'],
    ['multipart with an empty boundary', 'multipart/form-data; boundary='],
  ])('answers 400 BadArgument before reading a body that is not multipart: %s', async (_name, contentType) => {
    const error = await failure(readMultipart(request(Buffer.from('{}'), contentType), 1024));
    expect(error).toMatchObject({ status: 400, code: 'BadArgument' });
  });

  it.each([
    [
      'cut before the closing delimiter',
      (b: string) => `--${b}\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\n\r\nhola`,
    ],
    ['no delimiter at all', () => 'solo texto'],
    ['a part header that never ends', (b: string) => `--${b}\r\nContent-Disposition: form-data; name="file"`],
  ])('answers 400 BadArgument for a malformed body: %s', async (_name, make) => {
    const boundary = 'XyZ123';
    const error = await failure(readMultipart(request(Buffer.from(make(boundary)), `multipart/form-data; boundary=${boundary}`), 1024));
    expect(error).toMatchObject({ status: 400, code: 'BadArgument' });
  });

  it('answers 400 BadArgument for more than 21 parts', async () => {
    const form = new FormData();
    for (let i = 0; i < 22; i += 1) form.append('file', new Blob(['x'], { type: 'text/plain' }), `${i}.txt`);
    const { body, contentType } = await encode(form);
    const error = await failure(readMultipart(request(body, contentType), 1024 * 1024));
    expect(error).toMatchObject({ status: 400, code: 'BadArgument' });
    form.delete('file');
    for (let i = 0; i < 21; i += 1) form.append('file', new Blob(['x'], { type: 'text/plain' }), `${i}.txt`);
    const ok = await encode(form);
    expect(await readMultipart(request(ok.body, ok.contentType), 1024 * 1024)).toHaveLength(21);
  });

  it.each([true, false])('answers 413 MessageSizeExceeded over the limit (Content-Length declared: %s)', async (declared) => {
    const form = new FormData();
    form.append('file', new Blob([Buffer.alloc(4096, 1)], { type: 'image/png' }), 'foto.png');
    const { body, contentType } = await encode(form);
    const error = await failure(readMultipart(request(body, contentType, declared), 1024));
    expect(error).toMatchObject({ status: 413, code: 'MessageSizeExceeded' });
  });
});
