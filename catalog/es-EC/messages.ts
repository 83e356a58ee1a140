import {
  TRAMITES_REGISTRY,
  type ConversationalIntent,
  type FiledTramiteId,
  type IntentName,
  type TramiteId,
} from '../../core/domain/tramites';
import { CONTACTO, CONTACTO_HORARIO_CENTROS, CONTACTO_HORARIOS, CONTACTO_LUGARES, CONTACTO_TEXTO } from './contact';
import { TRAMITE_MOTIVOS_INGRESO, TRAMITE_TEXTOS } from './tramites';

/** Labels of the main menu's buttons; the text sent back when tapped is the same label. */
export const MENU = {
  requisitos: 'Requisitos de trámites',
  solicitud: 'Presentar una solicitud',
  estado: 'Estado de mi trámite',
  misTramites: 'Mis trámites',
  clave: 'Mi clave del IESS',
  contacto: 'Contacto y horarios',
} as const;

/** Every main-menu option, in display order. */
export const MENU_OPCIONES: readonly string[] = [MENU.requisitos, MENU.solicitud, MENU.estado, MENU.misTramites, MENU.clave, MENU.contacto];

/** Every sentence the assistant says outside the trámite texts. Dialogs and tests import the same constants. */
export const MSG = {
  bienvenida:
    'Hola, soy el asistente virtual del IESS. Puedo explicarle los requisitos de un trámite, recibir su solicitud de reliquidación de pensiones o de reinserción laboral, ayudarle con su clave y decirle en qué estado está su trámite. ¿En qué le puedo ayudar?',
  saludo: 'Hola. ¿En qué le puedo ayudar?',
  despedida: 'Gracias por escribirnos. Que tenga un buen día.',
  deNada: 'Con gusto. ¿Le puedo ayudar en algo más?',
  ayuda: [
    'Puedo ayudarle con:',
    '• Requisitos de trámites: reliquidación de pensiones, reinserción laboral y clave personal.',
    '• Presentar una solicitud de reliquidación de pensiones o de reinserción laboral. Primero ingresa con su cédula y su clave en la página del IESS, nunca en el chat.',
    '• Su clave personal: obtenerla por primera vez o recuperarla.',
    '• Estado de su trámite: con el número del trámite y su cédula, o en "Mis trámites" si ya ingresó.',
    '• Contactos y horarios de atención.',
    'Escriba su pregunta con sus palabras o elija una opción. En cualquier momento puede escribir "cancelar" para empezar de nuevo o "agente" para hablar con una persona.',
  ].join('\n'),
  noEntendi: 'Disculpe, no le entendí. ¿Puede decirlo de otra forma o elegir una de estas opciones?',
  fueraDeDominio: 'Solo puedo ayudarle con trámites y servicios del IESS. Elija una de estas opciones o escriba su pregunta sobre el IESS.',
  aclarar: '¿Se refiere a una de estas opciones?',
  claveQue: '¿Qué necesita hacer con su clave?',
  solicitudQue: '¿Qué solicitud quiere presentar?',
  sesionCerrada: 'Listo, cerré su sesión. Para presentar o ver sus trámites tendrá que ingresar de nuevo.',
  sinSesion: 'No tiene una sesión abierta en este chat.',
  sesionVencida:
    'Su sesión se cerró porque pasó un tiempo sin actividad, y no guardé nada de lo que estábamos haciendo. Para continuar, elija de nuevo lo que necesita e ingrese otra vez.',
  ingresoSinTramite: 'Ya ingresó con su cuenta. ¿En qué le puedo ayudar?',
  ningunaOpcion: 'Ninguna de estas',
  cancelado: 'Listo, cancelé lo que estábamos haciendo. ¿En qué más le puedo ayudar?',
  nadaQueCancelar: 'No hay nada que cancelar. ¿En qué le puedo ayudar?',
  siSinPregunta: 'Con gusto. ¿En qué le puedo ayudar? Elija una opción o escriba su consulta.',
  noSinPregunta: 'Está bien. Si necesita algo más, escríbame cuando quiera.',
  agente: [
    'Por ahora no hay agentes disponibles en este chat.',
    `Puede llamar a atención al ciudadano al ${CONTACTO.telefono} o escribir a ${CONTACTO.correo}.`,
    CONTACTO_HORARIO_CENTROS,
  ].join('\n'),
  seguimos: 'Seguimos donde estábamos.',
  mensajeLargo: (max: number) => `Su mensaje es muy largo. Por favor escríbalo en menos de ${max} caracteres, en pocas palabras.`,
  soloTexto: 'Por ahora solo puedo leer mensajes de texto. Escríbame su consulta, por favor.',
  archivoSinTramite:
    'Recibí un archivo, pero todavía no estamos en un trámite y no lo guardé. Para enviar documentos, elija primero "Presentar una solicitud" o "Mis trámites".',
  error: 'Disculpe, tuvimos un problema al procesar su mensaje. Por favor inténtelo de nuevo en unos minutos.',
  contacto: CONTACTO_TEXTO,
  /** "¿Atienden los sábados?": the Centros de Atención's hours only (seed 002). */
  contactoHorarios: CONTACTO_HORARIOS,
  /** "¿Dónde queda la oficina?": no addresses in the seeds. */
  contactoLugares: CONTACTO_LUGARES,
  algoMas: '¿Le puedo ayudar en algo más?',
  demasiadasConsultas: 'Hizo muchas consultas seguidas. Por su seguridad, espere una hora antes de volver a intentarlo.',
  demasiadosIntentos: 'No pudimos continuar con los datos recibidos. Puede intentarlo de nuevo cuando quiera.',
} as const;

