/**
 * The portal-services registry's domain half: one entry per service of seed 001 ("22 trámites principales" of the
 * portal, available 24 hours), with who it is for and which of the bot's own journeys is the next step. The texts
 * live in the catalog (catalog/es-EC/servicios.ts), a `Record` keyed by the same id, so a missing text is a type
 * error. The ids are the NLU's `servicio` entity values (nlu/data/lexicon.json `servicios`).
 */

/** Who a service is for. */
export type Audiencia = 'afiliado' | 'pensionista' | 'empleador';

/** A journey of this bot that a service answer can offer as the next step. */
export type ServicioSiguiente = 'clave_obtener' | 'clave_recuperar';

/** One portal service, or a family ("préstamos", "certificados") that narrows to its members. */
export interface ServicioDefinition {
  /** Stable id; the value of the NLU's `servicio` entity. */
  readonly id: string;
  /** Who the service is for. */
  readonly audiencia: Audiencia;
  /** Journeys of this bot offered after the answer, in order; empty when the bot has none to offer. */
  readonly siguiente: readonly ServicioSiguiente[];
  /** For a family: the services it narrows to. */
  readonly grupo?: readonly string[];
}

const CLAVE: readonly ServicioSiguiente[] = ['clave_obtener', 'clave_recuperar'];
const NINGUNO: readonly ServicioSiguiente[] = [];

/** Every portal service, in seed 001's order, then the two families. */
export const SERVICIOS_REGISTRY = [
  { id: 'historial_laboral', audiencia: 'afiliado', siguiente: CLAVE },
  { id: 'actualizacion_datos', audiencia: 'afiliado', siguiente: CLAVE },
  { id: 'certificado_afiliacion', audiencia: 'afiliado', siguiente: CLAVE },
  { id: 'fondos_reserva', audiencia: 'afiliado', siguiente: CLAVE },
  { id: 'retiro_fondos_reserva', audiencia: 'afiliado', siguiente: CLAVE },
  { id: 'desbloqueo_clave', audiencia: 'afiliado', siguiente: ['clave_recuperar'] },
  { id: 'jubilacion', audiencia: 'afiliado', siguiente: CLAVE },
  { id: 'prestamo_quirografario', audiencia: 'afiliado', siguiente: CLAVE },
  { id: 'prestamo_hipotecario', audiencia: 'afiliado', siguiente: CLAVE },
  { id: 'cuenta_bancaria', audiencia: 'afiliado', siguiente: CLAVE },
  { id: 'clave_patronal', audiencia: 'empleador', siguiente: NINGUNO },
  { id: 'aportes', audiencia: 'empleador', siguiente: NINGUNO },
  { id: 'avisos_entrada_salida', audiencia: 'empleador', siguiente: NINGUNO },
  { id: 'certificado_obligaciones_patronales', audiencia: 'empleador', siguiente: NINGUNO },
  { id: 'subsidios', audiencia: 'afiliado', siguiente: CLAVE },
  { id: 'planillas', audiencia: 'empleador', siguiente: NINGUNO },
  { id: 'certificado_no_adeudar', audiencia: 'afiliado', siguiente: CLAVE },
  { id: 'pagos_pensionistas', audiencia: 'pensionista', siguiente: CLAVE },
  { id: 'certificado_pensionista', audiencia: 'pensionista', siguiente: CLAVE },
  { id: 'extension_cobertura_salud', audiencia: 'afiliado', siguiente: CLAVE },
  { id: 'registro_salida_pais', audiencia: 'pensionista', siguiente: CLAVE },
  { id: 'prestamos', audiencia: 'afiliado', siguiente: NINGUNO, grupo: ['prestamo_quirografario', 'prestamo_hipotecario'] },
  {
    id: 'certificados',
    audiencia: 'afiliado',
    siguiente: NINGUNO,
    grupo: ['certificado_afiliacion', 'certificado_pensionista', 'certificado_no_adeudar', 'certificado_obligaciones_patronales'],
  },
] as const satisfies readonly ServicioDefinition[];

/** Id of a portal service or family. */
export type ServicioId = (typeof SERVICIOS_REGISTRY)[number]['id'];

/** Every id, in registry order. */
export const SERVICIO_REGISTRY_IDS: readonly ServicioId[] = SERVICIOS_REGISTRY.map((s) => s.id);

/** Whether a string (for example an NLU entity value) is a registered service id. */
export function isServicioId(value: string): value is ServicioId {
  return (SERVICIO_REGISTRY_IDS as readonly string[]).includes(value);
}

/** The registry entry of a service, widened to the common shape. */
export function getServicio(id: ServicioId): ServicioDefinition {
  const found = SERVICIOS_REGISTRY.find((s) => s.id === id);
  if (!found) throw new Error(`Unknown service ${id}`);
  return found;
}

/** The members of a family, or none for a single service. */
export function grupoDe(id: ServicioId): readonly ServicioId[] {
  return (getServicio(id).grupo ?? []).filter(isServicioId);
}
