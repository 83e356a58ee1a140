import { EventFactory, type TurnContext } from 'botbuilder';
import { HANDOFF, HANDOFF_AGENTE, HANDOFF_PUNTAJES } from '../../catalog';
import { isAgentEndCommand } from '../../core/usecases/handoff/commands';
import type { HandoffView } from '../../core/usecases/handoff/ports';
import { reply } from '../../dialogs/shared/replies';
import type { AgentFeature, AgentIdentity, AgentInvokeResult } from '../agents/feature';
import { cardError, cardMessage, cardRefresh, TEAMS_INVOKES } from '../agents/invoke';
import { agentText } from '../agents/router';
import { queueCard, TAKE_VERB, transcriptText } from './cards';
import { announcePositions, refreshCard, tellCitizen, type HandoffBotDeps } from './deps';

interface CardActionValue {
  action?: { verb?: unknown; data?: { handoffId?: unknown } };
}

/**
 * The agents' side of the handoff, offered every staff activity first by the agent router: "Tomar" on the queue card
 * (atomic in the store: one winner, the card updated for everyone to "tomada por …", the transcript sent to the
 * winner's personal chat), the relay of the agent's messages to the citizen, and "terminar". Every action is audited.
 * Both roles (AGENTE and SUPERVISOR) may attend citizens.
 */
export class HandoffAgentFeature implements AgentFeature {
  readonly name = 'handoff';

  constructor(private readonly deps: HandoffBotDeps) {}

  async onInvoke(context: TurnContext, agent: AgentIdentity): Promise<AgentInvokeResult | undefined> {
    if (context.activity.name !== TEAMS_INVOKES.cardAction) return undefined;
    const value = context.activity.value as CardActionValue | undefined;
    if (value?.action?.verb !== TAKE_VERB) return undefined;
    const handoffId = value.action.data?.handoffId;
    if (typeof handoffId !== 'string' || !handoffId) return cardError(400, 'BadRequest', HANDOFF_AGENTE.yaTerminada);
    return this.take(context, agent, handoffId);
  }

  async onMessage(context: TurnContext, agent: AgentIdentity): Promise<boolean> {
    if (context.activity.conversation?.conversationType !== 'personal') return false;
    const text = agentText(context);
    const handoff = await this.deps.records.findActiveForAgent(agent.staffId);
    if (!handoff) {
      if (!isAgentEndCommand(text)) return false;
      await context.sendActivity(HANDOFF_AGENTE.sinConversacion);
      return true;
    }
    if (isAgentEndCommand(text)) {
      await this.end(context, agent, handoff);
      return true;
    }
    if (!text) {
      await context.sendActivity(HANDOFF_AGENTE.soloTexto);
      return true;
    }
    await tellCitizen(this.deps, handoff, async (citizen) => {
      await citizen.sendActivity(reply(HANDOFF.agenteDice(agent.nombre, text)));
    });
    await this.audit(agent, 'handoff.message', handoff.id, 'ok', undefined, { chars: text.length });
    return true;
  }

  private async take(context: TurnContext, agent: AgentIdentity, handoffId: string): Promise<AgentInvokeResult> {
    const before = await this.deps.records.find(handoffId);
    if (!before) {
      await this.audit(agent, 'handoff.take', handoffId, 'not_found');
      return cardError(404, 'NotFound', HANDOFF_AGENTE.yaTerminada);
    }
    const agentReference =
      (await this.deps.staff.personalReferenceOf(agent.staffId)) ??
      (this.deps.desk ? await this.deps.desk.openAgentChat(agent, context.activity.serviceUrl) : undefined);
    if (!agentReference) return cardError(500, 'InternalError', HANDOFF_AGENTE.yaTerminada);
    const result = await this.deps.records.take({
      handoffId,
      staffId: agent.staffId,
      nombre: agent.nombre,
      agentReference,
      now: this.deps.clock(),
    });
    const masked = await this.deps.maskedIdentification(before.afiliadoId);
    if (!result.taken) {
      const current = result.current ?? before;
      await this.audit(agent, 'handoff.take', handoffId, 'stale', { estado: current.estado, agente: current.agentStaffId });
      return current.estado === 'TOMADA' && current.agentNombre
        ? cardMessage(HANDOFF_AGENTE.yaTomada(current.agentNombre))
        : cardMessage(HANDOFF_AGENTE.yaTerminada);
    }
    const { handoff } = result;
    await this.audit(agent, 'handoff.take', handoffId, 'ok', { estado: before.estado }, { estado: handoff.estado, agente: agent.staffId });
    await refreshCard(this.deps, handoffId);
    await this.deps.desk?.send(agentReference, { type: 'message', text: transcriptText(handoff), textFormat: 'plain' });
    await tellCitizen(this.deps, handoff, async (citizen) => {
      await citizen.sendActivity(reply(HANDOFF.tomada(agent.nombre)));
      await citizen.sendActivity(EventFactory.createHandoffStatus(citizen.activity.conversation, 'accepted'));
    });
    await announcePositions(this.deps, handoff);
    return cardRefresh(queueCard(handoff, masked).content);
  }

  private async end(context: TurnContext, agent: AgentIdentity, handoff: HandoffView): Promise<void> {
    const ended = await this.deps.records.end({ handoffId: handoff.id, by: 'agente', now: this.deps.clock(), survey: true });
    await this.audit(agent, 'handoff.end', handoff.id, ended ? 'ok' : 'stale', { estado: handoff.estado }, { estado: 'TERMINADA' });
    if (!ended) {
      await context.sendActivity(HANDOFF_AGENTE.yaTerminada);
      return;
    }
    await tellCitizen(this.deps, handoff, async (citizen) => {
      await citizen.sendActivity(reply(HANDOFF.terminadaPorAgente));
      await citizen.sendActivity(reply(HANDOFF.encuesta, HANDOFF_PUNTAJES));
      await citizen.sendActivity(EventFactory.createHandoffStatus(citizen.activity.conversation, 'completed'));
    });
    await refreshCard(this.deps, handoff.id);
    await context.sendActivity(HANDOFF_AGENTE.terminaste);
  }

  private async audit(
    agent: AgentIdentity,
    action: string,
    handoffId: string,
    outcome: string,
    before?: unknown,
    after?: unknown,
  ): Promise<void> {
    await this.deps.audit.append({
      staffId: agent.staffId,
      action,
      subjectType: 'handoff',
      subjectId: handoffId,
      before,
      after,
      outcome,
      at: this.deps.clock(),
    });
  }
}
