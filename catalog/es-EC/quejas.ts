import { CONTACTO, CONTACTO_HORARIO_CENTROS } from './contact';

/** The ways to present a complaint outside the chat: the contacts of seeds 000, 002 and 004. */
const CANALES = [
  'También puede presentar su queja por estos canales:',
  `• Teléfono: ${CONTACTO.telefono}`,
  `• Correo: ${CONTACTO.correo}`,
  `• ${CONTACTO_HORARIO_CENTROS}`,
].join('\n');

/** Sentences of the complaints journey (quejas y reclamos). */
export const QUEJAS = {
  /** A complaint, acknowledged briefly and without arguing. */
  acuse: 'Lamento lo que le pasó. Gracias por contárnoslo: su queja es importante para mejorar la atención del IESS.',
  /** An insult, answered calmly. */
  calma: 'Entiendo que esté molesto, y quiero ayudarle. Puedo registrar su queja para que quede constancia.',
  preguntaRegistrar: '¿Quiere que registre su queja en este chat?',
  si: 'Sí, registrarla',
  no: 'No, gracias',
  reintentarRegistrar: 'Por favor responda "sí" para registrar su queja o "no" para ver otros canales.',
  preguntaTramite: '¿Sobre qué trámite es su queja?',
  otroTema: 'Otro tema del IESS',
  reintentarTramite: 'Por favor elija una opción de la lista.',
  preguntaCaso: 'Si tiene el número de su trámite, escríbalo. Por ejemplo: RL-2026-000042. Si no lo tiene, toque "No tengo número".',
  sinNumero: 'No tengo número',
  casoInvalido:
    'Ese número no tiene el formato correcto. Tiene dos letras, el año y seis números, por ejemplo RL-2026-000042. Escríbalo de nuevo o toque "No tengo número".',
  preguntaDetalle: 'Cuénteme en pocas palabras qué pasó. No escriba su clave ni datos de otras personas.',
  detalleCorto: 'Por favor cuénteme un poco más, en al menos 10 caracteres.',
  registrada: (numero: string, tema: string) =>
    `Registré su queja con el número ${numero}, sobre: ${tema}. Guarde este número para cualquier consulta.`,
  noRegistrada: 'Está bien, no registré nada.',
  /** Too many complaints from one chat or client in an hour: nothing is registered. */
  limite: 'Ya registró varias quejas en la última hora. No registré esta: por favor use los otros canales o vuelva a intentarlo más tarde.',
  canales: CANALES,
  /** Help while the complaint is taken. */
  ayuda: 'Estoy registrando su queja. Responda la pregunta o escriba "cancelar" para dejarlo.',
} as const;
