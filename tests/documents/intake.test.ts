import PDFKit from 'pdfkit';
import { makePng, sha256 } from '../helpers/documentFiles';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { decode, encode } from 'jpeg-js';
import {
  inspectDocument,
  MAX_DOCUMENT_BYTES,
  MIN_IMAGE_HEIGHT,
  MIN_IMAGE_WIDTH,
  refusalMessage,
  stripJpegMetadata,
  type IntakeProblem,
  type IntakeResult,
  type RefusedDocument,
} from '../../core/documents';

// ---- Files generated for the tests -------------------------------------------------------------

async function makePdf(pages = 1): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let i = 0; i < pages; i++) doc.addPage([595, 842]).drawText('Solicitud de reinsercion laboral', { x: 50, y: 780, size: 14, font });
  return Buffer.from(await doc.save());
}

function pdfkitPdf(options: PDFKit.PDFDocumentOptions = {}): Promise<Buffer> {
  return new Promise((resolve) => {
    const doc = new PDFKit(options);
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.text('Cédula de ciudadanía');
    doc.end();
  });
}

/** Pads a PDF to exactly `size` bytes with a comment line just before `startxref` (offsets stay valid). */
function padPdf(pdf: Buffer, size: number): Buffer {
  const at = pdf.lastIndexOf('startxref');
  const filler = size - pdf.length - 2;
  const comment = Buffer.from(`%${'x'.repeat(filler)}\n`, 'latin1');
  return Buffer.concat([pdf.subarray(0, at), comment, pdf.subarray(at)]);
}

function makeJpeg(width: number, height: number): Buffer {
  const data = Buffer.alloc(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      data[i] = (x * 255) / width;
      data[i + 1] = (y * 255) / height;
      data[i + 2] = (x + y) % 256;
      data[i + 3] = 255;
    }
  }
  return encode({ width, height, data }, 85).data;
}

function segment(marker: number, payload: Buffer): Buffer {
  const header = Buffer.alloc(4);
  header.writeUInt16BE(0xff00 | marker, 0);
  header.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([header, payload]);
}

const GPS_SECRET = "GPS 0°10'S 78°29'W Quito casa";

/** An EXIF APP1 segment with GPS-like bytes (a TIFF header and a GPS IFD tag, plus readable coordinates). */
function exifApp1(): Buffer {
  const tiff = Buffer.concat([
    Buffer.from('MM\x00\x2a\x00\x00\x00\x08', 'latin1'),
    Buffer.from([0x00, 0x01, 0x88, 0x25, 0x00, 0x04, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x1a, 0x00, 0x00, 0x00, 0x00]),
    Buffer.from(GPS_SECRET, 'utf8'),
  ]);
  return segment(0xe1, Buffer.concat([Buffer.from('Exif\x00\x00', 'latin1'), tiff]));
}

/** Inserts segments right after SOI (and before the encoder's APP0), and optionally junk after EOI. */
function withSegments(jpeg: Buffer, segments: Buffer[], trailer = Buffer.alloc(0)): Buffer {
  return Buffer.concat([jpeg.subarray(0, 2), ...segments, jpeg.subarray(2), trailer]);
}

/** An iPhone-style HEIC header: `ftyp` box with major brand `heic` and compatible `mif1`. */
function makeHeic(): Buffer {
  const ftyp = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypheic\x00\x00\x00\x00mif1heic', 'latin1')]);
  return Buffer.concat([ftyp, Buffer.alloc(2000, 0x11)]);
}

function refused(result: IntakeResult): RefusedDocument {
  if (result.ok) throw new Error('se esperaba un rechazo');
  return result;
}

// ---- Fixtures built once ------------------------------------------------------------------------

let pdf: Buffer;
let jpeg: Buffer;

beforeAll(async () => {
  pdf = await makePdf();
  jpeg = makeJpeg(800, 600);
});

// ---- Accepted files ----------------------------------------------------------------------------

