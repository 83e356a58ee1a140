import { EMAIL_FOOTER, EMAIL_LAYOUT } from '../../catalog';

/** Footer of every citizen e-mail (the catalog's EMAIL_FOOTER): the only contact channels and web domain shown. */
export const DEFAULT_FOOTER = EMAIL_FOOTER;

/** Content of one e-mail: a title, paragraphs of plain Spanish text and at most one call-to-action link. */
export interface EmailContent {
  title: string;
  paragraphs: string[];
  link?: { label: string; url: string };
  footer?: string;
}

const FONT = 'font-family:Arial,Helvetica,sans-serif;';

/** Escapes a value for HTML text and double-quoted attributes. */
export function escapeHtml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

function safeLinkUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error('The e-mail link is not a valid URL.');
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new Error('The e-mail link must use http or https.');
  }
  return parsed.href;
}

function paragraphHtml(text: string, style: string): string {
  const lines = text.split(/\r?\n/).map(escapeHtml).join('<br>');
  return `<p style="${style}">${lines}</p>`;
}

/**
 * Renders the same content as plain text and as simple, accessible HTML (lang="es", inline styles, no
 * images or external resources). Every value is HTML-escaped and the link must be http(s), so callers may
 * pass citizen-supplied text safely.
 */
export function renderEmail(content: EmailContent): { text: string; html: string } {
  const footer = content.footer ?? DEFAULT_FOOTER;
  const url = content.link ? safeLinkUrl(content.link.url) : undefined;

  const textParts = [content.title, ...content.paragraphs];
  if (content.link && url) textParts.push(`${content.link.label}:\n${url}`);
  textParts.push(`--\n${footer}`);
  const text = `${textParts.join('\n\n')}\n`;

  const body = `${FONT}font-size:16px;line-height:1.5;color:#1a1a1a;margin:0 0 16px 0;`;
  const htmlParts = [
    `<h1 style="${FONT}font-size:22px;line-height:1.3;color:#003b71;margin:0 0 16px 0;">${escapeHtml(content.title)}</h1>`,
    ...content.paragraphs.map((p) => paragraphHtml(p, body)),
  ];
  if (content.link && url) {
    const href = escapeHtml(url);
    htmlParts.push(
      `<p style="${body}"><a href="${href}" style="${FONT}display:inline-block;padding:12px 20px;background:#003b71;color:#ffffff;text-decoration:underline;border-radius:4px;font-weight:bold;">${escapeHtml(content.link.label)}</a></p>`,
      `<p style="${FONT}font-size:14px;line-height:1.5;color:#333333;margin:0 0 16px 0;">${escapeHtml(EMAIL_LAYOUT.copyLink)}<br><span style="word-break:break-all;">${href}</span></p>`,
    );
  }
  htmlParts.push(
    `<hr style="border:none;border-top:1px solid #cccccc;margin:24px 0 16px 0;">`,
    paragraphHtml(footer, `${FONT}font-size:13px;line-height:1.5;color:#4d4d4d;margin:0;`),
  );

  const html = [
    '<!DOCTYPE html>',
    '<html lang="es">',
    '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(content.title)}</title></head>`,
    '<body style="margin:0;padding:0;background:#f4f4f4;">',
    `<div role="article" aria-label="${escapeHtml(content.title)}" lang="es" style="max-width:600px;margin:0 auto;padding:24px;background:#ffffff;">`,
    ...htmlParts,
    '</div>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
  return { text, html };
}
