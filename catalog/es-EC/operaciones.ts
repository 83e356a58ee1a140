/** What a citizen reads when the service cannot serve a turn right now (the store is down, the service is stopping). */
export const OPERACIONES = {
  /** The answer to a turn while the database does not answer: short, with what to do. */
  servicioNoDisponible: 'Disculpe, en este momento no podemos atenderle. Por favor, inténtelo de nuevo en unos minutos.',
  /** Body of the 503 an instance answers while it stops (the next request goes to another instance). */
  reiniciando: 'El servicio se está reiniciando. Por favor, inténtelo de nuevo en unos segundos.',
  /** Body of the 401/403 of /metrics. */
  metricasNoAutorizado: 'Acceso no autorizado a las métricas.',
  /** Operator: METRICS_TOKEN refused at start-up. */
  metricsTokenCorto: 'METRICS_TOKEN debe tener al menos 32 caracteres.',
} as const;
