import type { PreguntaTipo, Situacion } from '../../core/domain/seguimiento';
import type { TramiteId } from '../../core/domain/tramites';
import { CONTACTO, CONTACTO_HORARIO_CENTROS } from './contact';

const SIN_DATO = `Para esa duda, llame al ${CONTACTO.telefono} o escriba a ${CONTACTO.correo}.`;
const CODIGO =
  'Si es extranjero y no tiene cédula, el IESS usa un código de identificación para extranjeros. Sirve solo si usted está registrado o afiliado en el IESS.';
const DOCUMENTOS_CLAVE = [
  'Para recibir su clave, lleve a las oficinas del IESS:',
  '• La solicitud impresa del portal, firmada por usted y, si tiene relación de dependencia, también por su empleador.',
  '• Original y copia a color de su cédula.',
  '• Original y copia a color del certificado de votación, o del documento que justifique su abstención o que cumplió la sanción.',
  '• Original y copia de una planilla de servicios básicos: agua, luz o teléfono.',
].join('\n');
const PRESENCIAL_REINSERCION = [
  'Sí. Puede presentar la reinserción laboral en persona, en cualquier Centro de Atención Universal del país, en las ventanillas de gestión documental. No necesita sacar un turno en línea.',
  'Lleve:',
  '1. El original de su cédula (o del documento del código de identificación, si es extranjero sin cédula).',
  '2. El original de la solicitud de autorización, con su nombre completo, su número de identificación, su firma a mano, su correo electrónico y sus números de contacto.',
  CONTACTO_HORARIO_CENTROS,
].join('\n');

/** Answers to follow-up questions, by trámite and kind, each from the trámite's own seed text. */
export const SEGUIMIENTO_TRAMITE: Readonly<Record<TramiteId, Readonly<Record<PreguntaTipo, string>>>> = {
  reliquidacion: {
    costo: 'La reliquidación de pensiones no tiene costo.',
    horario: `La reliquidación se presenta solo en línea, en el portal ${CONTACTO.portal}, disponible las 24 horas del día.`,
    extranjero: `Pueden pedir la reliquidación los pensionistas ecuatorianos y extranjeros. Se presenta en línea, con la clave personal del IESS y el número de cédula. La información que tengo no dice cómo la presenta un extranjero sin cédula. ${SIN_DATO}`,
    documentos: `Para la reliquidación no tiene que llevar papeles: se presenta solo en línea, en ${CONTACTO.portal}, con su número de cédula y su clave personal.`,
    presencial: `La reliquidación se presenta solo en línea, en ${CONTACTO.portal}. En casos excepcionales puede preguntar por su trámite en los Centros de Atención del IESS.`,
  },
  reinsercion: {
    costo: 'La reinserción laboral no tiene costo.',
    horario: `En línea, por la Ventanilla Virtual del portal ${CONTACTO.portal}. En persona: ${CONTACTO_HORARIO_CENTROS}`,
    extranjero: `${CODIGO} Para la reinserción, en línea escanee y cargue el documento del código en la Ventanilla Virtual; en ventanilla presente el original. En este chat, si ingresa con su código, le pediré ese documento en lugar de la cédula.`,
    documentos: PRESENCIAL_REINSERCION,
    presencial: PRESENCIAL_REINSERCION,
  },
  clave_obtener: {
    costo: `La información que tengo sobre la clave por primera vez no dice si tiene costo. ${SIN_DATO}`,
    horario: `La solicitud se genera en el portal ${CONTACTO.portal}. Después se acerca a las oficinas del IESS. ${CONTACTO_HORARIO_CENTROS}`,
    extranjero: `Para la clave del IESS, el requisito específico de un extranjero es el código de identificación para extranjero. En este chat puede escribir ese código en lugar de la cédula.`,
    documentos: DOCUMENTOS_CLAVE,
    presencial: `Sí, hay que ir en persona: la solicitud se genera en el portal, pero la clave se entrega en las oficinas del IESS, con los documentos.\n${DOCUMENTOS_CLAVE}`,
  },
  clave_recuperar: {
    costo: 'Generar o recuperar la clave en línea no tiene costo.',
    horario: `Se hace en línea, en el portal ${CONTACTO.portal}, disponible las 24 horas del día. También puedo ayudarle aquí mismo.`,
    extranjero:
      'Para la clave del IESS, el requisito específico de un extranjero es el código de identificación para extranjero. En este chat puede escribir ese código en lugar de la cédula.',
    documentos:
      'No tiene que llevar papeles: la clave se recupera en línea. Necesita su cédula (o su código de identificación, si es extranjero), un correo electrónico y sus números de teléfono fijo o móvil.',
    presencial: `La información que tengo describe solo la forma en línea de recuperar la clave, en ${CONTACTO.portal} o aquí en el chat. ${SIN_DATO}`,
  },
};

