/** Size limits for documents attached in the chat ("formato JPG o PDF (peso máximo 1MB)"). */

/** 1 MB = 1,048,576 bytes; a file of 1,048,577 bytes is refused. */
export const MAX_DOCUMENT_BYTES = 1024 * 1024;

/**
 * Minimum long side of an image, in pixels (either orientation: EXIF rotation is stripped, so width
 * and height are compared as long/short sides). A cédula (85.6 × 54 mm) at 600 px is ≈ 180 dpi, and a
 * 200-dpi scan of it (≈ 674 × 425) passes; an A4 page at 600 × 849 is ≈ 72 dpi, the floor for 12-pt text.
 */
export const MIN_IMAGE_WIDTH = 600;

/** Minimum short side of an image, in pixels (see {@link MIN_IMAGE_WIDTH}). */
export const MIN_IMAGE_HEIGHT = 400;

/** Largest JPEG the decoder will expand, in megapixels: a guard against decompression bombs. */
export const MAX_IMAGE_MEGAPIXELS = 50;
