import { CONTACTO } from './contact';

/** Content of one e-mail, before layout: bot/ renders it as plain text plus simple HTML. */
export interface EmailContent {
  subject: string;
  title: string;
  paragraphs: string[];
  link?: { label: string; url: string };
}

/** Footer of every citizen e-mail: the only contact channels and web domain the IESS shows. */
export const EMAIL_FOOTER = `Este es un mensaje automático del IESS. No responda a este correo. Atención al ciudadano: ${CONTACTO.telefono} · ${CONTACTO.correo} · ${CONTACTO.portal}`;

/** Fixed texts of the e-mail layout. */
export const EMAIL_LAYOUT = {
  /** Shown under the call-to-action button, before the bare address. */
  copyLink: 'Si el botón no funciona, copie esta dirección en su navegador:',
} as const;

/** The link to create a new clave (seed 004, steps 10–12). */
export function resetLinkEmail(options: { nombres: string; url: string; minutes: number }): EmailContent {
  return {
    subject: 'IESS: enlace para crear su nueva clave',
    title: 'Cree su nueva clave del IESS',
    paragraphs: [
      `Estimado(a) ${options.nombres}:`,
      `Recibimos su pedido para generar una nueva clave. Abra el enlace de abajo. Dura ${options.minutes} minutos y solo sirve una vez.`,
      'En la página marque la casilla "Declaración de información fidedigna" y escriba su nueva clave dos veces: mínimo 8 caracteres, solo letras y números, con al menos una letra y un número.',
      'Si usted no pidió este cambio, no abra el enlace y llame al IESS. Su clave actual sigue funcionando hasta que cree una nueva.',
    ],
    link: { label: 'Crear mi nueva clave', url: options.url },
  };
}

/** Tells the previous address that the recovery e-mail was sent elsewhere. */
export function emailChangedNotice(options: { nombres: string; maskedNew: string }): EmailContent {
  return {
    subject: 'IESS: se cambió el correo para recuperar su clave',
    title: 'Cambio de correo electrónico',
    paragraphs: [
      `Estimado(a) ${options.nombres}:`,
      `Durante la recuperación de su clave en el asistente virtual se registró un correo nuevo: ${options.maskedNew}. El enlace para crear la nueva clave se envió a ese correo.`,
      `Si usted no hizo este cambio, llame de inmediato al ${CONTACTO.telefono} o escriba a ${CONTACTO.correo}.`,
    ],
  };
}

/** Tells the owner that five failed intentos blocked online recovery (seed 004), and how the block ends. */
export function recoveryBlockedEmail(options: { nombres: string; horas: number }): EmailContent {
  return {
    subject: 'IESS: se bloqueó la recuperación de su clave en línea',
    title: 'Recuperación de clave bloqueada',
    paragraphs: [
      `Estimado(a) ${options.nombres}:`,
      'Hubo 5 intentos fallidos de recuperar su clave en el asistente virtual. Por su seguridad, bloqueamos la recuperación de la clave en línea.',
      `El bloqueo termina en ${options.horas} horas. Antes de ese plazo, puede pedir que lo levanten en una agencia del IESS o al ${CONTACTO.telefono}, después de verificar su identidad.`,
      'Su clave actual no cambió y sigue funcionando. Si usted no hizo estos intentos, no comparta sus datos personales con nadie.',
    ],
  };
}

/** Confirms a changed clave; never contains the clave. */
export function claveChangedEmail(options: { nombres: string; fecha: string }): EmailContent {
  return {
    subject: 'IESS: su clave fue cambiada',
    title: 'Su clave fue cambiada',
    paragraphs: [
      `Estimado(a) ${options.nombres}:`,
      `Su clave del IESS se cambió el ${options.fecha}. Desde ahora use la nueva clave para entrar a los servicios en línea. La clave anterior ya no funciona.`,
      'Recuerde: su clave es personal y cuidarla es su responsabilidad. El IESS nunca le pedirá su clave por teléfono, correo o chat.',
      `Si usted no hizo este cambio, llame de inmediato al ${CONTACTO.telefono}.`,
    ],
  };
}

/** Asks the employer to review, print, sign and hand over a dependent worker's clave request (seed 003). */
export function employerClaveRequestEmail(options: { empresa: string; trabajador: string; numero: string }): EmailContent {
  return {
    subject: `IESS: solicitud de clave de su trabajador(a) ${options.trabajador}`,
    title: 'Solicitud de clave personal de un trabajador',
    paragraphs: [
      `Señores ${options.empresa}:`,
      `Su trabajador(a) ${options.trabajador} pidió su clave personal del IESS (solicitud ${options.numero}).`,
      `Por trabajar en relación de dependencia, la solicitud llega a ustedes como empleador. Ingrese con su clave patronal a ${CONTACTO.portal}, califique la solicitud, imprímala, fírmela y entréguela a su trabajador(a).`,
      'Con la solicitud firmada, su trabajador(a) se acercará a las oficinas del IESS con sus documentos.',
    ],
  };
}

/** Confirms to the citizen that a first-time clave request was registered. */
export function claveRequestEmail(options: { nombres: string; numero: string; pasos: string[] }): EmailContent {
  return {
    subject: `IESS: recibimos su solicitud de clave ${options.numero}`,
    title: 'Solicitud de clave personal registrada',
    paragraphs: [
      `Estimado(a) ${options.nombres}:`,
      `Registramos su solicitud de clave personal número ${options.numero}.`,
      ...options.pasos,
    ],
  };
}
