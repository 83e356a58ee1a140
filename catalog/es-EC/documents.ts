/** Document refusals and receipts in the chat (usted, short sentences): what was wrong and what to send instead. */
import type { AcceptedDocumentFacts, DetectedKind, DocumentPurposeName, DocumentRefusalFacts } from '../../core/domain/cases';

/** What a refusal needs beyond the document's facts: the client's extension and what it claims, and the size floor. */
export interface RefusalContext {
  /** Extension of the client's file name, when short and alphanumeric. */
  ext?: string;
  /** The kind that extension claims, when recognised. */
  extKind?: DetectedKind;
  minWidth: number;
  minHeight: number;
}

/** A file kind in words, with its article, for "en realidad es …". */
const KIND_WORDS: Record<DetectedKind, string> = {
  pdf: 'un PDF',
  jpeg: 'una imagen JPG',
  png: 'una imagen PNG',
  gif: 'una imagen GIF',
  webp: 'una imagen WEBP',
  heic: 'una foto HEIC (el formato de fotos del iPhone)',
  avif: 'una imagen AVIF',
  tiff: 'una imagen TIFF',
  bmp: 'una imagen BMP',
  video: 'un video',
  docx: 'un documento de Word (DOCX)',
  zip: 'un archivo comprimido (ZIP)',
  doc: 'un documento de Office (DOC o XLS)',
  text: 'un archivo de texto',
  unknown: 'un tipo de archivo que no podemos abrir',
};

/** What to do instead, by what the file really is. */
const KIND_ADVICE: Partial<Record<DetectedKind, string>> = {
  heic: 'En el iPhone, vaya a Ajustes > Cámara > Formatos y elija «Más compatible»; así sus fotos se guardan en JPG.',
  docx: 'Imprima el documento, fírmelo a mano y envíelo escaneado o fotografiado.',
  doc: 'Imprima el documento, fírmelo a mano y envíelo escaneado o fotografiado.',
  text: 'Necesitamos el documento escaneado o fotografiado, no un archivo de texto.',
  zip: 'Adjunte cada documento por separado, sin comprimir.',
  video: 'Necesitamos una foto o un escaneo del documento, no un video.',
};

const IMAGE_KINDS = new Set<DetectedKind>(['png', 'gif', 'webp', 'avif', 'tiff', 'bmp']);

/** The closing every refusal shares: exactly what is accepted. */
const SEND_INSTEAD = 'Envíelo en formato JPG o PDF, de máximo 1 MB, completo, legible y, si es la solicitud, firmado.';

/** A file size in words: "1025 KB" just above the limit, "5,3 MB" well above it. */
function weight(size: number): string {
  const twoMegabytes = 2 * 1024 * 1024;
  if (size < twoMegabytes) return `${Math.ceil(size / 1024)} KB`;
  return `${(size / (1024 * 1024)).toFixed(1).replace('.', ',')} MB`;
}

function unsupportedType(result: DocumentRefusalFacts, context: RefusalContext): string {
  const detected = result.detected ?? 'unknown';
  const { ext, extKind: claimed } = context;
  let what = `Su archivo es ${KIND_WORDS[detected]}.`;
  if (ext !== undefined && claimed !== detected) {
    what = `Su archivo termina en .${ext}, pero en realidad es ${KIND_WORDS[detected]}.`;
  } else if (ext === undefined && result.claimed !== undefined && result.claimed !== detected) {
    what = `Su archivo se envió como ${KIND_WORDS[result.claimed]}, pero en realidad es ${KIND_WORDS[detected]}.`;
  }
  const advice = KIND_ADVICE[detected] ?? (IMAGE_KINDS.has(detected) ? 'Conviértala a JPG o guárdela como PDF.' : undefined);
  return [what, advice, SEND_INSTEAD].filter(Boolean).join(' ');
}

/**
 * The message for a refused document: what was wrong and what to send instead (JPG or PDF, máximo 1 MB,
 * legible, firmado). The client's extension only explains a mismatch ("termina en .jpg, pero es una imagen PNG").
 */
