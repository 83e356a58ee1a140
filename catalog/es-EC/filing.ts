import { CONTACTO } from './contact';
import { ESTADO_EXPLICACION, ESTADO_NOMBRE, PENSION_NOMBRE, formatFecha } from './cases';
import { CASO_PRESENTADO, TIPO_NOMBRE } from './tramites';
import type { EmailContent } from './emails';
import type { CaseHistoryView, CaseStatusView, FilingProfile, FilingTypeName, IneligibilityReason } from '../../core/domain/cases';

/** Plain-Spanish name of each kind of stored document (Document.tipo). */
export const DOCUMENTO_TIPO_NOMBRE: Record<string, string> = {
  cedula: 'Cédula',
  solicitud: 'Solicitud de autorización',
  codigo_extranjero: 'Documento del código de identificación',
  complemento: 'Documento adicional',
  SOLICITUD_CLAVE: 'Solicitud de clave personal',
};

/** Notes written into a case's history, shown to the citizen. */
export const FILING_NOTAS = {
  recibido: 'Recibimos su solicitud en el asistente virtual.',
  documentoRecibido: 'Recibimos el documento que faltaba.',
} as const;

/** Author recorded on the first event of a case the citizen filed from the chat. */
export const FILING_AUTOR_CHAT = 'ciudadano (chat)';

const SEGUIMIENTO =
  'Para ver cómo avanza, escriba "mis trámites" en el chat del IESS. También puede consultarlo con el número del trámite y su cédula.';
const SI_ES_ERROR = `Si cree que es un error, llame al ${CONTACTO.telefono} o escriba a ${CONTACTO.correo}.`;

const NO_CUMPLE_RELIQUIDACION = [
  'Según nuestros registros, usted no cumple las condiciones para pedir la reliquidación de pensiones.',
  SI_ES_ERROR,
].join('\n');

/** Sentences of the reliquidación de pensiones journey (seed 000). */
export const RELIQ = {
  noCumple: NO_CUMPLE_RELIQUIDACION,
  noElegible: {
    NO_PENSIONISTA: [
      'La reliquidación de pensiones es para pensionistas del Seguro General de Pensiones: por vejez, invalidez o montepío (muerte).',
      'En nuestros registros usted no tiene una de esas pensiones, por eso no puedo presentar esta solicitud.',
      SI_ES_ERROR,
    ].join('\n'),
    SEGURO_DISTINTO: [
      'Su pensión es del Seguro de Riesgos del Trabajo. La reliquidación de pensiones es solo para pensionistas del Seguro General de Pensiones (vejez, invalidez o muerte).',
      'Por eso no puedo presentar esta solicitud.',
      SI_ES_ERROR,
    ].join('\n'),
    APORTES_PENDIENTES: [
      'Según nuestros registros, hay aportes pendientes de pago a su nombre.',
      'La reliquidación solo se puede pedir cuando el empleador ya pagó todos los aportes pendientes. Ese pago lo debe hacer su empleador.',
      `Puede revisar sus aportes en su historial laboral, en el portal ${CONTACTO.portal}. Cuando estén pagados, vuelva a escribirme.`,
    ].join('\n'),
    SIN_CORREO: [
      'Para pedir la reliquidación necesita un correo electrónico válido y activo, y no tenemos uno registrado a su nombre.',
      `Regístrelo en el portal ${CONTACTO.portal}, en la opción para actualizar sus datos personales (dirección, teléfono y correo). El cambio queda registrado de inmediato.`,
      'Después vuelva a escribirme.',
    ].join('\n'),
    INCAPACIDAD_NO_TOTAL: NO_CUMPLE_RELIQUIDACION,
  } satisfies Record<Exclude<IneligibilityReason, 'CASO_ABIERTO'>, string>,
  casoAbierto: (numero: string, estado: string) =>
    `Ya tiene una solicitud de reliquidación de pensiones en curso: ${numero} (estado: ${estado}). No hace falta presentarla otra vez.\n${SEGUIMIENTO}`,
  resumen: (p: FilingProfile) => {
    const pension = PENSION_NOMBRE[p.pensionTipo ?? ''] ?? 'Seguro General';
    return [
      'Revise los datos de su solicitud de reliquidación de pensiones:',
      `• Nombre: ${p.nombres} ${p.apellidos}`,
      `• ${p.tipoIdentificacion === 'cedula' ? 'Cédula' : 'Código de identificación'}: ${p.identificacionMasked}`,
      `• Pensión: ${pension}, del Seguro General`,
      `• Correo donde le enviaremos la confirmación: ${p.maskedEmail ?? 'no registrado'}`,
      `Si el trámite termina con éxito, usted recibirá el acuerdo de concesión de reliquidación de la renta de su pensión de ${pension}.`,
      'El trámite no tiene costo.',
    ].join('\n');
  },
  confirmar: '¿Quiere presentar la solicitud?',
  confirmarSiNo: 'Por favor responda "sí" o "no".',
  si: 'Sí',
  no: 'No',
  presentada: (numero: string, maskedEmail?: string) =>
    [
      `Listo. Su solicitud de reliquidación de pensiones quedó registrada con el número ${numero}.`,
      maskedEmail ? `Le enviamos la confirmación a ${maskedEmail}.` : 'Guarde este número para consultar su trámite.',
      SEGUIMIENTO,
    ].join('\n'),
  noPresentada: 'Entendido. No presenté ninguna solicitud. Puede hacerlo cuando quiera.',
  ayuda:
    'Estoy por presentar su solicitud de reliquidación de pensiones con los datos que le mostré. Responda "sí" para presentarla o "no" para dejarla para otro momento.',
} as const;

