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
    '• "buscar RL-2026-000123": ver un trámite por su número.',
    '• "buscar 1712345678": ver los trámites de una persona por cédula o código.',
    '• "auditoria RL-2026-000123": ver el registro de acciones de un trámite.',
    '• "desbloquear 1712345678 motivo": habilitar otra vez la recuperación de clave en línea (solo supervisores).',
  ].join('\n'),
  noEntendido: 'No reconocí esa orden. Escriba "ayuda" para ver lo que puede hacer.',
  mensajeLargo: (max: number) => `Su mensaje es muy largo. Escriba como máximo ${max} caracteres.`,
  error: 'No pudimos completar la acción. Intente de nuevo en unos minutos.',
  accionDesconocida: 'Esta acción ya no está disponible. Busque el trámite otra vez.',
  busquedaNoDisponible: 'La búsqueda no está disponible en este momento.',
  sinPermiso: 'Su rol no permite esta acción.',
} as const;
