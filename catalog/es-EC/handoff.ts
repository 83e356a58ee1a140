/**
 * Human handoff: what the citizen reads while asking for a person, waiting, talking to an agent and after, and what
 * the call-centre agent reads on the queue card and in the personal chat. Hours are the configured ones, passed in.
 */

const DIAS = ['', 'lunes', 'martes', 'miércoles', 'jueves', 'viernes', 'sábado', 'domingo'];

/** "lunes a viernes" for consecutive days, else "lunes, miércoles y viernes". */
export function diasHabiles(days: readonly number[]): string {
  const sorted = [...days].sort((a, b) => a - b);
  const consecutive = sorted.length > 2 && sorted.every((d, i) => i === 0 || d === sorted[i - 1] + 1);
  if (consecutive) return `${DIAS[sorted[0]]} a ${DIAS[sorted[sorted.length - 1]]}`;
  const names = sorted.map((d) => DIAS[d]);
  return names.length > 1 ? `${names.slice(0, -1).join(', ')} y ${names[names.length - 1]}` : (names[0] ?? '');
}

/** The buttons the citizen can tap during a handoff; typing the same words works too. */
export const HANDOFF_OPCIONES = {
  volver: 'Volver al asistente',
  esperar: 'Seguir esperando',
  noDejarMensaje: 'No, gracias',
} as const;

/** Chat copy for the citizen. */
export const HANDOFF = {
  enCola: (posicion: number) =>
    `Le comunico con una persona del centro de atención. Usted es el número ${posicion} en la fila. Le avisaré cuando avance. Si prefiere seguir con el asistente, escriba "volver al asistente".`,
  yaEnCola: (posicion: number) => `Sigue en la fila para hablar con una persona. Usted es el número ${posicion}.`,
  posicion: (posicion: number) => `Avanzó en la fila. Ahora usted es el número ${posicion}.`,
  fueraDeHorario: (dias: string, desde: string, hasta: string) =>
    `En este momento no hay personas atendiendo. Atendemos de ${dias}, de ${desde} a ${hasta}, excepto feriados.`,
  pedirMensaje:
    'Si quiere, escriba ahora su mensaje en pocas palabras y un agente lo verá el siguiente día hábil. Si no, elija "No, gracias".',
  mensajeRecibido: 'Recibimos su mensaje. Un agente lo verá el siguiente día hábil.',
  mensajeVacio: 'No recibí ningún mensaje. Escriba su mensaje en pocas palabras, o elija "No, gracias".',
  sinMensaje: 'Está bien, no dejamos ningún mensaje.',
  tiempoAgotado: (minutos: number) =>
    `Nadie ha podido atenderle en ${minutos} minutos. Si quiere, escriba ahora su mensaje y un agente lo verá. También puede seguir esperando.`,
  sigueEsperando: (posicion: number) => `De acuerdo, sigue en la fila. Usted es el número ${posicion}.`,
  tomada: (agente: string) => `Le atiende ${agente}, del centro de atención del IESS. Puede escribirle aquí.`,
  agenteDice: (agente: string, texto: string) => `${agente}: ${texto}`,
  terminadaPorAgente: 'La persona que le atendía terminó la conversación. Vuelve a atenderle el asistente virtual.',
  terminadaPorCiudadano: 'Terminó la conversación con la persona del centro de atención. Vuelve a atenderle el asistente virtual.',
  salioDeLaFila: 'Listo, salió de la fila. Vuelve a atenderle el asistente virtual.',
  encuesta: 'Antes de seguir: del 1 al 5, ¿qué tan satisfecho quedó con la atención? 1 es nada y 5 es muy satisfecho.',
  gracias: 'Gracias por su respuesta. ¿En qué más le puedo ayudar?',
  archivoSinSesion:
    'Recibí un archivo, pero para guardarlo necesito que ingrese con su clave. La persona que le atiende puede indicarle cómo hacerlo.',
  archivoRecibido: (descripcion: string) => `Recibí su documento: ${descripcion}. Se lo pasé a la persona que le atiende.`,
  soloTexto: 'Por ahora solo puedo pasar mensajes de texto y documentos a la persona que le atiende.',
} as const;