describe('inspectDocument accepts', () => {
  it.each([
    ['a pdf-lib PDF', async () => makePdf(2), 'pdf', 2],
    ['a pdfkit PDF', async () => pdfkitPdf(), 'pdf', 1],
    ['a PDF named ../../x.pdf', async () => makePdf(), 'pdf', 1],
  ] as const)('%s', async (_label, build, kind, pages) => {
    const bytes = await build();
    const result = await inspectDocument({ bytes, declaredName: '../../x.pdf', declaredType: 'application/pdf', purpose: 'cedula' });
    expect(result).toMatchObject({ ok: true, kind, mediaType: 'application/pdf', pages, safeName: 'cedula.pdf', size: bytes.length });
    if (!result.ok) return;
    expect(result.bytes.equals(bytes)).toBe(true);
    expect(result.sha256).toBe(sha256(bytes));
    expect(result.safeName).not.toMatch(/[/\\]|\.\./);
  });

  it.each([
    ['800×600 landscape', 800, 600],
    ['400×600 portrait (long/short sides)', MIN_IMAGE_HEIGHT, MIN_IMAGE_WIDTH],
    ['exactly the minimum', MIN_IMAGE_WIDTH, MIN_IMAGE_HEIGHT],
  ])('a JPEG %s', async (_label, width, height) => {
    const bytes = makeJpeg(width, height);
    const result = await inspectDocument({ bytes, declaredName: 'foto.jpg', purpose: 'solicitud' });
    expect(result).toMatchObject({ ok: true, kind: 'jpeg', mediaType: 'image/jpeg', width, height, safeName: 'solicitud.jpg' });
    if (!result.ok) return;
    expect(result.size).toBe(result.bytes.length);
    expect(result.sha256).toBe(sha256(result.bytes));
  });

  it('a JPEG whatever it is called or declared as (decided by bytes)', async () => {
    const result = await inspectDocument({
      bytes: jpeg,
      declaredName: 'documento.png',
      declaredType: 'image/png',
      purpose: 'codigo_extranjero',
    });
    expect(result).toMatchObject({ ok: true, kind: 'jpeg', safeName: 'codigo_extranjero.jpg' });
  });

  it.each([
    ['PDF', async () => padPdf(await makePdf(), MAX_DOCUMENT_BYTES), 'pdf'],
    ['JPEG (padded with metadata, stored stripped)', async () => padJpeg(jpeg, MAX_DOCUMENT_BYTES), 'jpeg'],
  ] as const)('a valid %s of exactly 1,048,576 bytes', async (_label, build, kind) => {
    const bytes = await build();
    expect(bytes.length).toBe(1_048_576);
    const result = await inspectDocument({ bytes, purpose: 'cedula' });
    expect(result).toMatchObject({ ok: true, kind });
  });
});

/** Pads a JPEG to exactly `size` bytes with COM segments (which stripping removes). */
function padJpeg(image: Buffer, size: number): Buffer {
  const segments: Buffer[] = [];
  let missing = size - image.length;
  while (missing > 0) {
    let take = Math.min(65537, missing);
    if (missing - take > 0 && missing - take < 4) take -= 4;
    segments.push(segment(0xfe, Buffer.alloc(take - 4, 0x41)));
    missing -= take;
  }
  return withSegments(image, segments);
}

// ---- Metadata stripping -------------------------------------------------------------------------

