import fixtures from '../../prisma/fixtures/demo-afiliados.json';
import { consideracionesClave, DOCUMENTOS_ENTREGA_CLAVE } from '../../catalog/es-EC/claveSolicitud';
import { renderSolicitudClavePdf, type SolicitudClaveData } from '../../bot/documents/solicitudClavePdf';
import { fechaLarga, printable } from '../../bot/documents/text';
import { extractPdf } from './pdfText';

interface DemoAfiliado {
  cedula?: string;
  nombres: string;
  apellidos: string;
  email: string;
  telefono: string;
  provincia: string;
  condicion: string;
  empleadorActual?: { razonSocial: string };
}

const CONDICIONES: Record<string, string> = {
  AFILIADO_DEPENDENCIA: 'Afiliado(a) en relación de dependencia',
  AFILIADO_CESANTE: 'Afiliado(a) cesante',
};

/** 22 November 2026, 10:00 in Ecuador. */
const FECHA = new Date('2026-11-22T10:00:00-05:00');

function solicitud(nombres: string, numero: string): SolicitudClaveData {
  const person = (fixtures.afiliados as DemoAfiliado[]).find((a) => a.nombres === nombres);
  if (!person?.cedula) throw new Error(`No está en los datos de demostración: ${nombres}`);
  const dependencia = person.condicion === 'AFILIADO_DEPENDENCIA';
  return {
    numero,
    fecha: FECHA,
    nombres: person.nombres,
    apellidos: person.apellidos,
    identificacion: person.cedula,
    tipoIdentificacion: 'cedula',
    condicion: CONDICIONES[person.condicion],
    email: person.email,
    telefono: person.telefono,
    provincia: person.provincia,
    empleador: dependencia ? person.empleadorActual?.razonSocial : undefined,
    documentos: [...DOCUMENTOS_ENTREGA_CLAVE],
    notas: consideracionesClave({ dependencia, jubiladoOPensionista: false }),
  };
}

/** The extracted text with every run of white space (line breaks included) as one space. */
function flat(text: string): string {
  return text.replace(/\s+/g, ' ');
}

describe('renderSolicitudClavePdf', () => {
  it('prints María Fernanda’s solicitud with her employer’s signature line', async () => {
    const data = solicitud('María Fernanda', 'CL-2026-000001');
    const pdf = await renderSolicitudClavePdf(data);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const { pages, text } = await extractPdf(pdf);
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(pages).toBeLessThanOrEqual(2);
    const all = flat(text);
    expect(all).toContain('Solicitud de clave personal');
    expect(all).toContain('INSTITUTO ECUATORIANO DE SEGURIDAD SOCIAL');
    expect(all).toContain('CL-2026-000001');
    expect(all).toContain('22 de noviembre de 2026');
    expect(all).toContain('María Fernanda Guamán Lema');
    expect(all).toContain('1744180744');
    expect(all).toContain('Cédula de ciudadanía');
    expect(all).toContain('Afiliado(a) en relación de dependencia');
    expect(all).toContain('Textiles Andinos S.A.');
    for (const documento of DOCUMENTOS_ENTREGA_CLAVE) expect(all).toContain(documento);
    expect(all).toContain('su empleador(a) debe calificar, firmar y sellar esta solicitud');
    expect(all).toContain('Firma del afiliado(a) / pensionista');
    expect(all).toContain('Firma y sello del empleador');
  });

  it('prints Ana Lucía’s solicitud without an employer', async () => {
    const data = solicitud('Ana Lucía', 'CL-2026-000002');
    const pdf = await renderSolicitudClavePdf(data);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const { pages, text } = await extractPdf(pdf);
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(pages).toBeLessThanOrEqual(2);
    const all = flat(text);
    expect(all).toContain('CL-2026-000002');
    expect(all).toContain('Ana Lucía Zambrano Vera');
    expect(all).toContain('1311108789');
    expect(all).toContain('Afiliado(a) cesante');
    expect(all).toContain('Manabí');
    for (const documento of DOCUMENTOS_ENTREGA_CLAVE) expect(all).toContain(documento);
    expect(all).toContain('Firma del afiliado(a) / pensionista');
    expect(all).not.toContain('Firma y sello del empleador');
    expect(all).not.toContain('Empleador');
  });

  it('labels a foreigner’s código de identificación and flows long notes onto a second page', async () => {
    const notas = Array.from(
      { length: 14 },
      (_, i) => `Consideración número ${i + 1}: ${'texto de relleno con tildes áéíóú ñ '.repeat(4)}`,
    );
    const pdf = await renderSolicitudClavePdf({
      ...solicitud('Ana Lucía', 'CL-2026-000003'),
      nombres: 'Valentina',
      apellidos: 'Rojas Pérez',
      identificacion: 'EC-EXT-0045871',
      tipoIdentificacion: 'codigo_extranjero',
      notas,
    });
    const { pages, text } = await extractPdf(pdf);
    expect(pages).toBe(2);
    const all = flat(text);
    expect(all).toContain('Código de identificación EC-EXT-0045871');
    expect(all).not.toContain('Cédula de ciudadanía');
    expect(all).toContain('Consideración número 14');
    expect(all).toContain('Valentina Rojas Pérez');
  });
});

describe('document text helpers', () => {
  it('writes the date as in Ecuador, not as on the server', () => {
    expect(fechaLarga(new Date('2026-11-22T10:00:00-05:00'))).toBe('22 de noviembre de 2026');
    expect(fechaLarga(new Date('2026-01-01T03:00:00Z'))).toBe('31 de diciembre de 2025');
  });

  it('composes accents and marks characters the standard fonts cannot draw', () => {
    expect(printable('Mari\u0301a Guama\u0301n')).toBe('María Guamán');
    expect(printable('¿Qué? ¡Sí! pingüino € “ok”')).toBe('¿Qué? ¡Sí! pingüino € “ok”');
    expect(printable('Łódź 😀\u0007')).toBe('?ód? ? ');
  });
});