/** Answers to follow-up questions about a portal service (seed 001 says only that it is done in the portal). */
export const SEGUIMIENTO_SERVICIO: Readonly<Record<PreguntaTipo, string>> = {
  costo: `No tengo ese detalle de este servicio. ${SIN_DATO}`,
  horario: `Este servicio se hace en el portal ${CONTACTO.portal}, disponible las 24 horas del día.`,
  extranjero: `${CODIGO} No tengo más detalles de este servicio para extranjeros. ${SIN_DATO}`,
  documentos: `Este servicio se hace en el portal ${CONTACTO.portal}, con su número de cédula y su clave personal. No tengo una lista de papeles para llevar. ${SIN_DATO}`,
  presencial: `Este servicio se hace en el portal ${CONTACTO.portal}, sin ir a una oficina. No tengo detalles de una forma en persona. ${SIN_DATO}`,
};

/** Situations of issue 10 that the journeys alone would miss, from seeds 003 and 000. */
export const SITUACIONES: Readonly<Record<Situacion, string>> = {
  empleador_no_aprueba: [
    'Si usted trabaja con relación de dependencia, su solicitud de clave se envía a su empleador, para que la califique, la imprima, la firme y se la entregue a usted directamente.',
    'Ese paso lo hace su empleador: pídale al área de personal de su empresa que revise su solicitud en el portal del IESS.',
    'Si usted ya no trabaja ahí (afiliado cesante), el sistema le permite imprimir su solicitud directamente.',
    `Si el problema sigue, llame al ${CONTACTO.telefono} o escriba a ${CONTACTO.correo}. También puedo registrar su queja.`,
  ].join('\n'),
  jubilado_clave: [
    'Según el IESS, los jubilados y pensionistas deben acercarse a las Agencias del IESS para solicitar su clave personal.',
    DOCUMENTOS_CLAVE,
    'Si quiere, le ayudo a generar aquí la solicitud para imprimir.',
  ].join('\n'),
  familiar: [
    'Cada trámite lo presenta la persona que lo necesita, con su propia cédula y su propia clave personal.',
    'La clave es personal y su dueño es responsable de cuidarla: su familiar no debe entregársela a nadie.',
    'Usted sí puede ayudarle con la información: le explico los requisitos y los pasos.',
  ].join('\n'),
};

/** What the relative must do, by trámite, after the general answer. */
export const FAMILIAR_TRAMITE: Readonly<Record<TramiteId, string>> = {
  reliquidacion: `La reliquidación la registra el propio pensionista en ${CONTACTO.portal}, con su cédula y su clave. Si aún no tiene clave, primero debe obtenerla.`,
  reinsercion:
    'La solicitud de autorización de la reinserción debe tener el nombre, la identificación y la firma a mano del pensionista. La información que tengo no dice si otra persona puede entregarla por él.',
  clave_obtener: 'La clave por primera vez la solicita el propio afiliado o pensionista, con su cédula.',
  clave_recuperar: 'La clave la recupera su dueño, respondiendo preguntas que solo él conoce.',
};

/** Sentences of follow-ups, two questions in one message, and a new question while a step waits. */
export const SEGUIMIENTO = {
  sinTema:
    'Con gusto le respondo. ¿Sobre qué trámite me pregunta? Escríbalo junto con su pregunta, por ejemplo: "¿cuánto cuesta la reinserción laboral?"',
  dosPreguntas: 'Me hizo dos preguntas. ¿Por cuál empezamos?',
  dejarPaso: '¿Quiere dejar lo que estábamos haciendo para atender su nueva pregunta?',
  dejarSi: 'Sí, dejarlo',
  dejarNo: 'No, seguir aquí',
  requisitosDe: 'Ver los requisitos',
  extranjeroGeneral: `Si es extranjero y no tiene cédula, el IESS usa un código de identificación para extranjeros. Sirve solo si usted está registrado o afiliado en el IESS. En este chat puede escribir ese código en lugar de la cédula para consultar un trámite, para su clave o para ingresar.`,
} as const;

/** A message in English: a short answer in English, that the service is in Spanish, and the contacts. */
export const IDIOMA = {
  ingles: [
    'Hello. This assistant only works in Spanish, so I cannot answer your question in English.',
    `IESS citizen service: phone ${CONTACTO.telefono}, e-mail ${CONTACTO.correo}.`,
    'Centros de Atención: Monday to Friday, 8:00 to 17:00 (shopping-centre points have other hours).',
    `Website: ${CONTACTO.portal}, open 24 hours.`,
  ].join('\n'),
} as const;
