import type { Audiencia, ServicioId } from '../../core/domain/servicios';
import { CONTACTO } from './contact';

/** Texts of one portal service: its button label and what it does, with seed 001's own facts. */
export interface ServicioTexto {
  /** Button label and name in lists. */
  etiqueta: string;
  /** What the service does and the seed's specific facts, in short sentences. */
  texto: string;
}

/** Texts of every portal service of seed 001, by registry id. */
export const SERVICIO_TEXTOS: Readonly<Record<ServicioId, ServicioTexto>> = {
  historial_laboral: {
    etiqueta: 'Historial laboral',
    texto:
      'La consulta del historial laboral completo muestra todos los períodos en los que usted estuvo registrado con aportes al seguro social. Esta información sirve para verificar su tiempo de cotización acumulado.',
  },
  actualizacion_datos: {
    etiqueta: 'Actualizar mis datos',
    texto:
      'Puede actualizar sus datos personales: dirección, teléfono, correo electrónico y cuenta bancaria. Los cambios quedan registrados de forma inmediata. El IESS recomienda mantener sus datos de contacto al día: así recibe por correo las alertas cuando se requiere documentación adicional o cuando un proceso se completó.',
  },
  certificado_afiliacion: {
    etiqueta: 'Certificado de afiliación',
    texto:
      'El certificado de afiliación se genera en un minuto. Acredita que usted es asegurado activo. Tiene código QR y firma electrónica, que garantizan su validez legal.',
  },
  fondos_reserva: {
    etiqueta: 'Fondos de reserva',
    texto:
      'La consulta de fondos de reserva muestra su saldo acumulado. También puede solicitar el retiro de sus fondos de reserva cuando cumple los requisitos establecidos por ley.',
  },
  retiro_fondos_reserva: {
    etiqueta: 'Retiro de fondos de reserva',
    texto:
      'Puede solicitar el retiro de sus fondos de reserva cuando cumple los requisitos establecidos por ley. La información que tengo no detalla esos requisitos. En el mismo portal puede consultar su saldo acumulado.',
  },
  desbloqueo_clave: {
    etiqueta: 'Desbloqueo de clave',
    texto:
      'Puede desbloquear su clave sin ir a las oficinas. El proceso pide responder preguntas de seguridad y validar su identidad con un código enviado a su correo electrónico registrado.',
  },
  jubilacion: {
    etiqueta: 'Jubilación por vejez',
    texto:
      'Puede solicitar la jubilación por vejez en línea. El sistema calcula automáticamente si usted cumple los requisitos de edad y años de aportación, y genera la solicitud en aproximadamente 20 minutos.',
  },
  prestamo_quirografario: {
    etiqueta: 'Préstamo quirografario',
    texto:
      'Puede solicitar un préstamo quirografario en línea. El aplicativo calcula su capacidad de endeudamiento según su historial de aportes.',
  },
  prestamo_hipotecario: {
    etiqueta: 'Préstamo hipotecario',
    texto: 'Puede solicitar un préstamo hipotecario y consultar las opciones de crédito disponibles.',
  },
  cuenta_bancaria: {
    etiqueta: 'Cuenta bancaria',
    texto: 'Puede registrar y actualizar su cuenta bancaria para el depósito de pensiones o beneficios.',
  },
  clave_patronal: {
    etiqueta: 'Clave patronal',
    texto:
      'La clave patronal es la credencial de acceso al portal del IESS para empleadores. Les permite hacer las gestiones relacionadas con sus trabajadores y el pago de planillas. Se genera en el mismo portal.',
  },
  aportes: {
    etiqueta: 'Aportes patronales',
    texto:
      'La consulta de aportes patronales sirve para verificar los pagos realizados por los empleadores. El sistema muestra el detalle de cada aportación mensual registrada.',
  },
  avisos_entrada_salida: {
    etiqueta: 'Avisos de entrada y salida',
    texto:
      'El empleador registra el aviso de entrada de un trabajador cuando inicia la relación laboral, y el aviso de salida cuando termina la relación laboral.',
  },
  certificado_obligaciones_patronales: {
    etiqueta: 'Certificado de obligaciones patronales',
    texto:
      'El certificado de cumplimiento de obligaciones patronales se descarga en formato digital. Certifica que el empleador está al día en el pago de aportes.',
  },
  subsidios: {
    etiqueta: 'Subsidios',
    texto:
      'Puede solicitar subsidios por enfermedad, maternidad o riesgos del trabajo con formularios electrónicos. El sistema requiere adjuntar los certificados médicos correspondientes.',
  },
  planillas: {
    etiqueta: 'Planillas de pago',
    texto:
      'El empleador genera y consulta sus planillas de pago. Puede ver el detalle de sus obligaciones mensuales y generar los comprobantes necesarios.',
  },
  certificado_no_adeudar: {
    etiqueta: 'Certificado de no adeudar',
    texto:
      'El certificado de no adeudar al IESS se descarga de forma inmediata. Es requisito para participar en contrataciones públicas y para renovar permisos de funcionamiento.',
  },
  pagos_pensionistas: {
    etiqueta: 'Pagos de pensiones',
    texto:
      'Los pensionistas pueden consultar el estado de sus pagos mensuales. El sistema muestra el monto depositado, la fecha de pago y los descuentos aplicados.',
  },
  certificado_pensionista: {
    etiqueta: 'Certificado de pensionista',
    texto: 'El certificado de pensionista se genera en formato PDF, con un solo clic, después de ingresar su número de cédula.',
  },
  extension_cobertura_salud: {
    etiqueta: 'Cobertura de salud para cónyuge e hijos',
    texto:
      'Puede tramitar la extensión de cobertura de salud para su cónyuge y sus hijos. Usted registra los datos de sus dependientes para que accedan a servicios médicos.',
  },
  registro_salida_pais: {
    etiqueta: 'Avisos de entrada y salida del país',
    texto:
      'Los pensionistas que residen en el exterior registran sus avisos de entrada y salida del país. Este trámite es obligatorio para mantener el pago regular de su pensión.',
  },
  prestamos: {
    etiqueta: 'Préstamos',
    texto: 'En el portal puede solicitar préstamos quirografarios y préstamos hipotecarios. ¿De cuál quiere saber más?',
  },
  certificados: {
    etiqueta: 'Certificados',
    texto: 'En el portal puede obtener estos certificados. ¿Cuál necesita?',
  },
};

