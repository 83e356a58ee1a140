import { CONTACTO } from './contact';

import type { CaseTypeName, FilingTypeName } from '../../core/domain/cases';
import { TRAMITES_REGISTRY, type FiledTramiteId, type TramiteId } from '../../core/domain/tramites';
import { PENSION_NOMBRE } from './cases';

/** The trámites whose requirements the assistant explains (ids of the registry in core/domain/tramites.ts). */
export type { TramiteId };

/** A trámite's requirements, steps and conditions, written from its seed text in plain Spanish. */
export interface TramiteInfo {
  id: TramiteId;
  nombre: string;
  /** Short label for buttons. */
  etiqueta: string;
  /** Button label when the assistant asks which of two close intents the citizen meant ("Recuperar mi clave"). */
  aclarar: string;
  seed: string;
  /** Each entry is one message: short enough for WhatsApp (under 4,096 characters) and easy to read. */
  secciones: string[];
}

const COSTO = 'El trámite no tiene costo.';

/** Seed 000: Reliquidación de pensiones. */
const RELIQUIDACION: TramiteInfo = {
  id: 'reliquidacion',
  nombre: 'Reliquidación de pensiones',
  etiqueta: 'Reliquidación de pensiones',
  aclarar: 'Solicitar la reliquidación de mi pensión',
  seed: '000',
  secciones: [
    [
      'Reliquidación de pensiones',
      'Sirve para volver a calcular la pensión de un pensionista del Seguro General cuando su empleador ya pagó todos los aportes que debía.',
      'Pueden pedirla los pensionistas del IESS, ecuatorianos o extranjeros.',
      '',
      'Antes de empezar, usted debe:',
      '1. Ser pensionista del Seguro General de Pensiones.',
      '2. No tener aportes pendientes de pago (su empleador ya pagó todos los aportes pendientes).',
      '3. Tener un correo electrónico válido y activo.',
    ].join('\n'),
    [
      'Requisitos:',
      '1. Clave personal del portal del IESS. Si no la tiene, obténgala primero.',
      '2. Su número de cédula.',
      '',
      'Pasos (solo en línea):',
      `1. Ingrese a ${CONTACTO.portal}.`,
      '2. Elija "Trámites virtuales" y luego "Pensionistas".',
      '3. Haga clic en "Solicitud de Mejora o Reliquidación de Pensiones".',
      '4. Ingrese su número de cédula y registre la solicitud.',
    ].join('\n'),
    [
      'Resultado: la reliquidación de su pensión, con el acuerdo de concesión de reliquidación de la renta para las prestaciones de vejez, invalidez o muerte.',
      'Seguimiento: ingrese al portal con su cédula y clave, elija "Trámites virtuales", luego "Pensionistas" y el ícono "Solicitud de Mejora o Reliquidación de Pensiones". En casos excepcionales puede preguntar por su trámite en los centros de atención del IESS.',
      COSTO,
      `Atención al ciudadano: teléfono ${CONTACTO.telefono}.`,
    ].join('\n'),
  ],
};

