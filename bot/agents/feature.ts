import type { TurnContext } from 'botbuilder';

/** The two staff roles of the call centre (demo staff: prisma/fixtures/demo-agentes.json). */
export type StaffRole = 'AGENTE' | 'SUPERVISOR';

/**
 * A member of the call-centre staff, as the Teams side knows them once the tenant and the staff table have been
 * checked: the Entra ID object id and tenant, the display name and the role. Never built from an unchecked activity.
 */
export interface AgentIdentity {
  /** Staff row id in the store. */
  staffId: string;
  aadObjectId: string;
  tenantId: string;
  nombre: string;
  rol: StaffRole;
}

/** What a feature answers to an `invoke` it handled: the HTTP status and body Teams expects for that invoke name. */
export interface AgentInvokeResult {
  status: number;
  body?: unknown;
}

/**
 * One piece of the agents' Teams side (case desk, handoff, ...), plugged into the agent router (bot/agents/router.ts).
 * The router authenticates the activity (tenant, staff, role) and offers it to each feature in order; the first that
 * returns something other than `undefined` / `false` has handled it. Features never re-check the tenant, but they
 * check the role an action needs and write the audit trail.
 */
export interface AgentFeature {
  /** Stable name, for logs and the order of the router. */
  readonly name: string;
  /** A message from an agent (personal chat or a channel of the call-centre team): true when handled. */
  onMessage?(context: TurnContext, agent: AgentIdentity): Promise<boolean>;
  /**
   * An `invoke` from an agent (`adaptiveCard/action`, `composeExtension/query`, ...): the result to send back, or
   * undefined when this feature does not own that invoke or verb.
   */
  onInvoke?(context: TurnContext, agent: AgentIdentity): Promise<AgentInvokeResult | undefined>;
}
