import { ActivityTypes, type TurnContext } from 'botbuilder';
import {
  ComponentDialog,
  DialogTurnStatus,
  TextPrompt,
  WaterfallDialog,
  type DialogContext,
  type DialogTurnResult,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
import type { IntentName, NluResult } from '../../nlu';
import { CLARIFY_LABELS, IDIOMA, MENU_OPCIONES, MSG, SEGUIMIENTO } from '../../catalog';
import { isInsult, looksEnglish, normalizeForMatch } from '../../nlu';
import { QuejaDialog, QUEJA_DIALOG, type QuejaOptions } from '../quejas/quejaDialog';
import { rerouteOf } from '../shared/newQuestion';
import { conversationalReply } from './conversational';
import { inContextAnswer, tramiteNamed, type Topic } from './inContext';
import { recallTopic, rememberTopic } from './topicMemory';
import { twoQuestions } from './twoQuestions';
import { isFiledTramite, isTramiteId, isTramiteMention, TRAMITES_REGISTRY, type TramiteId } from '../../core/domain/tramites';
import { SIGNIN_COMPLETED_EVENT } from '../../core/ports';
import type { DialogDependencies } from '../dependencies';
import { EstadoTramiteDialog, ESTADO_DIALOG, type EstadoOptions } from '../estado/estadoTramiteDialog';
import { RequisitosDialog, REQUISITOS_DIALOG, type RequisitosOptions, type RequisitosResult } from '../requisitos/requisitosDialog';
import { refuseClaveAndReprompt, warnedAboutClave } from '../shared/claveGuard';
import { isCancelled } from '../shared/interruptibleDialog';
import { reply } from '../shared/replies';
import { understand } from '../shared/understand';
import { conversationKeyOf } from '../shared/conversation';
import { servicioAnswer, servicioToAnswer } from '../servicios/answer';
import type { ServicioId } from '../../core/domain/servicios';
import { isSignOutCommand } from '../signin/signInDialog';
import { TRAMITE_DIALOGS } from '../tramites';
import { bareYesNo, intentFromMenu, intentFromClarification } from './routing';
import { HandoffDialog, HANDOFF_DIALOG } from '../handoff/handoffDialog';
import { SignedInJourneyDialog, SIGNED_IN_JOURNEY_DIALOG, type SignedInJourneyOptions } from './signedInJourney';

/** Id of the root dialog. */
export const MAIN_DIALOG = 'mainDialog';
const WATERFALL = 'mainWaterfall';
const CLARIFY_PROMPT = 'mainClarifyPrompt';

/** What the routing step acts on: an intent, what the NLU found with it, "Mis trámites", or a tapped service. */
interface Routed {
  intent: IntentName;
  nlu?: NluResult;
  misTramites?: boolean;
  servicio?: ServicioId;
  /** The trámite of the conversation, for "Ver los requisitos". */
  tramite?: TramiteId;
}

/** What the root dialog keeps between steps: the intents offered when asking for clarification. */
interface MainValues {
  candidates?: IntentName[];
}

/** A new question a journey was left for: it is answered as if just typed. */
interface MainOptions {
  reroute?: string;
}

/** Root dialog: understands each message, asks when two intents are close, and starts the right journey. */
export class MainDialog extends ComponentDialog {
  constructor(private readonly deps: DialogDependencies) {
    super(MAIN_DIALOG);
    this.addDialog(new TextPrompt(CLARIFY_PROMPT));
    this.addDialog(new RequisitosDialog(deps.recognizer));
    this.addDialog(new EstadoTramiteDialog(deps));
    for (const t of TRAMITES_REGISTRY) if (!t.signIn) this.addDialog(TRAMITE_DIALOGS[t.id].create(deps));
    this.addDialog(new SignedInJourneyDialog(deps));
    this.addDialog(new HandoffDialog(deps));
    this.addDialog(new QuejaDialog(deps.recognizer, deps.complaints, deps.rateLimiter));
    this.addDialog(new WaterfallDialog(WATERFALL, [this.understandStep.bind(this), this.routeStep.bind(this), this.finalStep.bind(this)]));
    this.initialDialogId = WATERFALL;
  }

  /**
   * "cerrar sesión" works at any turn of any journey: it ends the session and every dialog in progress. A message
   * that carries a clave is refused here, before any journey or prompt sees it.
   */
  protected override async onContinueDialog(innerDc: DialogContext): Promise<DialogTurnResult> {
    const { activity } = innerDc.context;
    if (activity.type === ActivityTypes.Message && isSignOutCommand(activity.text ?? '')) {
      await innerDc.cancelAllDialogs();
      await this.signOut(innerDc.context);
      return { status: DialogTurnStatus.complete };
    }
    return (await refuseClaveAndReprompt(innerDc)) ?? super.onContinueDialog(innerDc);
  }

  private async signOut(context: TurnContext): Promise<void> {
    const ended = await this.deps.session.signOut(conversationKeyOf(context));
    await context.sendActivity(reply(ended ? MSG.sesionCerrada : MSG.sinSesion, MENU_OPCIONES));
  }

  private async remember(context: TurnContext, topic: Topic): Promise<void> {
    await rememberTopic(this.deps.topics, context, topic);
  }

  private async understandStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { activity } = step.context;
    const reroute = (step.options as MainOptions | undefined)?.reroute;
    if (reroute) return this.understandText(step, reroute, this.deps.recognizer.recognize(reroute));
    if (activity.type !== ActivityTypes.Message) {
      if (activity.type === ActivityTypes.Event && activity.name === SIGNIN_COMPLETED_EVENT) {
        await step.context.sendActivity(reply(MSG.ingresoSinTramite, MENU_OPCIONES));
      }
      return step.endDialog();
    }
    const text = activity.text?.trim() ?? '';
    if (!text) {
      const hasFiles = (step.context.activity.attachments ?? []).length > 0;
      await step.context.sendActivity(reply(hasFiles ? MSG.archivoSinTramite : MSG.soloTexto, MENU_OPCIONES));
      return step.endDialog();
    }
    if (isSignOutCommand(text)) {
      await this.signOut(step.context);
      return step.endDialog();
    }
    if (await warnedAboutClave(step.context)) {
      await step.context.sendActivity(reply(MSG.algoMas, MENU_OPCIONES));
      return step.endDialog();
    }
    if (looksEnglish(text)) {
      await step.context.sendActivity(reply(IDIOMA.ingles));
      return step.endDialog();
    }
    const fromMenu = intentFromMenu(text);
    if (fromMenu?.choices) return this.clarify(step, fromMenu.choices, fromMenu.question ?? MSG.aclarar);
    if (fromMenu)
      return step.next({ intent: fromMenu.intent, misTramites: fromMenu.misTramites, servicio: fromMenu.servicio } satisfies Routed);
    if (normalizeForMatch(text) === normalizeForMatch(SEGUIMIENTO.requisitosDe)) {
      const topic = await recallTopic(this.deps.topics, step.context);
      return step.next({ intent: 'requisitos', tramite: topic && 'tramite' in topic ? topic.tramite : undefined } satisfies Routed);
    }
    const nlu = understand(step.context, this.deps.recognizer);
    const answer = bareYesNo(text, nlu);
    if (answer !== undefined) {
      await step.context.sendActivity(reply(answer ? MSG.siSinPregunta : MSG.noSinPregunta, MENU_OPCIONES));
      return step.endDialog();
    }
    return this.understandText(step, text, nlu);
  }

  /** A typed message (or a new question a journey was left for): in context first, then two questions, then the intent. */
  private async understandText(step: WaterfallStepContext, text: string, nlu: NluResult): Promise<DialogTurnResult> {
    const topic = await recallTopic(this.deps.topics, step.context);
    const inContext = inContextAnswer(text, nlu, topic);
    if (inContext) {
      await step.context.sendActivity(reply(inContext.text, inContext.choices));
      if (inContext.topic) await this.remember(step.context, inContext.topic);
      return step.endDialog();
    }
    const two = twoQuestions(text, this.deps.recognizer);
    if (two) return this.clarify(step, two, SEGUIMIENTO.dosPreguntas);
    if (isInsult(text) && nlu.intent !== 'queja') return step.next({ intent: 'queja', nlu } satisfies Routed);
    if (nlu.status !== 'ambiguous') return step.next({ intent: nlu.intent, nlu } satisfies Routed);
    const candidates = nlu.ranking.slice(0, 2).map((r) => r.intent);
    const servicio = candidates.every((i) => servicioToAnswer(i, nlu)) ? servicioToAnswer('info_servicio', nlu) : undefined;
    if (servicio) return step.next({ intent: 'info_servicio', nlu, servicio } satisfies Routed);
    return this.clarify(step, candidates, MSG.aclarar);
  }

  private async clarify(step: WaterfallStepContext, candidates: IntentName[], question: string): Promise<DialogTurnResult> {
    (step.values as MainValues).candidates = candidates;
    const options = [...candidates.map((i) => CLARIFY_LABELS[i]), MSG.ningunaOpcion];
    return step.prompt(CLARIFY_PROMPT, { prompt: reply(question, options) });
  }

  private async routeStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const routed: Routed =
      typeof step.result === 'string'
        ? { intent: intentFromClarification(step.result, (step.values as MainValues).candidates ?? [], this.deps.recognizer) }
        : (step.result as Routed);
    const { context } = step;
    const entity = (type: string) => routed.nlu?.entities.find((e) => e.type === type)?.value;
    const { intent } = routed;
    const servicio = routed.servicio ?? servicioToAnswer(intent, routed.nlu);
    if (servicio) {
      const answer = servicioAnswer(servicio);
      await context.sendActivity(reply(answer.text, answer.choices));
      await this.remember(context, { servicio });
      return step.endDialog();
    }
    if (isTramiteId(intent)) {
      await this.remember(context, { tramite: intent });
      if (isFiledTramite(intent)) return step.beginDialog(SIGNED_IN_JOURNEY_DIALOG, { journey: intent } satisfies SignedInJourneyOptions);
      return step.beginDialog(TRAMITE_DIALOGS[intent].dialogId);
    }
    switch (intent) {
      case 'requisitos': {
        const tramite = routed.tramite ?? entity('tramite');
        const options: RequisitosOptions = { tramite: tramite !== undefined && isTramiteMention(tramite) ? tramite : routed.tramite };
        return step.beginDialog(REQUISITOS_DIALOG, options);
      }
      case 'estado_tramite': {
        if (routed.misTramites || (await this.deps.session.current(conversationKeyOf(context)))) {
          return step.beginDialog(SIGNED_IN_JOURNEY_DIALOG, { journey: 'misTramites' } satisfies SignedInJourneyOptions);
        }
        const options: EstadoOptions = { numero: entity('numero_caso'), identificacion: entity('cedula') ?? entity('codigo_extranjero') };
        return step.beginDialog(ESTADO_DIALOG, options);
      }
      case 'queja': {
        const named = routed.nlu ? tramiteNamed(routed.nlu) : undefined;
        const options: QuejaOptions = { text: routed.nlu?.text ?? '', tramite: named, caseNumber: entity('numero_caso') };
        return step.beginDialog(QUEJA_DIALOG, options);
      }
      case 'hablar_agente':
        return step.beginDialog(HANDOFF_DIALOG);
      default: {
        const answer = conversationalReply(intent, routed.nlu, routed.nlu?.text ?? context.activity.text ?? '');
        if (answer) await context.sendActivity(answer);
      }
    }
    return step.endDialog();
  }

  private async finalStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const reroute = rerouteOf(step.result);
    if (reroute) return step.replaceDialog(WATERFALL, { reroute } satisfies MainOptions);
    const explained = (step.result as RequisitosResult | undefined)?.tramite;
    if (typeof explained === 'string' && isTramiteId(explained)) await this.remember(step.context, { tramite: explained });
    if (!isCancelled(step.result)) {
      await step.context.sendActivity(reply(MSG.algoMas, MENU_OPCIONES));
    }
    return step.endDialog();
  }
}
