import { DEFAULT_FOOTER, escapeHtml, renderEmail } from '../../bot/mail/layout';

describe('renderEmail', () => {
  const content = {
    title: 'Restablecimiento de su clave',
    paragraphs: ['Estimada Ana Pérez:', 'Recibimos su solicitud <b>"urgente"</b> & pendiente.'],
    link: { label: 'Crear nueva clave', url: 'https://bot.example.ec/clave/nueva?t=abc&x=1' },
  };

  it('renders accessible HTML in Spanish with every value escaped', () => {
    const { html } = renderEmail(content);
    expect(html).toContain('<html lang="es">');
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain('Recibimos su solicitud &lt;b&gt;&quot;urgente&quot;&lt;/b&gt; &amp; pendiente.');
    expect(html).not.toContain('<b>');
    expect(html).toContain('href="https://bot.example.ec/clave/nueva?t=abc&amp;x=1"');
    expect(html).toContain(escapeHtml(DEFAULT_FOOTER));
    expect(html).not.toMatch(/<img|<link|<script|<style|src=|url\(/i);
  });

  it('shows no web domain other than iess.gob.ec besides the given link', () => {
    const { html, text } = renderEmail(content);
    for (const body of [html, text]) {
      const domains = new Set(body.match(/\b(?:[a-z0-9-]+\.)+(?:ec|com|org|net)\b/gi));
      domains.delete('bot.example.ec');
      expect([...domains].every((d) => d.endsWith('iess.gob.ec'))).toBe(true);
    }
  });

  it('renders the same content as plain text', () => {
    const { text } = renderEmail(content);
    expect(text).toBe(
      [
        'Restablecimiento de su clave',
        'Estimada Ana Pérez:',
        'Recibimos su solicitud <b>"urgente"</b> & pendiente.',
        'Crear nueva clave:\nhttps://bot.example.ec/clave/nueva?t=abc&x=1',
        `--\n${DEFAULT_FOOTER}`,
      ].join('\n\n') + '\n',
    );
  });

  it('uses a custom footer and works without a link', () => {
    const { text, html } = renderEmail({ title: 'Aviso', paragraphs: ['Su trámite avanzó.'], footer: 'Pie <propio>' });
    expect(text).toBe('Aviso\n\nSu trámite avanzó.\n\n--\nPie <propio>\n');
    expect(html).toContain('Pie &lt;propio&gt;');
    expect(html).not.toContain('<a ');
  });

  it.each(['javascript:alert(1)', 'data:text/html,hola', 'ftp://iess.gob.ec/x', 'no es una url'])('rejects the link %s', (url) => {
    expect(() => renderEmail({ title: 'x', paragraphs: [], link: { label: 'x', url } })).toThrow();
  });
});