describe('stripJpegMetadata', () => {
  it('removes EXIF (GPS), XMP, IPTC, ICC, COM and trailing data; keeps JFIF; same pixels size', async () => {
    const xmp = segment(0xe1, Buffer.from('http://ns.adobe.com/xap/1.0/\x00<x:xmpmeta>GPSLatitude</x:xmpmeta>', 'latin1'));
    const iptc = segment(0xed, Buffer.from('Photoshop 3.0\x00IPTC autor', 'latin1'));
    const icc = segment(0xe2, Buffer.from('ICC_PROFILE\x00perfil', 'latin1'));
    const comment = segment(0xfe, Buffer.from('comentario secreto', 'latin1'));
    const dirty = withSegments(jpeg, [exifApp1(), xmp, iptc, icc, comment], Buffer.from('PK\x03\x04oculto', 'latin1'));
    expect(dirty.includes(GPS_SECRET)).toBe(true);

    const clean = stripJpegMetadata(dirty);
    for (const secret of [GPS_SECRET, 'Exif', 'xmpmeta', 'IPTC', 'ICC_PROFILE', 'comentario secreto', 'oculto']) {
      expect(clean.includes(secret)).toBe(false);
    }
    expect(clean.includes('JFIF')).toBe(jpeg.includes('JFIF'));
    expect(clean.subarray(-2)).toEqual(Buffer.from([0xff, 0xd9]));
    const before = decode(dirty, { useTArray: true });
    const after = decode(clean, { useTArray: true });
    expect([after.width, after.height]).toEqual([before.width, before.height]);
    expect(Buffer.from(after.data).equals(Buffer.from(before.data))).toBe(true);

    const result = await inspectDocument({ bytes: dirty, declaredName: 'IMG_0001.JPG', purpose: 'cedula' });
    expect(result).toMatchObject({ ok: true, width: 800, height: 600, size: clean.length, sha256: sha256(clean) });
    if (result.ok) expect(result.bytes.includes(GPS_SECRET)).toBe(false);
  });

  it('leaves a JPEG without metadata byte-for-byte (APP0 kept)', () => {
    expect(stripJpegMetadata(jpeg).equals(jpeg)).toBe(true);
  });

  it.each([
    ['a PNG', () => makePng()],
    ['a truncated JPEG', () => jpeg.subarray(0, jpeg.length >> 1)],
    ['a JPEG without image data', () => Buffer.from([0xff, 0xd8, 0xff, 0xd9])],
    ['an empty buffer', () => Buffer.alloc(0)],
  ])('throws on %s', (_label, build) => {
    expect(() => stripJpegMetadata(build())).toThrow();
  });
});

// ---- Refusals -----------------------------------------------------------------------------------

interface RefusalCase {
  label: string;
  build: () => Promise<Buffer> | Buffer;
  declaredName?: string;
  declaredType?: string;
  problem: IntakeProblem;
  detected?: string;
  says: RegExp[];
}

