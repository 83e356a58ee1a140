import { z } from 'zod';
import { WHATSAPP_OPERADOR } from '../../../catalog';

/** Graph API version this channel is written and tested against (Meta's current version when it was pinned). */
export const DEFAULT_WHATSAPP_GRAPH_VERSION = 'v23.0';
/** Meta's Graph host. */
export const DEFAULT_WHATSAPP_GRAPH_URL = 'https://graph.facebook.com';

/** The WhatsApp channel's settings; present only when the four secrets are set. */
export interface WhatsAppConfig {
  verifyToken: string;
  appSecret: string;
  accessToken: string;
  phoneNumberId: string;
  /** Graph base URL without a trailing slash (tests and the simulator point it at the local fake). */
  graphUrl: string;
  /** Pinned Graph API version, e.g. v23.0. */
  graphVersion: string;
  /**
   * The approved utility template for case notifications outside the 24-hour window (WHATSAPP_TEMPLATE_NAME and
   * _LANGUAGE); unset: outside the window the citizen is told by e-mail only. There is no default name: a template
   * exists only once Meta has approved it for this number.
   */
  notificationTemplate?: { name: string; language: string };
}

const blank = (value: unknown): unknown => (value === '' ? undefined : value);
const optional = z.preprocess(blank, z.string().optional());

const schema = z.object({
  WHATSAPP_VERIFY_TOKEN: optional,
  WHATSAPP_APP_SECRET: optional,
  WHATSAPP_ACCESS_TOKEN: optional,
  WHATSAPP_PHONE_NUMBER_ID: optional,
  WHATSAPP_GRAPH_URL: z.preprocess(blank, z.string().default(DEFAULT_WHATSAPP_GRAPH_URL)),
  WHATSAPP_GRAPH_VERSION: z.preprocess(blank, z.string().default(DEFAULT_WHATSAPP_GRAPH_VERSION)),
  WHATSAPP_TEMPLATE_NAME: z.preprocess(
    blank,
    z
      .string()
      .regex(/^[a-z0-9_]{1,512}$/)
      .optional(),
  ),
  WHATSAPP_TEMPLATE_LANGUAGE: z.preprocess(
    blank,
    z
      .string()
      .regex(/^[a-z]{2,3}(_[A-Z]{2})?$/)
      .default('es'),
  ),
});

/**
 * Reads the WhatsApp variables: the channel is on when the four secrets are set and off when none is; a partial
 * set, a malformed version or URL is a problem (a Spanish sentence naming the variable) that stops the start-up.
 */
export function readWhatsAppConfig(env: NodeJS.ProcessEnv): { config?: WhatsAppConfig; problems: string[] } {
  const parsed = schema.safeParse(env);
  if (!parsed.success) return { problems: parsed.error.issues.map((i) => `${String(i.path[0])}: ${i.message}`) };
  const e = parsed.data;
  const secrets = [e.WHATSAPP_VERIFY_TOKEN, e.WHATSAPP_APP_SECRET, e.WHATSAPP_ACCESS_TOKEN, e.WHATSAPP_PHONE_NUMBER_ID];
  const problems: string[] = [];
  if (!/^v\d{1,3}\.\d$/.test(e.WHATSAPP_GRAPH_VERSION)) problems.push(WHATSAPP_OPERADOR.versionNoValida(e.WHATSAPP_GRAPH_VERSION));
  if (!URL.canParse(e.WHATSAPP_GRAPH_URL) || !/^https?:/.test(e.WHATSAPP_GRAPH_URL))
    problems.push(WHATSAPP_OPERADOR.urlNoValida(e.WHATSAPP_GRAPH_URL));
  const set = secrets.filter((s) => s !== undefined).length;
  if (set !== 0 && set !== secrets.length) problems.push(WHATSAPP_OPERADOR.configIncompleta);
  if (problems.length > 0 || set === 0) return { problems };
  return {
    problems,
    config: {
      verifyToken: e.WHATSAPP_VERIFY_TOKEN ?? '',
      appSecret: e.WHATSAPP_APP_SECRET ?? '',
      accessToken: e.WHATSAPP_ACCESS_TOKEN ?? '',
      phoneNumberId: e.WHATSAPP_PHONE_NUMBER_ID ?? '',
      graphUrl: e.WHATSAPP_GRAPH_URL.replace(/\/+$/, ''),
      graphVersion: e.WHATSAPP_GRAPH_VERSION,
      notificationTemplate: e.WHATSAPP_TEMPLATE_NAME
        ? { name: e.WHATSAPP_TEMPLATE_NAME, language: e.WHATSAPP_TEMPLATE_LANGUAGE }
        : undefined,
    },
  };
}
