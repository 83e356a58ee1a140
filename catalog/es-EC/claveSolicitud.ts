/**
 * The IESS's published requirements for the clave personal, as printed on the solicitud. Taken from the
 * "Obtención clave personal del IESS" guidance; the guidance's mistyped portal addresses are left out.
 */

/** Documents to present at an IESS office to receive the clave. */
export const DOCUMENTOS_ENTREGA_CLAVE: readonly string[] = [
  'Esta solicitud impresa, debidamente firmada por el afiliado(a) / pensionista del IESS; y, por su empleador(a) en caso de tener relación de dependencia.',
  'Original y copia a color de la cédula del afiliado(a) / pensionista del IESS.',
  'Original y copia a color del certificado de votación o documento que justifique su abstención o que acredite haber cumplido la sanción impuesta.',
  'Original y copia de una de las planillas de los servicios básicos (agua, luz o teléfono).',
];

/** The considerations to print, worded for the applicant's situation. */
export function consideracionesClave(options: { dependencia: boolean; jubiladoOPensionista: boolean }): string[] {
  const notas = [
    'La clave que le entrega el IESS es universal y con ella puede acceder a cualquiera de sus servicios.',
    'Si ya posee una clave como afiliado o jubilado, al solicitar una nueva clave la anterior se desactivará.',
  ];
  if (options.dependencia) {
    notas.push(
      'Por tener relación de dependencia, su empleador(a) debe calificar, firmar y sellar esta solicitud antes de que usted la presente en el IESS.',
    );
  }
  if (options.jubiladoOPensionista) {
    notas.push('Los jubilados y pensionistas deben acercarse a las agencias del IESS para solicitar su clave personal.');
  }
  notas.push(
    'Acérquese a las oficinas del IESS con los documentos indicados en esta solicitud.',
    'Recuerde que su clave es personal y es su responsabilidad custodiarla. El IESS no se responsabiliza por el registro de datos dentro del sistema con su número de cédula y clave.',
  );
  return notas;
}

/** Fixed texts of the printable solicitud de clave personal (bot/documents/solicitudClavePdf.ts lays them out). */
export const SOLICITUD_PDF = {
  sigla: 'IESS',
  institucion: 'INSTITUTO ECUATORIANO DE SEGURIDAD SOCIAL',
  titulo: 'Solicitud de clave personal',
  subtitulo: (numero: string, fecha: string) => `Solicitud N.º ${numero}  ·  Fecha: ${fecha}`,
  metadatos: {
    titulo: (numero: string) => `Solicitud de clave personal ${numero}`,
    autor: 'Instituto Ecuatoriano de Seguridad Social',
    asunto: 'Solicitud de clave personal del IESS',
  },
  secciones: {
    solicitante: 'Datos del solicitante',
    documentos: 'Documentos que debe presentar para la entrega de la clave',
    consideraciones: 'Consideraciones',
  },
  campos: {
    apellidos: 'Apellidos',
    nombres: 'Nombres',
    cedula: 'Cédula de ciudadanía',
    codigo: 'Código de identificación',
    condicion: 'Condición',
    email: 'Correo electrónico',
    telefono: 'Teléfono',
    provincia: 'Provincia',
    empleador: 'Empleador',
  },
  firmas: {
    afiliado: 'Firma del afiliado(a) / pensionista',
    empleador: 'Firma y sello del empleador',
  },
  pie: 'Documento generado por el asistente virtual del IESS. No contiene ni reemplaza su clave personal.',
} as const;

const MESES = ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'];

/** Ecuador's time zone: a calendar date on a document is the date in Guayaquil, not on the server. */
export const ECUADOR_TIME_ZONE = 'America/Guayaquil';

/** A date as written in Spanish documents, in Ecuador: "22 de noviembre de 2026". */
export function fechaLarga(date: Date): string {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: ECUADOR_TIME_ZONE,
    day: 'numeric',
    month: 'numeric',
    year: 'numeric',
  }).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes): number => Number(parts.find((p) => p.type === type)?.value);
  return `${part('day')} de ${MESES[part('month') - 1]} de ${part('year')}`;
}

/** Notes written into a first-clave case's history, shown to the citizen (seed 003). */
export const CLAVE_SOLICITUD_NOTAS = {
  empleador: (razonSocial: string | undefined) =>
    `Enviada a su empleador (${razonSocial ?? 'empleador registrado'}) para que la califique, imprima, firme y se la entregue.`,
  imprimir: 'Imprima y firme su solicitud, y preséntela en una oficina del IESS con sus documentos.',
} as const;

/** Said of the employer in the e-mail steps when the store has no name for it. */
export const EMPLEADOR_GENERICO = 'su empleador';

/** The pair most people chose; asked in online recovery when the identification has none, so it reveals nothing. */
export const RECOVERY_FALLBACK_QUESTIONS: readonly [string, string] = [
  '¿Cuál es el nombre de su primera mascota?',
  '¿En qué ciudad nació su madre?',
];
