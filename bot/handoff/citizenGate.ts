import { EventFactory, type TurnContext } from 'botbuilder';
import { HANDOFF, HANDOFF_AGENTE, HANDOFF_OPCIONES, HANDOFF_PUNTAJES, MENU_OPCIONES } from '../../catalog';
import { isCitizenEndCommand, isKeepWaitingCommand, parseSatisfaction } from '../../core/usecases/handoff/commands';
import type { HandoffView } from '../../core/usecases/handoff/ports';
import { createLeaveMessage, MAX_CALLBACK_CHARS } from '../../core/usecases/handoff/requestHandoff';
import { warnedAboutClave } from '../../dialogs/shared/claveGuard';
import { conversationKeyOf } from '../../dialogs/shared/conversation';
import { reply } from '../../dialogs/shared/replies';
import { announcePositions, refreshCard, type HandoffBotDeps } from './deps';

/**
 * Answers a citizen's message while their conversation has an open handoff (or a pending satisfaction question),
 * before any dialog runs: true when handled, so the bot stays silent while an agent owns the conversation. Agents'
 * Teams activities never come here (the agent router takes them).
 */
export class CitizenHandoffGate {
  constructor(private readonly deps: HandoffBotDeps) {}

  async handle(context: TurnContext): Promise<boolean> {
    const { activity } = context;
    if (activity.type !== 'message' || activity.channelId === 'msteams') return false;
    const handoff = await this.deps.records.findForConversation(conversationKeyOf(context));
    if (!handoff) return false;
    const text = (activity.text ?? '').trim();
    if (handoff.estado === 'TERMINADA') return this.survey(context, handoff, text);
    if (await warnedAboutClave(context)) return true;
    if (isCitizenEndCommand(text)) {
      await this.endByCitizen(context, handoff);
      return true;
    }
    if (handoff.estado === 'EN_COLA') await this.waiting(context, handoff, text);
    else await this.relay(context, handoff, text);
    return true;
  }

  private async survey(context: TurnContext, handoff: HandoffView, text: string): Promise<boolean> {
    const puntaje = parseSatisfaction(text);
    if (puntaje === undefined) {
      await this.deps.records.skipSatisfaction(handoff.id);
      return false;
    }
    await this.deps.records.recordSatisfaction({ handoffId: handoff.id, puntaje, now: this.deps.clock() });
    await context.sendActivity(reply(HANDOFF.gracias, MENU_OPCIONES));
    return true;
  }

  private async endByCitizen(context: TurnContext, handoff: HandoffView): Promise<void> {
    const attended = handoff.estado === 'TOMADA';
    const ended = await this.deps.records.end({ handoffId: handoff.id, by: 'ciudadano', now: this.deps.clock(), survey: attended });
    if (!ended) return;
    if (attended) {
      await context.sendActivity(reply(HANDOFF.terminadaPorCiudadano));
      await context.sendActivity(reply(HANDOFF.encuesta, HANDOFF_PUNTAJES));
      await this.toAgent(handoff, HANDOFF_AGENTE.ciudadanoTermino);
    } else {
      await context.sendActivity(reply(HANDOFF.salioDeLaFila, MENU_OPCIONES));
      await announcePositions(this.deps, handoff);
    }
    await context.sendActivity(EventFactory.createHandoffStatus(context.activity.conversation, 'completed'));
    await refreshCard(this.deps, handoff.id);
  }

  private async waiting(context: TurnContext, handoff: HandoffView, text: string): Promise<void> {
    const position = (await this.deps.records.position(handoff.id)) ?? 1;
    if (!handoff.timeoutOfferedAt) {
      await context.sendActivity(reply(HANDOFF.yaEnCola(position), [HANDOFF_OPCIONES.volver]));
      return;
    }
    if (isKeepWaitingCommand(text) || !text) {
      const offerDueAt = new Date(this.deps.clock().getTime() + this.deps.queueTimeoutMinutes * 60_000);
      await this.deps.records.keepWaiting({ handoffId: handoff.id, offerDueAt });
      await context.sendActivity(reply(HANDOFF.sigueEsperando(position), [HANDOFF_OPCIONES.volver]));
      return;
    }
    // After the timeout offer, what the citizen writes is the message they leave; the handoff ends.
    const ended = await this.deps.records.end({ handoffId: handoff.id, by: 'sistema', now: this.deps.clock(), survey: false });
    if (!ended) return;
    const leave = createLeaveMessage({ records: this.deps.records, clock: this.deps.clock, schedule: this.deps.schedule });
    await leave({ conversation: conversationKeyOf(context), afiliadoId: handoff.afiliadoId, mensaje: text.slice(0, MAX_CALLBACK_CHARS) });
    await context.sendActivity(reply(HANDOFF.mensajeRecibido, MENU_OPCIONES));
    await announcePositions(this.deps, handoff);
    await refreshCard(this.deps, handoff.id);
  }

  private async relay(context: TurnContext, handoff: HandoffView, text: string): Promise<void> {
    const attachments = context.activity.attachments ?? [];
    for (const attachment of attachments) {
      if (!handoff.afiliadoId) {
        await context.sendActivity(reply(HANDOFF.archivoSinSesion));
        break;
      }
      const receipt = await this.deps.documents.receive({
        afiliadoId: handoff.afiliadoId,
        purpose: 'complemento',
        attachment,
        conversation: conversationKeyOf(context),
      });
      if (!receipt.ok) {
        await context.sendActivity(reply(receipt.message));
        continue;
      }
      await context.sendActivity(reply(HANDOFF.archivoRecibido(receipt.descripcion)));
      await this.toAgent(handoff, HANDOFF_AGENTE.ciudadanoEnvioDocumento(receipt.descripcion));
    }
    if (text) await this.toAgent(handoff, HANDOFF_AGENTE.ciudadanoDice(text));
    else if (attachments.length === 0) await context.sendActivity(reply(HANDOFF.soloTexto));
  }

  private async toAgent(handoff: HandoffView, text: string): Promise<void> {
    if (!this.deps.desk || !handoff.agentReference) return;
    await this.deps.desk.send(handoff.agentReference, { type: 'message', text, textFormat: 'plain' });
  }
}
