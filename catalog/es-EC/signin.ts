import { CONTACTO } from './contact';

const minutos = (n: number): string => `${n} minuto${n === 1 ? '' : 's'}`;

/** Sentences of the sign-in journey in the chat: the clave is typed only on the IESS page, never in the chat. */
export const SIGNIN = {
  tituloTarjeta: 'Ingreso seguro del IESS',
  boton: 'Ingresar',
  textoTarjeta: 'Ingrese con su cédula y su clave personal del IESS.',
  /** `motivo` is a whole sentence saying why sign-in is needed; without it, a general one. */
  instrucciones: (expiresInMinutes: number, motivo?: string) =>
    [
      motivo ?? 'Necesito confirmar quién es usted.',
      'Toque el botón "Ingresar". Se abrirá una página del IESS. Escriba ahí su cédula y su clave.',
      'Nunca escriba su clave en este chat.',
      `El enlace dura ${minutos(expiresInMinutes)} y sirve una sola vez.`,
    ].join('\n'),
  listo: (nombres: string) => `Listo, ${nombres}. Ya ingresó.`,
  esperando:
    'Estoy esperando que ingrese en la página del IESS. Toque el botón "Ingresar" del mensaje anterior. Si el enlace venció o no lo encuentra, pida otro.',
  /** Shown whenever a message carries a clave, at any prompt or at the menu; the prompt is asked again after it. */
  noEscribaClave: [
    'Por su seguridad, no escriba su clave en este chat. No la guardamos ni la mostramos.',
    'Su clave se escribe solo en la página del IESS que se abre con el botón "Ingresar".',
    'Como otra persona pudo verla, le recomiendo cambiarla: cuando termine, escriba "recuperar mi clave" y le ayudo a crear una nueva en línea.',
  ].join('\n'),
  otroEnlace: 'Enviar otro enlace',
  cancelar: 'Cancelar',
  demasiadosEnlaces: `Ya le envié varios enlaces. Use el último que recibió, o escriba "cancelar" y vuelva a intentarlo más tarde. Si tiene problemas para ingresar, llame al ${CONTACTO.telefono}.`,
  ayuda: [
    'Para hacer trámites a su nombre necesito confirmar quién es usted.',
    'Toque el botón "Ingresar" y escriba su cédula y su clave en la página del IESS, no en el chat.',
    'Si no tiene clave o la olvidó, escriba "cancelar" y luego "mi clave del IESS".',
  ].join('\n'),
  /**
   * Not copy: words that may follow "mi clave es" in an ordinary sentence ("mi clave es incorrecta"), without accents,
   * so the chat does not take them for a clave being typed (dialogs/shared/claveInChat.ts).
   */
  palabrasTrasClaveEs:
    'incorrecta correcta invalida valida nueva vieja antigua otra la el un una de del que para por mi su muy no si ' +
    'bloqueada caducada vencida diferente distinta igual larga corta segura olvidada necesaria obligatoria secreta ' +
    'personal mia suya esta facil dificil temporal provisional',
} as const;

/** Sentences of the sign-in page served by the bot (GET and POST /ingresar). */
export const INGRESAR = {
  encabezado: 'Ingreso seguro',
  titulo: 'Ingresar con su clave del IESS',
  intro: 'Escriba su cédula (o, si es extranjero sin cédula, su código de identificación) y su clave personal del IESS.',
  aviso:
    'Use esta página solo si usted la abrió desde el chat del IESS hace unos minutos. Si alguien le envió este enlace, no escriba sus datos.',
  identificacion: 'Cédula o código de identificación',
  identificacionAyuda: 'Cédula de 10 dígitos, o código como EC-EXT-0045871.',
  clave: 'Clave personal',
  boton: 'Ingresar',
  faltanDatos: 'Escriba su cédula y su clave.',
  datosIncorrectos: 'La cédula o la clave no son correctas. Revise los datos e inténtelo de nuevo.',
  exitoTitulo: 'Ingreso correcto',
  exito: 'Listo. Ya puede volver al chat.',
  volver: 'Puede cerrar esta página y volver al chat.',
  vencidoTitulo: 'El enlace venció',
  vencido: 'Este enlace ya venció. Vuelva al chat y toque "Enviar otro enlace" para recibir uno nuevo.',
  usadoTitulo: 'El enlace ya se usó',
  usado: 'Este enlace ya se usó. Cada enlace sirve una sola vez. Si necesita ingresar otra vez, pida un enlace nuevo en el chat.',
  desconocidoTitulo: 'Enlace no válido',
  desconocido: 'Este enlace no es válido. Abra el enlace desde el botón "Ingresar" del chat, o pida uno nuevo en el chat.',
  limiteTitulo: 'Demasiados intentos',
  limite: (minutosEspera: number) =>
    `Hubo demasiados intentos de ingreso. Por su seguridad, espere ${minutos(minutosEspera)} y vuelva a intentarlo. Su clave no se bloqueó.`,
  invalidaTitulo: 'Solicitud no válida',
  invalida: 'No pudimos leer los datos enviados. Vuelva a abrir el enlace desde el chat e inténtelo de nuevo.',
  muyGrande: 'Los datos enviados son demasiado grandes. Vuelva a abrir el enlace desde el chat e inténtelo de nuevo.',
  tipoNoAdmitido: 'El formulario se envió en un formato que no admitimos. Vuelva a abrir el enlace desde el chat e inténtelo de nuevo.',
  errorTitulo: 'No pudimos continuar',
  error: `Tuvimos un problema. Inténtelo de nuevo en unos minutos. Si continúa, llame al ${CONTACTO.telefono}.`,
} as const;

/**
 * Sign-in page for a link opened in another browser than the chat's: it must not invite the citizen to type the
 * clave, and it explains what to do instead (a forwarded link is the phishing case this binding stops).
 */
export const INGRESAR_OTRO_NAVEGADOR = {
  titulo: 'Abra el enlace en el navegador de su chat',
  mensaje:
    'Por su seguridad, este enlace solo funciona en el mismo navegador donde conversa con el asistente virtual del IESS. Vuelva a ese chat y toque ahí el botón "Ingresar".',
  aviso:
    'Si alguien le envió este enlace por correo, mensaje o redes sociales, no lo use y no escriba su clave. Si lo abrió desde su chat y ve este mensaje, revise que su navegador acepte cookies de esta página y pida un enlace nuevo en el chat.',
} as const;
