import type { CaseStateName } from '../../core/domain/cases';
import { ESTADO_NOMBRE, formatFecha } from './cases';
/** What the call-centre staff read in Microsoft Teams (the agents' side of the assistant). */

/** Refusals of the agent router: short, the same for every refused caller, so they reveal nothing. */
export const AGENTES_ACCESO = {
  /** Another tenant, no tenant, no Teams tenant configured, or a member of the tenant who is not staff. */
  noAutorizado: 'Este asistente es solo para el personal del centro de atención del IESS. Usted no tiene acceso.',
  /** A staff member whose account is deactivated. */
  inactivo: 'Su cuenta del centro de atención está desactivada. Consulte con su supervisor.',
} as const;

/** General messages of the agents' side. */
export const AGENTES = {
  bienvenida: (nombre: string) =>
    `Hola, ${nombre}. Soy el asistente del IESS para el centro de atención. Escriba "ayuda" para ver lo que puede hacer.`,
  ayuda: [
    'Esto es lo que puede hacer aquí:',
    '• "buscar" y el número del trámite: ver el trámite.',
    '• "buscar" y la cédula o el código: ver los trámites de esa persona.',
    '• "auditoria" y el número del trámite: ver quién hizo qué en el trámite.',
    '• "desbloquear", la cédula o el código, y el motivo: habilitar otra vez la recuperación de clave en línea. Solo para supervisores, después de verificar la identidad de la persona.',
  ].join('\n\n'),
  noEntendido: 'No reconocí esa orden. Escriba "ayuda" para ver lo que puede hacer.',
  mensajeLargo: (max: number) => `Su mensaje es muy largo. Escriba como máximo ${max} caracteres.`,
  error: 'No pudimos completar la acción. Intente de nuevo en unos minutos.',
  accionDesconocida: 'Esta acción ya no está disponible. Busque el trámite otra vez.',
  busquedaNoDisponible: 'La búsqueda no está disponible en este momento.',
  sinPermiso: 'Su rol no permite esta acción.',
} as const;

/** Texts of the case desk: searches, the case card, moves and the audit card. */
export const AGENTES_CASO = {
  busquedaNoValida: 'Escriba el número del trámite (por ejemplo, RL-2026-000042) o la cédula o el código de la persona.',
  noEncontrado: 'No encontramos ningún trámite con esos datos.',
  varios: (n: number) => `Encontramos ${n} trámites de esa persona.`,
  titulo: (numero: string) => `Trámite ${numero}`,
  tipo: 'Tipo',
  estado: 'Estado',
  creado: 'Creado',
  actualizado: 'Último cambio',
  ciudadano: 'Ciudadano',
  identificacion: 'Identificación',
  correo: 'Correo',
  telefono: 'Teléfono',
  sinDato: 'no registrado',
  historial: 'Historial',
  documentos: 'Documentos',
  sinDocumentos: 'El trámite no tiene documentos.',
  enlaceDocumentos: (minutos: number) => `Los enlaces de los documentos son personales y duran ${minutos} minutos.`,
  evento: (estado: CaseStateName, fecha: Date) => `${formatFecha(fecha)}: ${ESTADO_NOMBRE[estado]}`,
  autor: (autor: string) => `Por ${autor}`,
  notaEtiqueta: 'Nota para el ciudadano',
  notaAyuda: 'Para "requiere información", escriba qué falta. Para "negado", escriba el motivo. El ciudadano leerá esta nota.',
  mover: (estado: CaseStateName) => `Pasar a ${ESTADO_NOMBRE[estado]}`,
  sinMovimientos: 'Este trámite ya no se puede mover.',
  verAuditoria: 'Ver auditoría',
  actualizar: 'Actualizar',
  volver: 'Volver al trámite',
  movido: (estado: CaseStateName) => `Listo. El trámite pasó a ${ESTADO_NOMBRE[estado]}. Se avisará al ciudadano.`,
  desactualizado: (estado: CaseStateName) =>
    `El trámite cambió mientras tanto. Ahora está ${ESTADO_NOMBRE[estado]}. Revise la tarjeta actualizada.`,
  noPermitido: (estado: CaseStateName) => `Un trámite ${ESTADO_NOMBRE[estado]} no puede pasar a ese estado.`,
  notaObligatoria: 'Escriba la nota para el ciudadano: qué falta o el motivo de la negación.',
  notaLarga: (max: number) => `La nota es muy larga. Escriba como máximo ${max} caracteres.`,
  datosNoValidos: 'La tarjeta no tiene los datos esperados. Busque el trámite otra vez.',
} as const;

/** Texts of the audit card of a case. */
export const AGENTES_AUDITORIA = {
  titulo: (numero: string) => `Auditoría del trámite ${numero}`,
  vacia: 'Todavía no hay acciones registradas en este trámite.',
  linea: (fecha: Date, quien: string, accion: string, resultado: string) => `${formatFecha(fecha)} · ${quien} · ${accion} · ${resultado}`,
  desconocido: 'persona no identificada',
  acciones: {
    'case.search': 'búsqueda',
    'case.view': 'consulta',
    'case.move': 'cambio de estado',
    'case.audit': 'consulta de auditoría',
    'document.download': 'descarga de documento',
  } as Readonly<Record<string, string>>,
  haciaEstado: (accion: string, estado: CaseStateName) => `${accion} a ${ESTADO_NOMBRE[estado]}`,
  resultadoOk: 'hecho',
  resultadoOtro: 'rechazado',
} as const;

/** Texts of the supervisor's unblock of online clave recovery. */
export const AGENTES_DESBLOQUEO = {
  uso: 'Escriba "desbloquear", luego la cédula o el código de la persona y después el motivo.',
  identificacionNoValida: 'La cédula o el código no es válido. Revíselo e intente de nuevo.',
  sinPermiso: 'Solo un supervisor puede habilitar otra vez la recuperación de clave en línea.',
  motivoObligatorio: (min: number) => `Escriba el motivo, con al menos ${min} caracteres.`,
  motivoLargo: (max: number) => `El motivo es muy largo. Escriba como máximo ${max} caracteres.`,
  hecho: 'Listo. La persona puede recuperar su clave en línea otra vez.',
  noBloqueado: 'La recuperación de clave en línea de esa identificación no está bloqueada. No se cambió nada.',
} as const;
