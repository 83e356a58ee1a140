import {
  TextPrompt,
  WaterfallDialog,
  type PromptValidatorContext,
  type WaterfallStepContext,
  type DialogTurnResult,
} from 'botbuilder-dialogs';
import type { Recognizer } from '../../nlu';
import { getTramite, MSG, REQUISITOS, TRAMITES } from '../../catalog';
import { isTramiteId, TRAMITE_IDS, tramitesMentioned, type IntentName, type TramiteId } from '../../core/domain/tramites';
import { InterruptibleDialog } from '../shared/interruptibleDialog';
import { reply } from '../shared/replies';
import { isTramiteChoice, resolveTramiteChoice, type TramiteChoice } from './resolveTramite';

/** Id of the requirements journey. */
export const REQUISITOS_DIALOG = 'requisitosDialog';
const WATERFALL = 'requisitosWaterfall';
const TRAMITE_PROMPT = 'requisitosTramitePrompt';
const CLAVE_PROMPT = 'requisitosClavePrompt';
const MAX_ATTEMPTS = 3;

/** What the parent may already know: a trámite, or just "clave" when it is unclear which clave procedure. */
export interface RequisitosOptions {
  tramite?: TramiteChoice;
}

/** The trámite explained, or nothing when the citizen gave up choosing. */
export interface RequisitosResult {
  tramite?: TramiteId;
}

/** A mention that names several trámites ("clave"): the citizen is asked which one. */
type Family = Exclude<TramiteChoice, TramiteId>;

/** The button labels of a family's trámites, in registry order. */
function familyOptions(family: Family): string[] {
  return tramitesMentioned(family).map((id) => getTramite(id).etiqueta);
}

/** Explains a trámite's requirements, steps, cost and contacts, faithfully to its seed text. */
export class RequisitosDialog extends InterruptibleDialog {
  constructor(recognizer: Recognizer) {
    super(REQUISITOS_DIALOG, recognizer);
    this.addDialog(new TextPrompt(TRAMITE_PROMPT, (p) => this.validateChoice(p)));
    this.addDialog(new TextPrompt(CLAVE_PROMPT, (p) => this.validateChoice(p, 'clave')));
    this.addDialog(new WaterfallDialog(WATERFALL, [this.chooseStep.bind(this), this.chooseClaveStep.bind(this), this.showStep.bind(this)]));
    this.initialDialogId = WATERFALL;
  }

  protected override helpText(): string {
    return REQUISITOS.ayuda;
  }

  /** Naming a trámite, or asking its requirements again, answers "¿De qué trámite?": it is not a new question. */
  protected override ownIntents(): readonly IntentName[] {
    return [...TRAMITE_IDS, 'requisitos'];
  }

  private async chooseStep(step: WaterfallStepContext<RequisitosOptions>): Promise<DialogTurnResult> {
    const known = step.options?.tramite;
    if (known) return step.next(known);
    return step.prompt(TRAMITE_PROMPT, {
      prompt: reply(
        REQUISITOS.elegir,
        TRAMITES.map((t) => t.etiqueta),
      ),
      retryPrompt: reply(
        REQUISITOS.reintentar,
        TRAMITES.map((t) => t.etiqueta),
      ),
    });
  }

  private async chooseClaveStep(step: WaterfallStepContext<RequisitosOptions>): Promise<DialogTurnResult> {
    const choice = this.toChoice(step.result);
    if (choice === undefined || isTramiteId(choice)) return step.next(choice);
    const options = familyOptions(choice);
    return step.prompt(CLAVE_PROMPT, {
      prompt: reply(REQUISITOS.elegirClave, options),
      retryPrompt: reply(REQUISITOS.elegirClave, options),
    });
  }

  private async showStep(step: WaterfallStepContext<RequisitosOptions>): Promise<DialogTurnResult> {
    const choice = this.toChoice(step.result);
    if (!choice || !isTramiteId(choice)) {
      await step.context.sendActivity(reply(MSG.demasiadosIntentos));
      return step.endDialog({} satisfies RequisitosResult);
    }
    const tramite = getTramite(choice);
    for (const section of tramite.secciones) await step.context.sendActivity(reply(section));
    return step.endDialog({ tramite: tramite.id } satisfies RequisitosResult);
  }

  /**
   * Accepts a recognised trámite (one of `family`'s when given); after the last attempt accepts anything so the
   * journey can end politely.
   */
  private async validateChoice(prompt: PromptValidatorContext<string>, family?: Family): Promise<boolean> {
    const choice = resolveTramiteChoice(prompt.recognized.value ?? '', this.recognizer);
    const valid = family ? choice !== undefined && isTramiteId(choice) && tramitesMentioned(family).includes(choice) : choice !== undefined;
    return valid || prompt.attemptCount >= MAX_ATTEMPTS;
  }

  private toChoice(value: unknown): TramiteChoice | undefined {
    if (typeof value !== 'string') return undefined;
    if (isTramiteChoice(value)) return value;
    return resolveTramiteChoice(value, this.recognizer);
  }
}
