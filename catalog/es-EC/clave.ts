import { CONTACTO } from './contact';

/** Sentences of the online clave recovery journey (seed 004). */
export const RECUPERAR = {
  intro:
    'Le ayudaré a crear una nueva clave. Le haré las mismas preguntas de seguridad que el portal del IESS. Nunca le pediremos su clave actual.',
  pedirIdentificacion: 'Escriba su número de cédula (10 dígitos). Si es extranjero sin cédula, escriba su código de identificación.',
  identificacionInvalida:
    'Ese número de cédula no es válido. Revise los 10 dígitos e inténtelo de nuevo. Si es extranjero sin cédula, escriba su código de identificación.',
  pedirFecha: '¿Cuál es el día y el mes de su nacimiento? Por ejemplo: 3 de abril, o 03/04.',
  fechaInvalida: 'No entendí la fecha. Escriba el día y el mes, por ejemplo: 21 de noviembre, o 21/11.',
  pedirEmpleador: '¿Cuál de estos empleadores registró aportes a su nombre?',
  pedirAnio: '¿En qué año registró su primer aporte?',
  opcionInvalida: 'Por favor elija una de las opciones.',
  pedirPersonal: (pregunta: string) => `Responda su pregunta personal: ${pregunta}`,
  respuestaVacia: 'Escriba su respuesta, por favor.',
  noCoincide: (restantes: number) =>
    `Algunas respuestas no coinciden con nuestros registros. Le ${restantes === 1 ? 'queda 1 intento' : `quedan ${restantes} intentos`}. Puede intentarlo de nuevo cuando quiera.`,
  bloqueada: [
    'Por su seguridad, la recuperación de la clave en línea está bloqueada para esta identificación, porque hubo 5 intentos fallidos. El bloqueo termina solo después de un tiempo.',
    `Acérquese a una agencia del IESS con su cédula, o llame al ${CONTACTO.telefono}.`,
  ].join('\n'),
  confirmarCorreo: (masked: string) =>
    `Sus respuestas son correctas. Su correo registrado es ${masked}. ¿Le enviamos ahí el enlace para crear su nueva clave?`,
  sinCorreo: 'Sus respuestas son correctas, pero no tenemos un correo registrado para usted.',
  pedirCorreo: 'Escriba el correo electrónico donde quiere recibir el enlace.',
  correoInvalido: 'Ese correo no parece válido. Escriba la dirección completa, con la @.',
  confirmarSiNo: 'Por favor responda "sí" o "no".',
  enviado: (masked: string) =>
    [
      `Listo. Le enviamos un enlace a ${masked}.`,
      'El enlace dura 15 minutos y sirve una sola vez. Ábralo, marque la casilla "Declaración de información fidedigna" y escriba su nueva clave: mínimo 8 caracteres, solo letras y números, con al menos una letra y un número.',
      'Si no ve el correo, revise la carpeta de correo no deseado.',
    ].join('\n'),
  limite: (minutos: number) =>
    `Se hicieron muchos intentos de recuperar la clave en poco tiempo. Por su seguridad, espere ${minutos} minuto${minutos === 1 ? '' : 's'} antes de intentarlo otra vez.`,
  ayuda:
    'Estoy verificando su identidad con las preguntas del IESS: fecha de nacimiento, dos preguntas de su historia laboral y sus dos preguntas personales. Si no recuerda las respuestas, puede acercarse a una agencia del IESS.',
  si: 'Sí',
  no: 'No, usar otro correo',
} as const;

/** Sentences of the page where the citizen sets the new clave. */
export const NUEVA_CLAVE = {
  titulo: 'Crear una nueva clave del IESS',
  saludo: (nombres: string) => `Hola, ${nombres}. Escriba su nueva clave dos veces.`,
  regla: 'La clave debe tener mínimo 8 caracteres, solo letras y números, con al menos una letra y un número.',
  declaracion:
    'Declaración de información fidedigna: declaro que la información que registro es verdadera y que esta clave es personal. Cuidarla es mi responsabilidad.',
  clave: 'Nueva clave',
  confirmacion: 'Repita la nueva clave',
  boton: 'Confirmar',
  faltaDeclaracion: 'Debe marcar la casilla "Declaración de información fidedigna".',
  noCoinciden: 'Las dos claves no son iguales. Escríbalas otra vez.',
  formato: 'La clave no cumple la regla: mínimo 8 caracteres, solo letras y números, con al menos una letra y un número.',
  exito:
    'Su clave fue cambiada. Ya puede entrar a los servicios en línea del IESS con su nueva clave. También le enviamos un correo de confirmación.',
  invalido: 'Este enlace ya no es válido: venció (dura 15 minutos) o ya se usó. Vuelva a pedir la recuperación de su clave en el chat.',
  volver: 'Puede cerrar esta página y volver al chat.',
  limite: 'Hubo demasiados intentos desde su conexión. Espere unos minutos e inténtelo de nuevo.',
} as const;

