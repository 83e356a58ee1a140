/**
 * Sentences for the operator who starts the service: why the configuration was refused. Each names the variable
 * to fix. Read in the start-up log, never by a citizen.
 */
export const OPERATOR = {
  /** Prefix of the line written to stderr when the service refuses to start. */
  configuracionNoValida: (detalle: string) => `Configuración no válida: ${detalle}`,
  entero: (variable: string, min: number, max: number, recibido: string) =>
    `${variable} debe ser un entero entre ${min} y ${max}; se recibió "${recibido}".`,
  unoDe: (variable: string, permitidos: readonly string[], recibido: string) =>
    `${variable} debe ser uno de ${permitidos.join(', ')}; se recibió "${recibido}".`,
  appIdEnProduccion: 'Con BOTFRAMEWORK_ENDPOINT=azure, MicrosoftAppId es obligatorio.',
  modoLocalEnProduccion: 'En producción BOTFRAMEWORK_ENDPOINT=local no está permitido: /api/messages quedaría sin autenticación.',
  modoLocalConAppId: 'BOTFRAMEWORK_ENDPOINT=local no admite MicrosoftAppId: use azure, o deje MicrosoftAppId vacío.',
  appPasswordObligatorio: 'MicrosoftAppPassword es obligatorio cuando se define MicrosoftAppId.',
  tenantObligatorio: 'MicrosoftAppTenantId es obligatorio con MicrosoftAppType=SingleTenant.',
  databaseUrlNoValida: 'DATABASE_URL debe ser una URL file: de SQLite (por ejemplo file:./data/iess.db) o postgresql:// de PostgreSQL.',
  /** On PostgreSQL several instances share the store: what each one signs and links must be the same everywhere. */
  appSecretConPostgres: 'Con PostgreSQL (varias instancias) APP_SECRET es obligatorio y debe ser el mismo en todas.',
  trustedProxiesNoValidas: 'TRUSTED_PROXIES debe ser una lista de direcciones IP separadas por comas.',
  publicBaseUrlConPostgres: 'Con PostgreSQL (varias instancias) PUBLIC_BASE_URL es obligatoria y debe ser la misma en todas.',
  appSecretCorto: 'APP_SECRET debe tener al menos 32 caracteres.',
  appSecretEnProduccion: 'En producción APP_SECRET es obligatorio.',
  publicBaseUrlNoValida: (url: string) => `PUBLIC_BASE_URL no es una URL válida: "${url}".`,
  /** Any other refusal of a variable, should a new rule lack its own sentence. */
  valorNoValido: (variable: string, recibido: string) => `${variable} no es válido; se recibió "${recibido}".`,
} as const;
