import { CONTACTO } from './contact';

/** The shell every HTML page of the bot shares (sign-in, new clave, downloads): header, footer, title suffix. */
export const PAGINA_WEB = {
  institucion: 'Instituto Ecuatoriano de Seguridad Social',
  sufijoTitulo: 'IESS',
  portalEtiqueta: 'Portal oficial:',
  portal: CONTACTO.portal,
  atencionEtiqueta: 'Atención al ciudadano:',
  telefono: CONTACTO.telefono,
  /** The phone in international form for a `tel:` link (593-2-3945666 → +59323945666). */
  telefonoEnlace: `tel:+${CONTACTO.telefono.replace(/\D/g, '')}`,
  telefonoEtiqueta: `Llamar al ${CONTACTO.telefono}`,
  correoEtiqueta: 'Correo:',
  correo: CONTACTO.correo,
} as const;

/** Header of the new-clave pages (GET and POST /clave/nueva). */
export const NUEVA_CLAVE_PAGINA = { encabezado: 'Clave personal' } as const;

/** The download pages (GET /descargas/:token) when the document cannot be given. */
export const PAGINA_DESCARGAS = {
  encabezado: 'Descargas',
  invalidoTitulo: 'Enlace no válido',
  invalido: 'Este enlace ya no es válido. Vuelva a pedir el documento en el chat.',
  noDisponibleTitulo: 'Documento no disponible',
  noDisponible: 'No pudimos entregar el documento en este momento. Intente de nuevo más tarde o pídalo otra vez en el chat.',
  otroNavegadorTitulo: 'Abra el enlace en el navegador del chat',
  otroNavegador:
    'Este enlace de descarga solo funciona en el navegador donde tiene abierto el chat con el asistente del IESS. Si alguien le reenvió este enlace, no lo use: pida el documento usted mismo en el chat.',
} as const;

/** Answers of POST /api/messages that are not a bot turn. */
export const API_MENSAJES = {
  noEsJson: 'Se esperaba una actividad en JSON.',
  actividadMuyGrande: 'La actividad es demasiado grande.',
  actividadNoValida: 'La actividad no es válida.',
  noAutorizado: 'Solicitud no autorizada.',
  errorInterno: 'No se pudo procesar la actividad.',
} as const;

/** What the process writes on start-up (bot/index.ts): configuration problems and warnings for the operator. */
export const ARRANQUE = {
  configuracionNoValida: (detalle: string) => `Configuración no válida: ${detalle}`,
  modoLocal:
    'BOTFRAMEWORK_ENDPOINT=local: /api/messages acepta solicitudes sin autenticar (Emulator) solo con serviceUrl de esta máquina. No use este modo en producción.',
  secretoGenerado: 'APP_SECRET no está definido: se usa uno aleatorio en este proceso. Defínalo igual en todas las instancias.',
  listo: (url: string) => `Asistente IESS listo. Abra el chat web en: ${url}`,
  noInicio: (detalle: string) => `No se pudo iniciar el asistente: ${detalle}`,
} as const;

/** The assistant as it appears on the activities it sends. */
export const ASISTENTE = { nombre: 'Asistente IESS' } as const;

/** Text that replaces a security answer in stored chat transcripts. */
export const TRANSCRIPCION = { respuestaOculta: '[respuesta oculta]' } as const;

/** Labels of the WhatsApp renderer's interactive messages (WhatsApp caps the list button at 20 characters). */
export const CANAL_WHATSAPP = {
  verOpciones: 'Ver opciones',
  elijaOpcion: 'Elija una opción:',
} as const;

/** The web chat page (GET /): its static texts and the messages its script shows (bot/web/app.js). */
export const PAGINA_CHAT = {
  titulo: 'Asistente virtual del IESS',
  saltarAlChat: 'Ir al chat',
  encabezado: 'Asistente virtual',
  intro: 'Consulte requisitos de trámites y el estado de su trámite. No escriba su clave en este chat: el IESS nunca se la pedirá aquí.',
  regionChat: 'Conversación con el asistente virtual del IESS',
  /** Read by the page's script from a JSON data block; never executed. */
  script: {
    errorAlAbrir: 'No pudimos abrir el chat. Actualice la página o inténtelo más tarde.',
    sinCookies:
      'Su navegador no acepta cookies. Puede hacer consultas, pero para ingresar con su clave active las cookies de esta página y actualícela.',
    placeholder: 'Escriba su consulta aquí',
  },
} as const;
