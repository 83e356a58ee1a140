/** What the client claims a file is, from its name's extension or its declared media type; explains refusals only. */
import type { DetectedKind } from '../domain/cases';

const EXTENSION_KINDS: Record<string, DetectedKind> = {
  pdf: 'pdf',
  jpg: 'jpeg',
  jpeg: 'jpeg',
  jpe: 'jpeg',
  jfif: 'jpeg',
  png: 'png',
  gif: 'gif',
  webp: 'webp',
  heic: 'heic',
  heif: 'heic',
  avif: 'avif',
  tif: 'tiff',
  tiff: 'tiff',
  bmp: 'bmp',
  mp4: 'video',
  mov: 'video',
  docx: 'docx',
  doc: 'doc',
  xls: 'doc',
  zip: 'zip',
  txt: 'text',
};

/**
 * The extension of a client-supplied file name, lower-cased, if it is short and alphanumeric; the rest
 * of the name (paths, markup, control characters) is never echoed back.
 */
export function safeExtension(declaredName: string | undefined): string | undefined {
  if (!declaredName) return undefined;
  const base = declaredName.split(/[\\/]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  if (dot < 0) return undefined;
  const ext = base.slice(dot + 1).toLowerCase();
  return /^[a-z0-9]{1,5}$/.test(ext) ? ext : undefined;
}

const MEDIA_TYPE_KINDS: Record<string, DetectedKind> = {
  'application/pdf': 'pdf',
  'image/jpeg': 'jpeg',
  'image/jpg': 'jpeg',
  'image/pjpeg': 'jpeg',
  'image/png': 'png',
  'image/gif': 'gif',
  'image/webp': 'webp',
  'image/heic': 'heic',
  'image/heif': 'heic',
  'image/avif': 'avif',
  'image/tiff': 'tiff',
  'image/bmp': 'bmp',
  'application/zip': 'zip',
  'text/plain': 'text',
  'application/msword': 'doc',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
};

/** The kind a client claims through a declared media type (parameters such as `; charset=` ignored), if recognised. */
export function kindFromMediaType(declaredType: string | undefined): DetectedKind | undefined {
  const type = declaredType?.split(';')[0].trim().toLowerCase();
  return type !== undefined && Object.prototype.hasOwnProperty.call(MEDIA_TYPE_KINDS, type) ? MEDIA_TYPE_KINDS[type] : undefined;
}

/** The kind a client claims through a file name's extension, if recognised. */
export function kindFromExtension(ext: string | undefined): DetectedKind | undefined {
  return ext !== undefined && Object.prototype.hasOwnProperty.call(EXTENSION_KINDS, ext) ? EXTENSION_KINDS[ext] : undefined;
}
