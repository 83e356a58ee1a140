import { EventFactory, TurnContext, type Activity } from 'botbuilder';
import {
  ComponentDialog,
  DialogTurnStatus,
  TextPrompt,
  WaterfallDialog,
  type DialogContext,
  type DialogTurnResult,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
import { diasHabiles, HANDOFF, HANDOFF_OPCIONES, MENU_OPCIONES, MSG } from '../../catalog';
import { formatTimeOfDay } from '../../core/domain/handoffHours';
import type { SessionPort } from '../../core/ports';
import type { HandoffPort, TranscriptTurn } from '../../core/usecases/handoff/ports';
import { isNoMessageCommand } from '../../core/usecases/handoff/commands';
import { MAX_CALLBACK_CHARS } from '../../core/usecases/handoff/requestHandoff';
import { conversationKeyOf } from '../shared/conversation';
import { reply } from '../shared/replies';

/** Id of the handoff dialog (registered in the root dialog; journeys reach it through their parent). */
export const HANDOFF_DIALOG = 'handoffDialog';
const WATERFALL = 'handoffWaterfall';
const MESSAGE_PROMPT = 'handoffMessagePrompt';
/** The journeys' CANCELLED result (shared/interruptibleDialog.ts), repeated to avoid an import cycle: the parent adds nothing. */
const CANCELLED = { cancelled: true } as const;

/** The redacted transcript as Bot Framework message activities, for the `handoff.initiate` event's Transcript attachment. */
function transcriptActivities(turns: readonly TranscriptTurn[]): Activity[] {
  const activities: Partial<Activity>[] = turns.map((t) => ({
    type: 'message',
    text: t.text,
    from: { id: t.from, name: t.from, role: t.from === 'ciudadano' ? 'user' : 'bot' },
  }));
  return activities as Activity[];
}

/** What starting a handoff may say: the topic the citizen was on (an intent or journey name). */
export interface HandoffOptions {
  tema?: string;
}

/** What the handoff dialog needs. */
export interface HandoffDialogDependencies {
  handoff: HandoffPort;
  session: SessionPort;
}

/**
 * "Hablar con un agente" at any turn: in hours the citizen is queued and told their place (the bot's handoff gate
 * answers every later turn until the handoff ends); out of hours the citizen gets the hours and may leave a message,
 * which becomes a callback request. Ends with CANCELLED so the parent adds nothing.
 */
export class HandoffDialog extends ComponentDialog {
  constructor(private readonly deps: HandoffDialogDependencies) {
    super(HANDOFF_DIALOG);
    this.addDialog(new TextPrompt(MESSAGE_PROMPT));
    this.addDialog(new WaterfallDialog(WATERFALL, [this.startStep.bind(this), this.messageStep.bind(this)]));
    this.initialDialogId = WATERFALL;
  }

  private async startStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { context } = step;
    const conversation = conversationKeyOf(context);
    const citizen = await this.deps.session.current(conversation);
    const reference = TurnContext.getConversationReference(context.activity);
    const tema = (step.options as HandoffOptions | undefined)?.tema;
    const outcome = await this.deps.handoff.request({ conversation, reference, afiliadoId: citizen?.afiliadoId, tema });
    if (outcome.kind === 'queued') {
      await context.sendActivity(
        reply(outcome.created ? HANDOFF.enCola(outcome.position) : HANDOFF.yaEnCola(outcome.position), [HANDOFF_OPCIONES.volver]),
      );
      if (outcome.created) {
        const handoffContext = { handoffId: outcome.handoffId, tema: tema ?? null, skill: 'centro-de-atencion' };
        await context.sendActivity(
          EventFactory.createHandoffInitiation(context, handoffContext, { activities: transcriptActivities(outcome.transcript) }),
        );
      }
      return step.endDialog(CANCELLED);
    }
    const { schedule } = this.deps.handoff;
    await context.sendActivity(
      reply(
        HANDOFF.fueraDeHorario(diasHabiles(schedule.days), formatTimeOfDay(schedule.openMinute), formatTimeOfDay(schedule.closeMinute)),
      ),
    );
    return step.prompt(MESSAGE_PROMPT, { prompt: reply(HANDOFF.pedirMensaje, [HANDOFF_OPCIONES.noDejarMensaje]) });
  }

  private async messageStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const text = String(step.result ?? '').trim();
    if (!text) {
      await step.context.sendActivity(reply(HANDOFF.mensajeVacio, [HANDOFF_OPCIONES.noDejarMensaje]));
      return step.replaceDialog(WATERFALL, step.options);
    }
    if (isNoMessageCommand(text)) {
      await step.context.sendActivity(reply(HANDOFF.sinMensaje, MENU_OPCIONES));
      return step.endDialog(CANCELLED);
    }
    const conversation = conversationKeyOf(step.context);
    const citizen = await this.deps.session.current(conversation);
    await this.deps.handoff.leaveMessage({ conversation, afiliadoId: citizen?.afiliadoId, mensaje: text.slice(0, MAX_CALLBACK_CHARS) });
    await step.context.sendActivity(reply(HANDOFF.mensajeRecibido, MENU_OPCIONES));
    return step.endDialog(CANCELLED);
  }
}

/**
 * Starts the handoff from any journey (the `hablar_agente` interruption): the journey's steps are dropped and the
 * root dialog's handoff dialog runs in their place.
 */
export async function beginHandoff(innerDc: DialogContext, tema?: string): Promise<DialogTurnResult> {
  if (!innerDc.findDialog(HANDOFF_DIALOG)) {
    // A journey run on its own (outside the root dialog) has no handoff: it gives the contacts and goes on.
    await innerDc.context.sendActivity(reply(`${MSG.agente}\n${MSG.seguimos}`));
    await innerDc.repromptDialog();
    return { status: DialogTurnStatus.waiting };
  }
  await innerDc.cancelAllDialogs();
  return innerDc.beginDialog(HANDOFF_DIALOG, { tema } satisfies HandoffOptions);
}