/** Sentences of the first-time clave request journey (seed 003). */
export const OBTENER = {
  intro: [
    'Le ayudaré a pedir su clave personal por primera vez.',
    'Pueden pedirla: afiliados en relación de dependencia, afiliados cesantes, afiliados voluntarios, jubilados y beneficiarios de montepío (solo el cónyuge).',
  ].join('\n'),
  pedirIdentificacion: RECUPERAR.pedirIdentificacion,
  identificacionInvalida: RECUPERAR.identificacionInvalida,
  pedirFecha:
    'Para proteger sus datos, confirme su identidad. ¿Cuál es el día y el mes de su nacimiento? Por ejemplo: 3 de abril, o 03/04.',
  fechaInvalida: RECUPERAR.fechaInvalida,
  /** The same answer for an unknown identification and for a wrong birth date. */
  noVerificado: `No pudimos verificar sus datos. Revise su número de identificación y su fecha de nacimiento. Si cree que es un error, acérquese a una agencia del IESS o llame al ${CONTACTO.telefono}.`,
  noElegible: [
    'La solicitud de clave en línea es para afiliados en relación de dependencia, cesantes y voluntarios, jubilados y beneficiarios de montepío (cónyuge).',
    'Los pensionistas deben acercarse a una agencia del IESS con su cédula para pedir su clave personal.',
  ].join('\n'),
  enCurso: (numero: string, estado: string) =>
    `Ya tiene una solicitud de clave en curso: ${numero} (estado: ${estado}). No necesita pedirla otra vez.`,
  yaTieneClave:
    'Usted ya tiene una clave activa. Si pide una nueva, la anterior se desactivará. Si la olvidó, puede recuperarla en línea sin ir a una oficina. ¿Quiere pedir una clave nueva de todos modos?',
  mejorRecuperar: 'Entendido. Si olvidó su clave, escriba "recuperar mi clave" y le ayudo a crear una nueva en línea.',
  confirmarContacto: (email: string, telefono: string) =>
    `Confirmemos sus datos de contacto:\n• Correo: ${email}\n• Teléfono: ${telefono}\n¿Son correctos?`,
  pedirCorreo: 'Escriba su correo electrónico actual.',
  correoInvalido: RECUPERAR.correoInvalido,
  pedirTelefono: 'Escriba su número de teléfono fijo o celular. Por ejemplo: 0991234567.',
  telefonoInvalido: 'Ese número no parece válido. Escriba un celular (09…) o un fijo con su código de provincia (02…).',
  registradaEmpleador: (numero: string, empresa: string) =>
    `Registramos su solicitud ${numero}. Como trabaja en relación de dependencia, la enviamos a su empleador, ${empresa}, para que la califique, la imprima, la firme y se la entregue.`,
  /** The employer's name when the store does not know it. */
  empleadorDesconocido: 'su empleador',
  registradaImprimir: (numero: string) => `Registramos su solicitud ${numero}. Descárguela, imprímala y fírmela:`,
  documentos: [
    'Luego acérquese a una oficina del IESS con:',
    '• La solicitud impresa y firmada por usted (y por su empleador si trabaja en relación de dependencia).',
    '• Original y copia a color de su cédula.',
    '• Original y copia a color del certificado de votación, o del documento que justifique su abstención o que pruebe que cumplió la sanción.',
    '• Original y copia de una planilla de servicio básico (agua, luz o teléfono).',
  ].join('\n'),
  agencia: 'Como jubilado o beneficiario de montepío, acérquese a una agencia del IESS para recibir su clave personal.',
  recuerde: [
    'Recuerde:',
    '• La clave es universal: con ella accede a todos los servicios del IESS.',
    '• Si ya tenía una clave, la anterior se desactivará.',
    '• La clave es personal y cuidarla es su responsabilidad.',
  ].join('\n'),
  si: 'Sí',
  no: 'No',
  confirmarSiNo: RECUPERAR.confirmarSiNo,
  ayuda:
    'Estoy registrando su solicitud de clave por primera vez. Necesito su cédula, el día y el mes de su nacimiento, y confirmar su correo y su teléfono.',
} as const;