/** Seed 002: Solicitud de reinserción laboral de pensionistas de Riesgos del Trabajo con incapacidad permanente total. */
const REINSERCION: TramiteInfo = {
  id: 'reinsercion',
  nombre: 'Reinserción laboral de pensionistas del Seguro de Riesgos del Trabajo con incapacidad permanente total',
  etiqueta: 'Reinserción laboral',
  aclarar: 'Solicitar la reinserción laboral',
  seed: '002',
  secciones: [
    [
      'Reinserción laboral',
      'Es la autorización para volver a trabajar que pueden pedir los pensionistas del Seguro General de Riesgos del Trabajo con incapacidad permanente total, después de analizar la capacidad que aún tienen para trabajar (capacidad remanente).',
      'Pueden pedirla ecuatorianos y extranjeros.',
      'Resultado: un documento que indica si, según su capacidad remanente, usted puede acceder a una opción de trabajo.',
    ].join('\n'),
    [
      'Requisitos en línea (Ventanilla Virtual):',
      '1. Cédula: escanee el documento y cárguelo.',
      '2. Solicitud de autorización: escanéela y cárguela. Debe tener su nombre completo, su número de identificación, su firma, su correo electrónico y sus números de contacto.',
      'Si es extranjero y no tiene cédula: cargue el documento de su código de identificación (solo si está registrado o afiliado en el IESS).',
      'Cada archivo debe ser JPG o PDF y pesar máximo 1 MB.',
      'Por su seguridad, no se aceptan imágenes borrosas, oscuras, cortadas o ilegibles, ni documentos sin firma.',
      '',
      `Pasos: ingrese a ${CONTACTO.portal}, elija "Trámites virtuales" y el ícono "Ventanilla virtual". En el formulario "Recepción de trámites" ingrese sus datos, elija la provincia y el trámite, detalle su pedido en el mensaje y adjunte los requisitos.`,
    ].join('\n'),
    [
      'También puede hacerlo en persona:',
      'Acérquese a cualquier Centro de Atención Universal del país, a la ventanilla de gestión documental. No necesita sacar turno en línea.',
      'Lleve el original de su cédula (o de su código de identificación si es extranjero sin cédula) y el original de la solicitud de autorización. La firma a mano es obligatoria.',
      `Horario: ${CONTACTO.horario}. Los puntos en centros comerciales tienen otro horario.`,
    ].join('\n'),
    [
      COSTO,
      'Base legal: Reglamento del Seguro General de Riesgos del Trabajo (513), Capítulo XII, artículos 58 al 61; y Ley de Seguridad Social, artículo 155.',
      `Atención al ciudadano: correo ${CONTACTO.correo}, teléfono ${CONTACTO.telefono}.`,
    ].join('\n'),
  ],
};

/** Seed 003: Obtención de la clave personal por primera vez. */
const CLAVE_OBTENER: TramiteInfo = {
  id: 'clave_obtener',
  nombre: 'Clave personal del IESS por primera vez',
  etiqueta: 'Clave por primera vez',
  aclarar: 'Obtener mi clave por primera vez',
  seed: '003',
  secciones: [
    [
      'Clave personal por primera vez',
      'La clave le permite usar todos los servicios del IESS en línea.',
      'Pueden pedirla:',
      '• Afiliados en relación de dependencia.',
      '• Afiliados cesantes.',
      '• Jubilados y beneficiarios de montepío (solo el cónyuge).',
      '• Afiliados voluntarios.',
    ].join('\n'),
    [
      'Pasos:',
      `1. Ingrese a ${CONTACTO.portal}.`,
      '2. En el enlace de afiliado, elija "Solicitud de clave".',
      '3. Ingrese su número de cédula y los datos que le pida el sistema.',
      '4. Si es afiliado voluntario, cesante o jubilado, imprima su solicitud directamente.',
      '   Si trabaja en relación de dependencia, su solicitud va a su empleador para que la califique, la imprima, la firme y se la entregue.',
      '5. Acérquese a las oficinas del IESS con los documentos que indica la parte baja de su solicitud.',
      'Los jubilados y pensionistas deben acercarse a las agencias del IESS a pedir su clave personal.',
    ].join('\n'),
    [
      'Documentos que debe presentar:',
      '• La solicitud impresa del portal, firmada por usted; y también por su empleador si trabaja en relación de dependencia.',
      '• Original y copia a color de su cédula.',
      '• Original y copia a color del certificado de votación, o del documento que justifique su abstención o que pruebe que cumplió la sanción.',
      '• Original y copia de una planilla de servicio básico (agua, luz o teléfono).',
    ].join('\n'),
    [
      'Tenga en cuenta:',
      '• La clave es universal: con ella accede a cualquiera de los servicios del IESS.',
      '• Si ya tiene una clave y pide una nueva, la anterior se desactiva.',
      '• La clave es personal y cuidarla es su responsabilidad. El IESS no responde por lo que se registre con su cédula y su clave.',
    ].join('\n'),
  ],
};