/** Words that steer a handoff, compared without accents or case (core/usecases/handoff/commands.ts). */
export const HANDOFF_COMANDOS = {
  /** The citizen leaves the queue or the conversation with the agent. */
  ciudadanoTermina: ['cancelar', 'volver al asistente', 'volver con el asistente', 'salir de la fila', 'salir'],
  /** The agent hands the citizen back to the assistant. */
  agenteTermina: ['terminar', 'terminar conversacion', 'finalizar'],
  seguirEsperando: ['seguir esperando', 'esperar', 'sigo esperando'],
  noDejarMensaje: ['no gracias', 'no', 'ninguno'],
} as const;

/** Satisfaction choices, 1 to 5. */
export const HANDOFF_PUNTAJES: readonly string[] = ['1', '2', '3', '4', '5'];

/** Copy for the call-centre agents in Teams (queue card, personal chat). */
export const HANDOFF_AGENTE = {
  tituloCola: 'Ciudadano esperando atención',
  canal: 'Canal',
  tema: 'Tema',
  identificacion: 'Identificación',
  sinIngreso: 'No ingresó con su clave',
  sinTema: 'Sin tema',
  ultimosMensajes: 'Últimos mensajes',
  ciudadano: 'Ciudadano',
  asistente: 'Asistente',
  tomar: 'Tomar la conversación',
  tomadaPor: (agente: string) => `Tomada por ${agente}`,
  terminada: 'Conversación terminada',
  yaTomada: (agente: string) => `Otra persona ya tomó esta conversación: ${agente}.`,
  yaTerminada: 'Esta conversación ya terminó.',
  transcripcion: 'Conversación con el ciudadano. Escriba aquí para responderle. Escriba "terminar" para devolverlo al asistente.',
  ciudadanoDice: (texto: string) => `Ciudadano: ${texto}`,
  ciudadanoEnvioDocumento: (descripcion: string) => `El ciudadano envió un documento: ${descripcion}.`,
  ciudadanoTermino: 'El ciudadano terminó la conversación y volvió al asistente.',
  terminaste: 'Terminó la conversación. El ciudadano vuelve al asistente.',
  sinConversacion: 'No tiene ninguna conversación con un ciudadano en este momento.',
  soloTexto: 'Solo puedo pasar mensajes de texto al ciudadano.',
} as const;

/** Names of the channels, as the queue card shows them. */
export const HANDOFF_CANALES: Readonly<Record<string, string>> = {
  directline: 'Chat web',
  webchat: 'Chat web',
  whatsapp: 'WhatsApp',
  emulator: 'Emulador',
};

/** Start-up refusals of the handoff and notification settings (read by the operator, not by citizens). */
export const HANDOFF_OPERADOR = {
  dias: (valor: string) =>
    `HANDOFF_DAYS debe ser una lista de días del 1 (lunes) al 7 (domingo) separados por comas; se recibió "${valor}".`,
  hora: (variable: string, valor: string) => `${variable} debe ser una hora HH:MM entre 00:00 y 23:59; se recibió "${valor}".`,
  horario: 'HANDOFF_OPEN debe ser anterior a HANDOFF_CLOSE.',
  feriados: (valor: string) => `HANDOFF_HOLIDAYS debe ser una lista de fechas AAAA-MM-DD separadas por comas; se recibió "${valor}".`,
  zonaHoraria: (valor: string) => `HANDOFF_TIME_ZONE no es una zona horaria IANA conocida; se recibió "${valor}".`,
  canalSinUrl: 'TEAMS_HANDOFF_SERVICE_URL es obligatoria cuando se configura TEAMS_HANDOFF_CHANNEL_ID.',
  urlNoValida: (valor: string) => `TEAMS_HANDOFF_SERVICE_URL no es una dirección http(s) válida; se recibió "${valor}".`,
  urlNoLocal:
    'En modo local (BOTFRAMEWORK_ENDPOINT=local), TEAMS_HANDOFF_SERVICE_URL debe ser una dirección de este equipo (localhost, 127.0.0.1 o ::1).',
} as const;