export function documentRefusal(result: DocumentRefusalFacts, context: RefusalContext): string {
  switch (result.problem) {
    case 'EMPTY':
      return `El archivo llegó vacío (0 bytes). Adjúntelo de nuevo. ${SEND_INSTEAD}`;
    case 'TOO_LARGE': {
      const weighs = result.size !== undefined ? `Su archivo pesa ${weight(result.size)}` : 'Su archivo pesa más de 1 MB';
      return (
        `${weighs} y el máximo permitido es 1 MB (1024 KB). ` +
        'Escanee a 200 ppp o tome la foto con menor resolución, cuidando que se lea bien. ' +
        SEND_INSTEAD
      );
    }
    case 'UNSUPPORTED_TYPE':
      return unsupportedType(result, context);
    case 'PDF_UNREADABLE':
      return `No pudimos abrir su PDF: está dañado o incompleto, quizás no terminó de subirse. Genérelo o escanéelo de nuevo. ${SEND_INSTEAD}`;
    case 'PDF_ENCRYPTED':
      return `Su PDF está protegido con contraseña o cifrado, y no podemos revisarlo. Envíe una copia sin protección. ${SEND_INSTEAD}`;
    case 'PDF_NO_PAGES':
      return `Su PDF no tiene ninguna página. Escanee de nuevo el documento completo. ${SEND_INSTEAD}`;
    case 'IMAGE_UNREADABLE':
      return `No pudimos abrir su imagen JPG: está dañada o incompleta, quizás no terminó de subirse. Tome la foto o escanee el documento de nuevo. ${SEND_INSTEAD}`;
    case 'IMAGE_TOO_SMALL': {
      const measured =
        result.width !== undefined && result.height !== undefined ? `mide ${result.width} × ${result.height} píxeles y ` : '';
      return (
        `Su imagen ${measured}es demasiado pequeña para leerse. ` +
        `Necesitamos al menos ${context.minWidth} × ${context.minHeight} píxeles. ` +
        'Tome la foto de cerca, con buena luz y el documento completo, o escanéelo. ' +
        SEND_INSTEAD
      );
    }
  }
}

/** Refusal for an attachment the channel could not give us (no link, unknown link, another conversation's file). */
export const UNREADABLE_ATTACHMENT_MESSAGE = `No pudimos abrir el archivo adjunto. Adjúntelo de nuevo desde este mismo chat. ${SEND_INSTEAD}`;

/** Refusal when the document storage could not keep the file (full disk, storage down): nothing was kept. */
export const STORAGE_UNAVAILABLE_MESSAGE =
  'No pudimos guardar su archivo en este momento y no quedó nada guardado. Por favor, envíelo de nuevo en unos minutos.';

/** Refusal once a citizen sent too many files in one hour. */
export function uploadLimitMessage(minutes: number): string {
  const wait = Math.max(1, minutes);
  return `Recibimos muchos archivos suyos en la última hora. Por su seguridad, espere ${wait} minuto${wait === 1 ? '' : 's'} antes de enviar otro.`;
}

/** Each requirement in words, with its article, for "Recibimos …". */
const PURPOSE_WORDS: Record<DocumentPurposeName, string> = {
  cedula: 'su cédula',
  solicitud: 'su solicitud de autorización',
  codigo_extranjero: 'el documento de su código de identificación',
  complemento: 'su documento',
};

/**
 * An accepted document in words, for the chat: "su cédula, en PDF de 1 página (48 KB)" or "su solicitud de
 * autorización, en imagen JPG de 1200 × 800 píxeles (230 KB)". Never uses the client's file name.
 */
export function documentDescription<T extends AcceptedDocumentFacts>(purpose: DocumentPurposeName, accepted: T): string {
  const size = `${Math.max(1, Math.ceil(accepted.size / 1024))} KB`;
  if (accepted.kind === 'pdf') {
    const pages = accepted.pages ?? 1;
    return `${PURPOSE_WORDS[purpose]}, en PDF de ${pages} página${pages === 1 ? '' : 's'} (${size})`;
  }
  return `${PURPOSE_WORDS[purpose]}, en imagen JPG de ${accepted.width ?? 0} × ${accepted.height ?? 0} píxeles (${size})`;
}
