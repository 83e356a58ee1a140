/**
 * IESS citizen-service contacts, as given in seeds 000, 002 and 004. The only web domain shown is iess.gob.ec.
 * `horario` is the Centros de Atención's (seed 002); the seeds give no hours for the phone or the e-mail.
 */
export const CONTACTO = {
  telefono: '593-2-3945666',
  correo: 'atencionalusuario@iess.gob.ec',
  portal: 'www.iess.gob.ec',
  horario: 'lunes a viernes, de 8:00 a 17:00',
} as const;

/** The Centros de Atención's hours, as seed 002 gives them, with the shopping-centre exception. */
export const CONTACTO_HORARIO_CENTROS = `Los Centros de Atención del IESS a nivel nacional atienden de ${CONTACTO.horario}. Los puntos en centros comerciales tienen horarios diferenciados.`;

/** One paragraph with every way to reach citizen service. */
export const CONTACTO_TEXTO = [
  'Atención al ciudadano del IESS:',
  `• Teléfono: ${CONTACTO.telefono}`,
  `• Correo: ${CONTACTO.correo}`,
  `• Centros de Atención en todo el país: ${CONTACTO.horario}. Los puntos en centros comerciales tienen otro horario.`,
  `• Portal web: ${CONTACTO.portal}, disponible las 24 horas.`,
].join('\n');

/** "¿Atienden los sábados?", "¿cuál es el horario?": the only hours the seeds give (seed 002). */
export const CONTACTO_HORARIOS = [
  CONTACTO_HORARIO_CENTROS,
  'Ese horario es de lunes a viernes: no tengo un horario de sábados, domingos ni feriados. Tampoco tengo los horarios de los puntos en centros comerciales.',
  `El portal ${CONTACTO.portal} está disponible las 24 horas del día.`,
  `Para el teléfono ${CONTACTO.telefono} y el correo ${CONTACTO.correo} no tengo un horario que darle.`,
].join('\n');

/** "¿Dónde queda la oficina?": the seeds name no addresses. */
export const CONTACTO_LUGARES = [
  `El IESS tiene Centros de Atención a nivel nacional, abiertos de ${CONTACTO.horario}. No tengo las direcciones de cada uno.`,
  `Para saber cuál le queda más cerca, llame al ${CONTACTO.telefono} o escriba a ${CONTACTO.correo}.`,
  `Muchos trámites se hacen en el portal ${CONTACTO.portal}, las 24 horas, sin ir a una oficina.`,
].join('\n');
