import { fechaLarga, SOLICITUD_PDF as T } from '../../catalog';
import { printable } from './text';

import type { SolicitudClaveData } from '../../core/usecases/requestFirstClave';

/** Everything printed on a solicitud de clave personal; texts arrive already in plain Spanish. */
export type { SolicitudClaveData } from '../../core/usecases/requestFirstClave';

type Doc = PDFKit.PDFDocument;

const MARGIN = 50;
const GREEN = '#00573f';
const GREY = '#555555';
const BORDER = '#9a9a9a';
const LABEL_WIDTH = 170;
const PAD = 5;

function bottom(doc: Doc): number {
  return doc.page.height - doc.page.margins.bottom;
}

function ensureSpace(doc: Doc, height: number): void {
  if (doc.y + height > bottom(doc)) doc.addPage();
}

function heading(doc: Doc, data: SolicitudClaveData): void {
  const width = doc.page.width - 2 * MARGIN;
  doc.rect(MARGIN, MARGIN, width, 4).fill(GREEN);
  doc.moveDown(0.6);
  doc.font('Helvetica-Bold').fontSize(15).fillColor(GREEN).text(T.sigla, { align: 'center' });
  doc.font('Helvetica-Bold').fontSize(11).fillColor('black').text(T.institucion, { align: 'center' });
  doc.moveDown(0.8);
  doc.font('Helvetica-Bold').fontSize(17).text(T.titulo, { align: 'center' });
  doc.moveDown(0.5);
  doc.font('Helvetica').fontSize(10).fillColor(GREY);
  doc.text(printable(T.subtitulo(data.numero, fechaLarga(data.fecha))), { align: 'center' });
  doc.fillColor('black').moveDown(1.2);
}

function sectionTitle(doc: Doc, title: string): void {
  ensureSpace(doc, 40);
  doc.x = MARGIN;
  doc.font('Helvetica-Bold').fontSize(11.5).fillColor(GREEN).text(title, MARGIN, doc.y);
  doc.fillColor('black').moveDown(0.4);
}

function dataRows(data: SolicitudClaveData): Array<[string, string]> {
  const rows: Array<[string, string]> = [
    [T.campos.apellidos, data.apellidos],
    [T.campos.nombres, data.nombres],
    [data.tipoIdentificacion === 'cedula' ? T.campos.cedula : T.campos.codigo, data.identificacion],
    [T.campos.condicion, data.condicion],
    [T.campos.email, data.email],
    [T.campos.telefono, data.telefono],
  ];
  if (data.provincia) rows.push([T.campos.provincia, data.provincia]);
  if (data.empleador) rows.push([T.campos.empleador, data.empleador]);
  return rows;
}

function table(doc: Doc, rows: Array<[string, string]>): void {
  const width = doc.page.width - 2 * MARGIN;
  const valueWidth = width - LABEL_WIDTH - 2 * PAD;
  doc.fontSize(10);
  for (const [label, raw] of rows) {
    const value = printable(raw);
    doc.font('Helvetica');
    const height =
      Math.max(doc.heightOfString(value, { width: valueWidth }), doc.heightOfString(label, { width: LABEL_WIDTH - 2 * PAD })) + 2 * PAD;
    ensureSpace(doc, height);
    const y = doc.y;
    doc.rect(MARGIN, y, LABEL_WIDTH, height).fillAndStroke('#eef4f1', BORDER);
    doc.rect(MARGIN + LABEL_WIDTH, y, width - LABEL_WIDTH, height).stroke(BORDER);
    doc
      .fillColor('black')
      .font('Helvetica-Bold')
      .text(label, MARGIN + PAD, y + PAD, { width: LABEL_WIDTH - 2 * PAD });
    doc.font('Helvetica').text(value, MARGIN + LABEL_WIDTH + PAD, y + PAD, { width: valueWidth });
    doc.y = y + height;
  }
  doc.x = MARGIN;
  doc.moveDown(1);
}

function bullets(doc: Doc, items: string[]): void {
  const width = doc.page.width - 2 * MARGIN;
  doc.font('Helvetica').fontSize(10).fillColor('black');
  for (const item of items) {
    const text = printable(item);
    ensureSpace(doc, Math.min(doc.heightOfString(text, { width: width - 14 }), 40));
    const y = doc.y;
    doc.text('•', MARGIN + 2, y, { lineBreak: false });
    doc.text(text, MARGIN + 14, y, { width: width - 14 });
    doc.moveDown(0.3);
  }
  doc.x = MARGIN;
  doc.moveDown(0.8);
}

function signatures(doc: Doc, data: SolicitudClaveData): void {
  ensureSpace(doc, 110);
  const width = doc.page.width - 2 * MARGIN;
  const boxes: Array<[string, string]> = [[T.firmas.afiliado, `${data.nombres} ${data.apellidos} · ${data.identificacion}`]];
  if (data.empleador) boxes.push([T.firmas.empleador, data.empleador]);
  const boxWidth = (width - 40) / 2;
  const lineY = doc.y + 60;
  boxes.forEach(([title, who], index) => {
    const x = boxes.length === 1 ? MARGIN + (width - boxWidth) / 2 : MARGIN + index * (boxWidth + 40);
    doc
      .moveTo(x, lineY)
      .lineTo(x + boxWidth, lineY)
      .lineWidth(0.8)
      .stroke('black');
    doc
      .font('Helvetica-Bold')
      .fontSize(9.5)
      .fillColor('black')
      .text(title, x, lineY + 5, { width: boxWidth, align: 'center' });
    doc
      .font('Helvetica')
      .fontSize(9)
      .fillColor(GREY)
      .text(printable(who), x, lineY + 18, { width: boxWidth, align: 'center' });
  });
  doc.fillColor('black');
  doc.x = MARGIN;
  doc.y = lineY + 45;
}

function footer(doc: Doc): void {
  const text = T.pie;
  doc.font('Helvetica').fontSize(8).fillColor(GREY);
  ensureSpace(doc, 20);
  doc.text(text, MARGIN, doc.y, { width: doc.page.width - 2 * MARGIN, align: 'center' });
}

/**
 * Renders the printable solicitud de clave personal: a one- or two-page A4 PDF with the IESS heading, the
 * applicant's data, the documents to bring, the considerations and the signature lines (the employer's only
 * when `empleador` is set). Uses Helvetica (Windows-1252), so Spanish accents print correctly. pdfkit (and its
 * fonts) is loaded on the first solicitud, not at start-up: it is a fifth of a second of the cold start otherwise.
 */
export async function renderSolicitudClavePdf(data: SolicitudClaveData): Promise<Buffer> {
  const { default: PDFDocument } = await import('pdfkit');
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({
      size: 'A4',
      margin: MARGIN,
      lang: 'es-EC',
      displayTitle: true,
      info: {
        Title: printable(T.metadatos.titulo(data.numero)),
        Author: T.metadatos.autor,
        Subject: T.metadatos.asunto,
        CreationDate: data.fecha,
      },
    });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    try {
      heading(doc, data);
      sectionTitle(doc, T.secciones.solicitante);
      table(doc, dataRows(data));
      sectionTitle(doc, T.secciones.documentos);
      bullets(doc, data.documentos);
      if (data.notas.length > 0) {
        sectionTitle(doc, T.secciones.consideraciones);
        bullets(doc, data.notas);
      }
      signatures(doc, data);
      footer(doc);
      doc.end();
    } catch (err) {
      reject(err);
    }
  });
}
