import { ActivityTypes, TurnContext, type Activity } from 'botbuilder';
import { AGENTES, AGENTES_ACCESO } from '../../catalog';
import type { Clock } from '../../core/ports';
import type { AuditLog, StaffDirectory } from '../../core/usecases/agents/ports';
import type { Logger } from '../logger';
import type { AgentFeature, AgentIdentity, AgentInvokeResult } from './feature';
import { invokeFallback, sendInvokeResult } from './invoke';

/** The channel id of every activity Microsoft Teams sends. */
export const TEAMS_CHANNEL_ID = 'msteams';

/** Why the router refused an activity (kept in the audit entry, never shown to the caller). */
export type AccessRefusal = 'tenant_not_configured' | 'no_tenant' | 'other_tenant' | 'no_aad_object_id' | 'not_staff' | 'inactive';

/** The ports and features an AgentRouter is built with. */
export interface AgentRouterOptions {
  /** The allowed Entra ID tenant (TEAMS_TENANT_ID); undefined refuses every Teams activity. */
  tenantId: string | undefined;
  staff: StaffDirectory;
  audit: AuditLog;
  /** Offered every accepted message and invoke, in this order; the first that handles it wins. */
  features: readonly AgentFeature[];
  logger: Logger;
  clock: Clock;
  maxMessageChars: number;
}

/** Longest raw id kept in an audit entry for a refused caller (ids are GUIDs; anything longer is cut). */
const MAX_RAW_ID = 64;

const raw = (value: unknown): string | undefined => (typeof value === 'string' && value ? value.slice(0, MAX_RAW_ID) : undefined);

/** The tenant an activity claims: `channelData.tenant.id` and `conversation.tenantId`, which must agree when both are set. */
export function tenantOf(activity: Partial<Activity>): { tenantId?: string; conflicting: boolean } {
  const channelData = activity.channelData as { tenant?: { id?: unknown } } | undefined;
  const fromChannelData = raw(channelData?.tenant?.id)?.toLowerCase();
  const fromConversation = raw(activity.conversation?.tenantId)?.toLowerCase();
  const conflicting = !!fromChannelData && !!fromConversation && fromChannelData !== fromConversation;
  return { tenantId: fromChannelData ?? fromConversation, conflicting };
}

/** The text of an agent's message without the bot's @mention (channel posts carry one), trimmed. */
export function agentText(context: TurnContext): string {
  const text = TurnContext.removeRecipientMention(context.activity as Activity) ?? context.activity.text ?? '';
  return text.replace(/<at>[^<]*<\/at>/g, ' ').trim();
}

/**
 * Front door of the agents' side in Teams: every `msteams` activity comes here instead of the citizens' bot. It
 * checks the tenant and the staff table (and the active flag), records and answers refusals, records the agent's
 * personal-chat reference, then offers messages and invokes to the features in order. An invoke nobody handles and
 * a message nobody understands still get an answer.
 */
export class AgentRouter {
  constructor(private readonly options: AgentRouterOptions) {
    if (!options.staff || !options.audit || !options.logger) throw new Error('AgentRouter: missing a port');
  }

  /** Runs one Teams turn. */
  async run(context: TurnContext): Promise<void> {
    const { activity } = context;
    const isInstall =
      activity.type === ActivityTypes.ConversationUpdate && (activity.membersAdded ?? []).some((m) => m.id === activity.recipient?.id);
    if (activity.type !== ActivityTypes.Message && activity.type !== ActivityTypes.Invoke && !isInstall) return;
    const access = await this.authenticate(activity);
    if (typeof access === 'string') return this.refuse(context, access);
    if (activity.conversation?.conversationType === 'personal') {
      await this.options.staff.recordPersonalReference(access.staffId, TurnContext.getConversationReference(activity));
    }
    try {
      if (activity.type === ActivityTypes.Invoke) await sendInvokeResult(context, await this.invoke(context, access));
      else if (activity.type === ActivityTypes.Message) await this.message(context, access);
      else await context.sendActivity(AGENTES.bienvenida(access.nombre));
    } catch (error) {
      this.options.logger.error('agents.turn_failed', { error: error instanceof Error ? error.message : String(error) });
      if (activity.type === ActivityTypes.Invoke)
        await sendInvokeResult(context, invokeFallback(activity.name, 500, 'InternalError', AGENTES.error));
      else await context.sendActivity(AGENTES.error);
    }
  }

  /** The checked identity of the caller, or why it is refused. */
  private async authenticate(activity: Partial<Activity>): Promise<AgentIdentity | AccessRefusal> {
    const allowed = this.options.tenantId?.toLowerCase();
    if (!allowed) return 'tenant_not_configured';
    const { tenantId, conflicting } = tenantOf(activity);
    if (!tenantId) return 'no_tenant';
    if (conflicting || tenantId !== allowed) return 'other_tenant';
    const aadObjectId = raw(activity.from?.aadObjectId);
    if (!aadObjectId) return 'no_aad_object_id';
    const member = await this.options.staff.findStaffByAadObjectId(aadObjectId);
    if (!member || member.tenantId.toLowerCase() !== allowed) return 'not_staff';
    if (!member.active) return 'inactive';
    return { staffId: member.id, aadObjectId: member.aadObjectId, tenantId: member.tenantId, nombre: member.nombre, rol: member.rol };
  }

  /** Records the refusal in the audit trail and answers it with the short message (or the invoke's refusal shape). */
  private async refuse(context: TurnContext, reason: AccessRefusal): Promise<void> {
    const { activity } = context;
    await this.options.audit.append({
      actorAadObjectId: raw(activity.from?.aadObjectId),
      actorTenantId: tenantOf(activity).tenantId,
      action: 'teams.access',
      after: { type: activity.type, name: raw(activity.name) },
      outcome: `refused:${reason}`,
      at: this.options.clock(),
    });
    this.options.logger.warn('agents.access_refused', { reason, type: activity.type });
    const text = reason === 'inactive' ? AGENTES_ACCESO.inactivo : AGENTES_ACCESO.noAutorizado;
    if (activity.type === ActivityTypes.Invoke) await sendInvokeResult(context, invokeFallback(activity.name, 403, 'Forbidden', text));
    else await context.sendActivity(text);
  }

  private async message(context: TurnContext, agent: AgentIdentity): Promise<void> {
    const text = context.activity.text ?? '';
    if (text.length > this.options.maxMessageChars) {
      await context.sendActivity(AGENTES.mensajeLargo(this.options.maxMessageChars));
      return;
    }
    for (const feature of this.options.features) {
      if (feature.onMessage && (await feature.onMessage(context, agent))) return;
    }
    await context.sendActivity(/^\s*(ayuda|help|\?)\s*$/i.test(agentText(context)) ? AGENTES.ayuda : AGENTES.noEntendido);
  }

  private async invoke(context: TurnContext, agent: AgentIdentity): Promise<AgentInvokeResult> {
    for (const feature of this.options.features) {
      const result = feature.onInvoke ? await feature.onInvoke(context, agent) : undefined;
      if (result) return result;
    }
    return invokeFallback(context.activity.name, 501, 'NotImplemented', AGENTES.accionDesconocida);
  }
}