const refusals: RefusalCase[] = [
  { label: 'an empty file', build: () => Buffer.alloc(0), declaredName: 'cedula.pdf', problem: 'EMPTY', says: [/vacío/] },
  {
    label: 'a PNG renamed .jpg',
    build: () => makePng(),
    declaredName: 'cedula.jpg',
    declaredType: 'image/jpeg',
    problem: 'UNSUPPORTED_TYPE',
    detected: 'png',
    says: [/termina en \.jpg/, /una imagen PNG/],
  },
  {
    label: 'an iPhone HEIC photo',
    build: makeHeic,
    declaredName: 'IMG_1234.HEIC',
    problem: 'UNSUPPORTED_TYPE',
    detected: 'heic',
    says: [/HEIC/, /Más compatible/],
  },
  {
    label: 'a text file declared as application/pdf named x.pdf',
    build: () => Buffer.from('Solicitud de reinserción laboral\nNombre: Juan Pérez\nFirma:\n', 'utf8'),
    declaredName: 'x.pdf',
    declaredType: 'application/pdf',
    problem: 'UNSUPPORTED_TYPE',
    detected: 'text',
    says: [/termina en \.pdf/, /un archivo de texto/],
  },
  {
    label: 'a 1,048,577-byte valid PDF',
    build: async () => padPdf(await makePdf(), MAX_DOCUMENT_BYTES + 1),
    declaredName: 'solicitud.pdf',
    problem: 'TOO_LARGE',
    says: [/1025 KB/, /máximo permitido es 1 MB/],
  },
  {
    label: 'a 1,048,577-byte file of zeros',
    build: () => Buffer.alloc(MAX_DOCUMENT_BYTES + 1),
    problem: 'TOO_LARGE',
    says: [/1025 KB/],
  },
  {
    label: 'a truncated PDF (first half)',
    build: async () => (await makePdf()).subarray(0, (await makePdf()).length >> 1),
    declaredName: 'solicitud.pdf',
    problem: 'PDF_UNREADABLE',
    detected: 'pdf',
    says: [/dañado o incompleto/],
  },
  {
    label: 'a truncated pdfkit PDF (80 %, pdf-lib alone would load it)',
    build: async () => {
      const whole = await pdfkitPdf();
      return whole.subarray(0, Math.floor(whole.length * 0.8));
    },
    problem: 'PDF_UNREADABLE',
    detected: 'pdf',
    says: [/dañado o incompleto/],
  },
  {
    label: 'a truncated PDF with %%EOF glued on (caught by the parser)',
    build: async () => {
      const whole = await makePdf();
      return Buffer.concat([whole.subarray(0, whole.length >> 1), Buffer.from('\n%%EOF\n')]);
    },
    problem: 'PDF_UNREADABLE',
    detected: 'pdf',
    says: [/dañado o incompleto/],
  },
  {
    label: 'a PDF with junk before %PDF- (strict: header at offset 0)',
    build: async () => Buffer.concat([Buffer.from('junk\n'), await makePdf()]),
    problem: 'PDF_UNREADABLE',
    detected: 'pdf',
    says: [/PDF/],
  },
  {
    label: 'a password-protected PDF',
    build: () => pdfkitPdf({ userPassword: 'clave', ownerPassword: 'dueño' }),
    problem: 'PDF_ENCRYPTED',
    detected: 'pdf',
    says: [/contraseña/],
  },
  {
    label: 'a PDF encrypted with an owner password only (any encryption is refused)',
    build: () => pdfkitPdf({ ownerPassword: 'dueño', permissions: { printing: 'lowResolution' } }),
    problem: 'PDF_ENCRYPTED',
    detected: 'pdf',
    says: [/sin protección/],
  },
  {
    label: 'a PDF without pages',
    build: async () => Buffer.from(await (await PDFDocument.create()).save({ addDefaultPage: false })),
    problem: 'PDF_NO_PAGES',
    detected: 'pdf',
    says: [/ninguna página/],
  },
  {
    label: 'a tiny 100×100 JPEG',
    build: () => makeJpeg(100, 100),
    declaredName: 'cedula.jpg',
    problem: 'IMAGE_TOO_SMALL',
    detected: 'jpeg',
    says: [/mide 100 × 100 píxeles/, new RegExp(`al menos ${MIN_IMAGE_WIDTH} × ${MIN_IMAGE_HEIGHT} píxeles`)],
  },
  {
    label: 'a JPEG one pixel short (599 wide)',
    build: () => makeJpeg(MIN_IMAGE_WIDTH - 1, MIN_IMAGE_HEIGHT),
    problem: 'IMAGE_TOO_SMALL',
    detected: 'jpeg',
    says: [/al menos 600 × 400/],
  },
  {
    label: 'a truncated JPEG (first half)',
    build: () => makeJpeg(800, 600).subarray(0, makeJpeg(800, 600).length >> 1),
    declaredName: 'cedula.jpg',
    problem: 'IMAGE_UNREADABLE',
    detected: 'jpeg',
    says: [/dañada o incompleta/],
  },
  {
    label: 'a JPEG cut short with EOI glued on',
    build: () => Buffer.concat([jpeg.subarray(0, jpeg.length >> 1), Buffer.from([0xff, 0xd9])]),
    problem: 'IMAGE_UNREADABLE',
    detected: 'jpeg',
    says: [/dañada o incompleta/],
  },
  {
    label: 'a GIF',
    build: () => Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1'),
    problem: 'UNSUPPORTED_TYPE',
    detected: 'gif',
    says: [/GIF/],
  },
  {
    label: 'a WebP',
    build: () => Buffer.from('RIFF\x24\x00\x00\x00WEBPVP8 \x00\x00\x00\x00', 'latin1'),
    problem: 'UNSUPPORTED_TYPE',
    detected: 'webp',
    says: [/WEBP/],
  },
  {
    label: 'a TIFF scan',
    build: () => Buffer.from('II\x2a\x00\x08\x00\x00\x00\x00\x00', 'latin1'),
    problem: 'UNSUPPORTED_TYPE',
    detected: 'tiff',
    says: [/TIFF/],
  },
  {
    label: 'a Word DOCX',
    build: () => Buffer.from('PK\x03\x04\x14\x00\x00\x00\x08\x00[Content_Types].xml....word/document.xml', 'latin1'),
    declaredName: 'solicitud.docx',
    problem: 'UNSUPPORTED_TYPE',
    detected: 'docx',
    says: [/Word/, /fírmelo a mano/],
  },
  {
    label: 'a ZIP',
    build: () => Buffer.from('PK\x03\x04\x14\x00\x00\x00\x08\x00a.pdf', 'latin1'),
    problem: 'UNSUPPORTED_TYPE',
    detected: 'zip',
    says: [/ZIP/, /sin comprimir/],
  },
  {
    label: 'random binary',
    build: () => Buffer.from([0x00, 0x01, 0x02, 0x03, 0x9f, 0x00]),
    problem: 'UNSUPPORTED_TYPE',
    detected: 'unknown',
    says: [/no podemos abrir/],
  },
];