function lineasCaso(view: CaseStatusView): string[] {
  const lines = [
    `${TIPO_NOMBRE[view.tipo]}: ${view.numero}`,
    `Estado: ${ESTADO_NOMBRE[view.estado]}, desde el ${formatFecha(view.fecha)}.`,
  ];
  if (view.nota) lines.push(`Nota: ${view.nota}`);
  return lines;
}

const TERMINAR = 'Nada más, gracias';

/** Sentences of the "mis trámites" journey. */
export const MIS = {
  sinTramites: 'Todavía no tiene trámites registrados a su nombre.',
  lista: (cases: readonly CaseStatusView[], total: number) =>
    [
      total === 1
        ? 'Este es su trámite:'
        : total > cases.length
          ? `Tiene ${total} trámites. Estos son los ${cases.length} más recientes:`
          : `Estos son sus ${total} trámites:`,
      ...cases.map((c) => lineasCaso(c).join('\n')),
    ].join('\n\n'),
  elegir: 'Para ver el historial de un trámite, elija su número.',
  elegirOtro: '¿Quiere ver otro trámite? Elija su número.',
  elegirInvalido: `Elija uno de los números de trámite de la lista, o "${TERMINAR}".`,
  volver: TERMINAR,
  verOtro: 'Ver otro trámite',
  enviarDocumento: 'Enviar el documento que falta',
  historial: (h: CaseHistoryView) =>
    [
      `Trámite ${h.numero} (${TIPO_NOMBRE[h.tipo]}), presentado el ${formatFecha(h.creado)}.`,
      `Estado actual: ${ESTADO_NOMBRE[h.estado]}. ${ESTADO_EXPLICACION[h.estado]}`,
      '',
      'Historial:',
      ...h.eventos.map((e) => `• ${formatFecha(e.fecha)}: ${ESTADO_NOMBRE[e.estado]}.${e.nota ? ` ${e.nota}` : ''}`),
      '',
      h.documentos.length > 0 ? 'Documentos:' : 'Documentos: este trámite no tiene documentos adjuntos.',
      ...h.documentos.map((d) => `• ${DOCUMENTO_TIPO_NOMBRE[d.tipo] ?? d.tipo}, recibido el ${formatFecha(d.fecha)}.`),
    ].join('\n'),
  requiereDocumento: (nota?: string) =>
    `Este trámite espera un documento de usted${nota ? `. El IESS le pide: ${nota}` : '.'}\n¿Quiere enviarlo ahora?`,
  pedido: (nota?: string) => (nota ? `Adjunte el documento que le pide el IESS: ${nota}` : 'Adjunte el documento que le pidió el IESS.'),
  elegirAccion: 'Por favor elija una de las opciones.',
  documentoAgregado: (numero: string) => `Listo. Agregué el documento a su trámite ${numero} y el trámite volvió a revisión.`,
  documentoNoAgregado: 'No pude agregar el documento: este trámite ya no espera documentos. Revise su estado en "Mis trámites".',
  ayuda: `Aquí ve sus trámites con su estado. Elija el número de un trámite para ver su historial y sus documentos, o "${TERMINAR}".`,
} as const;

/** Confirms to the citizen that a reliquidación or reinserción was filed from the chat. */
export function filingConfirmationEmail(options: {
  tipo: FilingTypeName;
  nombres: string;
  numero: string;
  fecha: Date;
  pensionTipo?: string;
}): EmailContent {
  return {
    subject: `IESS: recibimos su solicitud ${options.numero}`,
    title: CASO_PRESENTADO[options.tipo].titulo,
    paragraphs: [
      `Estimado(a) ${options.nombres}:`,
      `El ${formatFecha(options.fecha)} registramos su solicitud de ${TIPO_NOMBRE[options.tipo].toLowerCase()} con el número ${options.numero}.`,
      CASO_PRESENTADO[options.tipo].resultado(options.pensionTipo),
      SEGUIMIENTO,
      'El trámite no tiene costo.',
    ],
  };
}

/** Confirms that the document a case was waiting for was received and the case went back to review. */
export function missingDocumentEmail(options: { nombres: string; numero: string }): EmailContent {
  return {
    subject: `IESS: recibimos el documento de su trámite ${options.numero}`,
    title: 'Documento recibido',
    paragraphs: [
      `Estimado(a) ${options.nombres}:`,
      `Recibimos el documento que faltaba en su trámite ${options.numero}. Su trámite volvió a revisión.`,
      SEGUIMIENTO,
    ],
  };
}
