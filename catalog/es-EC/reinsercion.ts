/**
 * What the assistant says while it receives documents and files a reinserción laboral (seed 002). Dialogs and
 * tests import the same constants. The document texts (DOCUMENTO) also serve any later request for a document.
 */
import { REINSERCION_DETALLE_CHARS } from '../../core/domain/tramites';
import { ESTADO_NOMBRE } from './cases';
import { CONTACTO } from './contact';

// The store's names this section words, spelled as core/ports spells them (the catalog imports only the domain):
// a name the ports add and the catalog lacks fails to compile where the two meet.

/** States a case can be in (core/ports `CaseStateName`), the keys of ESTADO_NOMBRE. */
type CaseStateName = keyof typeof ESTADO_NOMBRE;
/** Which requirement an attached document is for (core/ports `DocumentPurposeName`). */
type DocumentPurposeName = 'cedula' | 'solicitud' | 'codigo_extranjero' | 'complemento';
/** Why a citizen may not file (core/ports `IneligibilityReason`). */
type IneligibilityReason =
  'NO_PENSIONISTA' | 'SEGURO_DISTINTO' | 'APORTES_PENDIENTES' | 'SIN_CORREO' | 'INCAPACIDAD_NO_TOTAL' | 'CASO_ABIERTO';

const { min: DETALLE_MIN_CHARS, max: DETALLE_MAX_CHARS } = REINSERCION_DETALLE_CHARS;

/** Seed 002, "Trámite presencial": any Centro de Atención Universal, ventanilla de gestión documental, no turno. */
export const REINSERCION_PRESENCIAL = [
  'También puede hacer este trámite en persona, sin sacar turno en línea: acérquese a cualquier Centro de Atención Universal del país, a la ventanilla de gestión documental.',
  'Lleve el original de su cédula (o de su código de identificación si es extranjero sin cédula) y el original de la solicitud de autorización, firmada a mano.',
  `Horario: ${CONTACTO.horario}. Los puntos en centros comerciales tienen otro horario.`,
].join(' ');

/** Seed 002, "Base Legal". */
export const REINSERCION_BASE_LEGAL =
  'Base legal: Reglamento del Seguro General de Riesgos del Trabajo (513), Capítulo XII, artículos 58 al 61; y Ley de Seguridad Social, artículo 155.';

/** The requirements of seed 002: a document missing for one of them can also be taken to an office. */
const PRESENCIAL_PURPOSES: ReadonlySet<DocumentPurposeName> = new Set(['cedula', 'solicitud', 'codigo_extranjero']);

const CONTACTO_AYUDA = `Si necesita ayuda, llame al ${CONTACTO.telefono} o escriba a ${CONTACTO.correo}.`;

/** Each document in words, for "falta …". */
export const DOCUMENTO_NOMBRE: Record<DocumentPurposeName, string> = {
  cedula: 'su cédula',
  solicitud: 'la solicitud de autorización firmada',
  codigo_extranjero: 'el documento de su código de identificación',
  complemento: 'el documento',
};

const COMO_ADJUNTAR =
  'Para adjuntarlo, toque el clip (📎) junto al cuadro donde escribe y elija el archivo. Envíe un solo archivo por mensaje.';
const REGLAS =
  'El archivo debe ser JPG o PDF, de máximo 1 MB, completo y legible. Si es una foto, debe medir al menos 600 × 400 píxeles. ' +
  'Por su seguridad, no se aceptan documentos borrosos, oscuros, cortados, ilegibles o sin firma.';

/** Messages of the document-receiving step (DocumentoDialog). */
export const DOCUMENTO = {
  comoAdjuntar: COMO_ADJUNTAR,
  reglas: REGLAS,
  despues: 'Lo enviaré después',
  recibido: (descripcion: string) => `Recibimos ${descripcion}.`,
  sinArchivo: `Todavía no recibo el archivo. ${COMO_ADJUNTAR} ${REGLAS}`,
  varios: (cuantos: number) => `Recibí ${cuantos} archivos en un solo mensaje y no guardé ninguno. Envíe un archivo por mensaje.`,
  otraVez: 'Adjunte el archivo de nuevo, por favor.',
  ayuda: `${COMO_ADJUNTAR} ${REGLAS} Si no tiene el documento a mano, elija «Lo enviaré después».`,
  /** Why nothing was stored this time, and where else the document can go. */
  sinDocumento: (purpose: DocumentPurposeName, motivo: 'intentos' | 'despues') =>
    [
      motivo === 'intentos' ? 'No pudimos recibir un archivo válido después de varios intentos.' : 'Está bien.',
      'Puede enviarlo por este chat cuando lo tenga listo.',
      PRESENCIAL_PURPOSES.has(purpose) ? REINSERCION_PRESENCIAL : CONTACTO_AYUDA,
    ].join(' '),
} as const;

const QUIENES =
  'La reinserción laboral es solo para pensionistas del Seguro General de Riesgos del Trabajo con incapacidad permanente total.';
const SI_HAY_ERROR = `Si cree que hay un error, llame al ${CONTACTO.telefono} o escriba a ${CONTACTO.correo}.`;

