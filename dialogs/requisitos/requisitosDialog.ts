import { TextPrompt, WaterfallDialog, type PromptValidatorContext, type WaterfallStepContext, type DialogTurnResult } from 'botbuilder-dialogs';
import type { Recognizer } from '../../nlu';
import { MSG, REQUISITOS } from '../../catalog/es-EC/messages';
import { TRAMITES, getTramite, type TramiteId } from '../../catalog/es-EC/tramites';
import { InterruptibleDialog } from '../shared/interruptibleDialog';
import { reply } from '../shared/replies';
import { resolveTramiteChoice, type TramiteChoice } from './resolveTramite';

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

const CLAVE_OPCIONES = [getTramite('clave_obtener').etiqueta, getTramite('clave_recuperar').etiqueta];

/** Explains a trámite's requirements, steps, cost and contacts, faithfully to its seed text. */
export class RequisitosDialog extends InterruptibleDialog {
  constructor(recognizer: Recognizer) {
    super(REQUISITOS_DIALOG, recognizer);
    this.addDialog(new TextPrompt(TRAMITE_PROMPT, (p) => this.validateChoice(p, false)));
    this.addDialog(new TextPrompt(CLAVE_PROMPT, (p) => this.validateChoice(p, true)));
    this.addDialog(
      new WaterfallDialog(WATERFALL, [
        this.chooseStep.bind(this),
        this.chooseClaveStep.bind(this),
        this.showStep.bind(this),
      ]),
    );
    this.initialDialogId = WATERFALL;
  }

  protected override helpText(): string {
    return `${REQUISITOS.elegir} Toque una opción o escriba el nombre del trámite.`;
  }

  private async chooseStep(step: WaterfallStepContext<RequisitosOptions>): Promise<DialogTurnResult> {
    const known = step.options?.tramite;
    if (known) return step.next(known);
    return step.prompt(TRAMITE_PROMPT, {
      prompt: reply(REQUISITOS.elegir, TRAMITES.map((t) => t.etiqueta)),
      retryPrompt: reply(REQUISITOS.reintentar, TRAMITES.map((t) => t.etiqueta)),
    });
  }

  private async chooseClaveStep(step: WaterfallStepContext<RequisitosOptions>): Promise<DialogTurnResult> {
    const choice = this.toChoice(step.result);
    if (choice !== 'clave') return step.next(choice);
    return step.prompt(CLAVE_PROMPT, {
      prompt: reply(REQUISITOS.elegirClave, CLAVE_OPCIONES),
      retryPrompt: reply(REQUISITOS.elegirClave, CLAVE_OPCIONES),
    });
  }

  private async showStep(step: WaterfallStepContext<RequisitosOptions>): Promise<DialogTurnResult> {
    const choice = this.toChoice(step.result);
    if (!choice || choice === 'clave') {
      await step.context.sendActivity(reply(MSG.demasiadosIntentos));
      return step.endDialog({} satisfies RequisitosResult);
    }
    const tramite = getTramite(choice);
    for (const section of tramite.secciones) await step.context.sendActivity(reply(section));
    return step.endDialog({ tramite: tramite.id } satisfies RequisitosResult);
  }

  /** Accepts a recognised trámite; after the last attempt accepts anything so the journey can end politely. */
  private async validateChoice(prompt: PromptValidatorContext<string>, claveOnly: boolean): Promise<boolean> {
    const choice = resolveTramiteChoice(prompt.recognized.value ?? '', this.recognizer);
    const valid = claveOnly ? choice === 'clave_obtener' || choice === 'clave_recuperar' : choice !== undefined;
    return valid || prompt.attemptCount >= MAX_ATTEMPTS;
  }

  private toChoice(value: unknown): TramiteChoice | undefined {
    if (typeof value !== 'string') return undefined;
    if (value === 'clave' || TRAMITES.some((t) => t.id === value)) return value as TramiteChoice;
    return resolveTramiteChoice(value, this.recognizer);
  }
}