/** Seed 004: Clave de afiliado para acceso al portal IESS (generar / recuperar en línea). */
const CLAVE_RECUPERAR: TramiteInfo = {
  id: 'clave_recuperar',
  nombre: 'Generar o recuperar la clave en línea',
  etiqueta: 'Recuperar clave',
  aclarar: 'Recuperar mi clave',
  seed: '004',
  secciones: [
    [
      'Generar o recuperar su clave en línea',
      'Requisitos:',
      '• Correo electrónico.',
      '• Números de teléfono fijo y/o celular.',
      '• Cédula de ciudadanía. Si es extranjero: su código de identificación.',
    ].join('\n'),
    [
      'Pasos:',
      `1. Ingrese a ${CONTACTO.portal}, elija "Servicios en línea", luego "Asegurados" y "Afiliados".`,
      '2. Elija "Generar / Recuperar clave".',
      '3. Ingrese su número de cédula y marque "No soy un robot".',
      '4. Complete la verificación que aparece en pantalla y haga clic en "Buscar".',
      '5. Ingrese el día y el mes de su nacimiento.',
      '6. Responda 2 preguntas sobre su historia laboral.',
      '7. Responda sus 2 preguntas personales (las que contestó cuando generó su clave por primera vez).',
      '8. Tiene 5 intentos para responder bien los pasos 5, 6 y 7. Si no lo logra, su clave será bloqueada.',
    ].join('\n'),
    [
      '9. Revise que su correo electrónico sea correcto, o cámbielo, y haga clic en "Continuar".',
      '10. Le llegará a su correo un enlace para crear su nueva clave. El enlace dura 15 minutos.',
      '11. Abra el enlace y marque la casilla "Declaración de información fidedigna".',
      '12. Escriba su nueva clave y haga clic en "Confirmar". Debe tener mínimo 8 caracteres, solo letras y números.',
      '',
      COSTO,
      `Atención al ciudadano: teléfono ${CONTACTO.telefono}.`,
    ].join('\n'),
  ],
};

/** Each registered trámite's texts, keyed by its id: a trámite of the registry without texts is a type error. */
export const TRAMITE_TEXTOS: Readonly<Record<TramiteId, TramiteInfo>> = {
  reliquidacion: RELIQUIDACION,
  reinsercion: REINSERCION,
  clave_obtener: CLAVE_OBTENER,
  clave_recuperar: CLAVE_RECUPERAR,
};

/** Every trámite, in menu order (the registry's order). */
export const TRAMITES: readonly TramiteInfo[] = TRAMITES_REGISTRY.map((t) => TRAMITE_TEXTOS[t.id]);

/** Looks a trámite up by id. */
export function getTramite(id: TramiteId): TramiteInfo {
  return TRAMITE_TEXTOS[id];
}

/** Why the assistant asks the citizen to sign in before filing each filed trámite (the sign-in message's first line). */
export const TRAMITE_MOTIVOS_INGRESO: Readonly<Record<FiledTramiteId, string>> = {
  reliquidacion: 'Para presentar su solicitud de reliquidación de pensiones necesito saber quién es usted.',
  reinsercion: 'Para presentar su solicitud de reinserción laboral necesito saber quién es usted.',
};

/** Plain-Spanish name of each kind of case (the store's CaseType). */
export const TIPO_NOMBRE: Record<CaseTypeName, string> = {
  RELIQUIDACION: 'Reliquidación de pensiones',
  REINSERCION: 'Reinserción laboral',
  CLAVE: 'Solicitud de clave personal',
};

/** Per filed kind of case: the title of the confirmation e-mail, and what the citizen obtains when it ends well. */
export const CASO_PRESENTADO: Readonly<Record<FilingTypeName, { titulo: string; resultado: (pensionTipo?: string) => string }>> = {
  RELIQUIDACION: {
    titulo: 'Solicitud de reliquidación de pensiones registrada',
    // Seed 000: the acuerdo de concesión de reliquidación de la renta.
    resultado: (pensionTipo) => {
      const pension = PENSION_NOMBRE[pensionTipo ?? ''];
      return `Si el trámite termina con éxito, usted recibirá el acuerdo de concesión de reliquidación de la renta${pension ? ` de su pensión de ${pension}` : ''}.`;
    },
  },
  REINSERCION: {
    titulo: 'Solicitud de reinserción laboral registrada',
    // Seed 002: the analysis of the remaining capacity to work.
    resultado: () =>
      'El IESS analizará su capacidad remanente para trabajar. El resultado es un documento que indica si usted puede acceder a una opción laboral.',
  },
};
