/** Every sentence of the WhatsApp channel: unsupported inputs, the notification opt-in, the sign-in code, operator messages. */

const minutos = (n: number): string => `${n} minuto${n === 1 ? '' : 's'}`;

/** The answer to each kind of message the assistant cannot read on WhatsApp. */
export const WHATSAPP_NO_ADMITIDO = {
  audio: 'Por ahora no puedo escuchar audios. Escríbame su consulta, por favor.',
  video: 'Por ahora no puedo ver videos. Escríbame su consulta, por favor.',
  sticker: 'Gracias por el sticker. Para ayudarle, escríbame su consulta.',
  location: 'Recibí una ubicación, pero no puedo usarla. Si busca una oficina, escriba "¿dónde queda la oficina?".',
  contacts: 'Recibí un contacto, pero no puedo usarlo. Escríbame su consulta, por favor.',
  reaction: 'Gracias por su reacción. Si necesita algo más, escríbame su consulta.',
  otro: 'No pude leer ese mensaje. Escríbame su consulta con palabras, por favor.',
  archivoTipo: 'Solo puedo recibir documentos en JPG o PDF. Envíe una foto (JPG) o un archivo PDF, por favor.',
} as const;

/** The one question about notifications, asked after the citizen's first answer on WhatsApp. */
export const WHATSAPP_AVISOS = {
  pregunta: '¿Desea recibir por este WhatsApp avisos sobre sus trámites del IESS? Puede cambiar su respuesta cuando quiera.',
  si: 'Sí, acepto',
  no: 'No, gracias',
  aceptado: 'Listo. Le enviaremos por aquí los avisos de sus trámites.',
  rechazado: 'Entendido. No le enviaremos avisos por WhatsApp.',
} as const;

/** The sign-in code: shown on the sign-in page, sent back from the same WhatsApp chat. */
export const WHATSAPP_CODIGO = {
  paginaTitulo: 'Falta un paso',
  pagina: (codigo: string, vence: number) =>
    `Para terminar, escriba este código en el mismo chat de WhatsApp donde pidió ingresar: ${codigo}. Vence en ${minutos(vence)}.`,
  paginaAviso: 'No comparta este código con nadie. El IESS nunca se lo pedirá por llamada ni por mensaje.',
  incorrecto: 'Ese código no es correcto. Revise el código que aparece en la página de ingreso y escríbalo otra vez.',
  vencido: 'El código venció. Pida ingresar otra vez para recibir un enlace nuevo.',
} as const;

/** Messages for operators (logs, configuration). */
export const WHATSAPP_OPERADOR = {
  configIncompleta:
    'El canal de WhatsApp necesita WHATSAPP_VERIFY_TOKEN, WHATSAPP_APP_SECRET, WHATSAPP_ACCESS_TOKEN y WHATSAPP_PHONE_NUMBER_ID juntos: defina las cuatro o ninguna.',
  versionNoValida: (valor: string) => `WHATSAPP_GRAPH_VERSION debe tener la forma v23.0 (se recibió "${valor}").`,
  urlNoValida: (valor: string) => `WHATSAPP_GRAPH_URL no es una URL válida (se recibió "${valor}").`,
  sinConsentimiento: 'El ciudadano no aceptó recibir avisos por WhatsApp.',
} as const;