describe('inspectDocument refuses', () => {
  it.each(refusals.map((c) => [c.label, c] as const))('%s', async (_label, c) => {
    const result = refused(
      await inspectDocument({ bytes: await c.build(), declaredName: c.declaredName, declaredType: c.declaredType, purpose: 'cedula' }),
    );
    expect(result.problem).toBe(c.problem);
    if (c.detected) expect(result.detected).toBe(c.detected);
    const message = refusalMessage(result, c.declaredName);
    for (const pattern of c.says) expect(message).toMatch(pattern);
    expect(message).toMatch(/Envíe/);
    expect(message).toMatch(/JPG o PDF/);
    expect(message).toMatch(/máximo 1 MB/);
    expect(message).toMatch(/legible/);
    expect(message).not.toMatch(/\b(the|file|please|error|undefined|null)\b/i);
  });
});

describe('refusal messages', () => {
  it('explain a declared type when there is no name', async () => {
    const result = refused(
      await inspectDocument({ bytes: Buffer.from('hola\n'), declaredType: 'application/pdf; charset=binary', purpose: 'solicitud' }),
    );
    expect(result).toMatchObject({ problem: 'UNSUPPORTED_TYPE', detected: 'text', claimed: 'pdf' });
    expect(refusalMessage(result)).toMatch(/se envió como un PDF, pero en realidad es un archivo de texto/);
  });

  it('never echo the client name, only a short extension', async () => {
    const name = '<b>C:\\fakepath\\../../<script>alert(1)</script>.jpg';
    const result = refused(await inspectDocument({ bytes: makePng(), declaredName: name, purpose: 'cedula' }));
    const message = refusalMessage(result, name);
    expect(message).toMatch(/termina en \.jpg/);
    expect(message).not.toMatch(/script|fakepath|<|\.\.\//);
  });

  it('one distinct message per problem', () => {
    const problems: IntakeProblem[] = [
      'EMPTY',
      'TOO_LARGE',
      'UNSUPPORTED_TYPE',
      'PDF_UNREADABLE',
      'PDF_ENCRYPTED',
      'PDF_NO_PAGES',
      'IMAGE_UNREADABLE',
      'IMAGE_TOO_SMALL',
    ];
    const messages = new Set(problems.map((problem) => refusalMessage({ ok: false, problem })));
    expect(messages.size).toBe(problems.length);
  });
});

describe('inspectDocument input', () => {
  it('refuses an unknown purpose instead of naming a file after it', async () => {
    const purpose = '../x' as unknown as 'cedula';
    await expect(inspectDocument({ bytes: pdf, purpose })).rejects.toThrow(TypeError);
  });
});
