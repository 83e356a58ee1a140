/** IESS citizen-service contacts, as given in seeds 000, 002 and 004. The only web domain shown is iess.gob.ec. */
export const CONTACTO = {
  telefono: '593-2-3945666',
  correo: 'atencionalusuario@iess.gob.ec',
  portal: 'www.iess.gob.ec',
  horario: 'lunes a viernes, de 8:00 a 17:00',
} as const;

/** One paragraph with every way to reach citizen service. */
export const CONTACTO_TEXTO = [
  'Atención al ciudadano del IESS:',
  `• Teléfono: ${CONTACTO.telefono}`,
  `• Correo: ${CONTACTO.correo}`,
  `• Centros de Atención en todo el país: ${CONTACTO.horario}. Los puntos en centros comerciales tienen otro horario.`,
  `• Portal web: ${CONTACTO.portal}, disponible las 24 horas.`,
].join('\n');