/** Why a citizen may not file a reinserción, in plain words (seed 002, "¿A quién está dirigido?"). */
export const REINSERCION_NO_ELEGIBLE: Record<Exclude<IneligibilityReason, 'CASO_ABIERTO'>, string> = {
  NO_PENSIONISTA: `${QUIENES} Según nuestros registros, usted no recibe una pensión del IESS. ${SI_HAY_ERROR}`,
  SEGURO_DISTINTO: `${QUIENES} Su pensión es de otro seguro del IESS, por eso no puede presentar esta solicitud. ${SI_HAY_ERROR}`,
  INCAPACIDAD_NO_TOTAL: `${QUIENES} Su pensión de Riesgos del Trabajo no es por incapacidad permanente total, por eso no puede presentar esta solicitud. ${SI_HAY_ERROR}`,
  APORTES_PENDIENTES: `Hay aportes pendientes de pago a su nombre, por eso no puede presentar esta solicitud ahora. ${SI_HAY_ERROR}`,
  SIN_CORREO: `No tenemos un correo electrónico suyo registrado y lo necesitamos para avisarle sobre su trámite. ${SI_HAY_ERROR}`,
};

/** Messages of the reinserción laboral journey (seed 002, "Trámite virtual"). */
export const REINSERCION = {
  documentosNoUnidos:
    'No pude unir sus documentos a la solicitud, así que no la presenté. Empiece la solicitud otra vez y envíe los documentos de nuevo.',
  intro: (nombres: string) =>
    `${nombres}, vamos a preparar su solicitud de reinserción laboral: la autorización para volver a trabajar, una vez analizada su capacidad remanente. El trámite no tiene costo.`,
  necesitara: (documentoIdentidad: string) =>
    `Le pediré la provincia, el detalle de su pedido y dos documentos: ${documentoIdentidad} y la solicitud de autorización firmada. Puede escribir «cancelar» en cualquier momento.`,
  casoAbierto: (openCase?: { numero: string; estado: CaseStateName }) =>
    [
      openCase
        ? `Ya tiene una solicitud de reinserción laboral en curso: el trámite ${openCase.numero}, ${ESTADO_NOMBRE[openCase.estado]}.`
        : 'Ya tiene una solicitud de reinserción laboral en curso.',
      'No hace falta presentar otra. Puede ver su avance en «Mis trámites».',
    ].join(' '),
  pedirProvincia: '¿En qué provincia presenta su solicitud? Elija una de la lista o escriba su nombre.',
  provinciaNoEncontrada: 'No encontré esa provincia. Elija una de la lista o escriba su nombre completo.',
  pedirDetalle: `Ahora detalle su pedido en un mensaje: qué solicita y cualquier dato que ayude a atenderlo. Use entre ${DETALLE_MIN_CHARS} y ${DETALLE_MAX_CHARS} caracteres.`,
  detalleInvalido: `Su mensaje debe tener entre ${DETALLE_MIN_CHARS} y ${DETALLE_MAX_CHARS} caracteres. Escríbalo de nuevo, por favor.`,
  pedidoCedula: 'Adjunte su cédula, escaneada o fotografiada.',
  pedidoCodigo: 'Adjunte el documento de su código de identificación para extranjeros, escaneado o fotografiado.',
  pedidoSolicitud:
    'Ahora adjunte la solicitud de autorización, escaneada o fotografiada. Debe tener su nombre completo, su número de identificación, su firma, su correo electrónico y sus números de contacto.',
  faltaDocumento: (documento: string) => `No presenté su solicitud porque falta ${documento}. Puede empezar de nuevo cuando lo tenga.`,
  resumen: (r: { nombre: string; identificacion: string; provincia: string; detalle: string; documentos: readonly string[] }) =>
    [
      'Revise su solicitud de reinserción laboral:',
      `• Solicitante: ${r.nombre} (${r.identificacion})`,
      `• Provincia: ${r.provincia}`,
      `• Pedido: ${r.detalle}`,
      ...r.documentos.map((d) => `• Documento: ${d}`),
    ].join('\n'),
  confirmar: '¿Presento su solicitud con estos datos?',
  confirmarSiNo: 'Responda «Sí, presentar» o «No», por favor.',
  si: 'Sí, presentar',
  no: 'No',
  noPresentada: 'Está bien, no presenté su solicitud. Los documentos que envió no se usarán.',
  presentada: (numero: string, maskedEmail?: string) =>
    [
      `Listo. Presentamos su solicitud de reinserción laboral con el número ${numero}.`,
      maskedEmail ? `Le enviamos la confirmación a ${maskedEmail}.` : undefined,
      'La atenderá la Coordinación Provincial o la Dirección Nacional que corresponda.',
    ]
      .filter(Boolean)
      .join(' '),
  yaPresentada: (numero: string) => `Su solicitud de reinserción laboral ya estaba presentada con el número ${numero}. No creé otra.`,
  seguimiento:
    'El resultado es un documento que indica si, según su capacidad remanente, usted puede acceder a una opción de trabajo. Puede ver cómo avanza en «Mis trámites».',
  ayuda: [
    'Estamos preparando su solicitud de reinserción laboral. Responda la última pregunta para seguir.',
    `${COMO_ADJUNTAR} ${REGLAS}`,
    'Escriba «cancelar» para dejarlo o «agente» para hablar con una persona.',
  ].join('\n'),
} as const;