/** Why the citizen must sign in, by journey: shown above the sign-in button. */
export const SIGNIN_MOTIVO: Readonly<Record<FiledTramiteId | 'misTramites', string>> = {
  ...TRAMITE_MOTIVOS_INGRESO,
  misTramites: 'Para mostrarle sus trámites necesito saber quién es usted.',
};

/** Questions and answers of the trámite-requirements journey. */
export const REQUISITOS = {
  elegir: '¿De qué trámite necesita los requisitos?',
  reintentar: 'Por favor elija uno de los trámites de la lista.',
  elegirClave: '¿Necesita obtener su clave por primera vez o recuperarla?',
  otro: 'Ver otro trámite',
  /** Help while choosing the trámite. */
  ayuda: '¿De qué trámite necesita los requisitos? Toque una opción o escriba el nombre del trámite.',
} as const;

/** Questions and answers of the case-status journey. */
export const ESTADO = {
  pedirNumero: 'Escriba el número de su trámite. Por ejemplo: RL-2026-000042.',
  /** Help while the case number is asked. */
  ayudaNumero:
    'Escriba el número de su trámite. Por ejemplo: RL-2026-000042.\nEl número está en el comprobante o correo que recibió al presentar el trámite.',
  numeroInvalido:
    'Ese número no tiene el formato correcto. Tiene dos letras, el año y seis números, por ejemplo RL-2026-000042. Inténtelo de nuevo.',
  pedirIdentificacion:
    'Ahora escriba el número de cédula (10 dígitos) de la persona que presentó el trámite. Si es extranjero sin cédula, escriba su código de identificación.',
  identificacionInvalida:
    'Ese número de cédula no es válido. Revise los 10 dígitos e inténtelo de nuevo. Si es extranjero sin cédula, escriba su código de identificación.',
  noEncontrado: `No encontramos un trámite con ese número para esa identificación. Revise los datos e inténtelo de nuevo. Si el problema continúa, llame al ${CONTACTO.telefono}.`,
  limite: (minutos: number) =>
    `Hizo muchas consultas seguidas. Por su seguridad, espere ${minutos} minuto${minutos === 1 ? '' : 's'} antes de volver a consultar.`,
  consultarOtro: 'Consultar otro trámite',
} as const;

/** Clarification labels of the intents that are not trámites (each trámite's label is in its texts, `aclarar`). */
const ACLARAR_CONVERSACION: Readonly<Record<ConversationalIntent, string>> = {
  saludo: 'Saludar',
  despedida: 'Terminar la conversación',
  agradecimiento: 'Dar las gracias',
  ayuda: 'Ver en qué me puede ayudar',
  cancelar: 'Cancelar',
  hablar_agente: 'Hablar con un agente',
  requisitos: 'Requisitos de un trámite',
  estado_tramite: 'Estado de mi trámite',
  info_servicio: 'Otros servicios del IESS en línea',
  contacto: 'Contacto y horarios',
  queja: 'Presentar una queja o reclamo',
  fuera_de_dominio: 'Otra cosa',
};

/** Button labels used when the bot asks which of two close intents the citizen meant, keyed by intent. */
export const CLARIFY_LABELS: Readonly<Record<IntentName, string>> = {
  ...ACLARAR_CONVERSACION,
  ...(Object.fromEntries(TRAMITES_REGISTRY.map((t) => [t.id, TRAMITE_TEXTOS[t.id].aclarar])) as Record<TramiteId, string>),
};