/** Sentences shared by every service answer. */
export const SERVICIOS = {
  /** How an afiliado or pensionista service is done (seed 001). */
  portal: `Se hace en el portal ${CONTACTO.portal}, las 24 horas del día, con su número de cédula y su clave personal. No necesita ir a una oficina.`,
  /** How an employer service is done (seed 001). */
  portalEmpleador: `Es un servicio para empleadores. Se hace en el portal ${CONTACTO.portal}, las 24 horas del día, con la clave patronal.`,
  /** How the clave patronal itself is obtained (seed 001). */
  portalClavePatronal: `Es un servicio para empleadores, en el portal ${CONTACTO.portal}, disponible las 24 horas del día.`,
  /** Offer of both clave journeys. */
  siguienteClave:
    'Si aún no tiene su clave personal, puedo ayudarle a obtenerla por primera vez. Si la olvidó o está bloqueada, puedo ayudarle a recuperarla en línea.',
  /** Offer of the online recovery only. */
  siguienteRecuperar: 'Puedo ayudarle aquí mismo a recuperar su clave en línea.',
  /** An employer service: the bot has no journey for it. */
  sinSiguienteEmpleador: 'Desde este chat no puedo hacer trámites de empleadores.',
  /** The seeds say nothing more: say so, with the contact channels. */
  sinMasDetalles: `No tengo más detalles de este servicio. Para otras dudas, llame al ${CONTACTO.telefono} o escriba a ${CONTACTO.correo}.`,
  /** Title of the general answer. */
  general: `En el portal ${CONTACTO.portal} puede hacer 22 trámites principales, las 24 horas del día, con su número de cédula y su clave personal, sin ir a una oficina.`,
  /** Question closing the general answer. */
  generalPregunta: '¿De cuál quiere saber más? Escríbame su nombre.',
  /** Heading of each audience's list in the general answer. */
  audiencia: {
    afiliado: 'Para afiliados',
    pensionista: 'Para pensionistas',
    empleador: 'Para empleadores',
  } satisfies Record<Audiencia, string>,
} as const;

/** One line of the general answer: an audience and the names of its services. */
export function lineaAudiencia(audiencia: Audiencia, etiquetas: readonly string[]): string {
  return `• ${SERVICIOS.audiencia[audiencia]}: ${etiquetas.map((e) => e.charAt(0).toLowerCase() + e.slice(1)).join(', ')}.`;
}
