import { TextPrompt, WaterfallDialog, type DialogTurnResult, type PromptOptions, type WaterfallStepContext } from 'botbuilder-dialogs';
import { MIS, MSG } from '../../catalog';
import { DocumentoDialog, DOCUMENTO_DIALOG, type DocumentoOptions, type DocumentoResult } from '../documentos/documentoDialog';
import type { SignedInCitizen } from '../../core/ports';
import type { DialogDependencies } from '../dependencies';
import { CANCELLED, InterruptibleDialog, isCancelled } from '../shared/interruptibleDialog';
import { reply } from '../shared/replies';
import { acceptsChoice, readChoice } from './validators';

/** Id of the "mis trámites" journey. */
export const MIS_TRAMITES_DIALOG = 'misTramitesDialog';
const WATERFALL = 'misTramitesWaterfall';
const CHOICE_PROMPT = 'misTramitesChoicePrompt';

/** Cases listed and offered as buttons, newest first. */
export const MAX_CASES_SHOWN = 8;

/** The parent has already signed the citizen in; `again` skips the list when the citizen comes back to pick another case. */
export interface MisTramitesOptions {
  citizen: SignedInCitizen;
  again?: boolean;
}

/** Kept between turns: the options offered and the case whose missing document is being sent. */
interface MisTramitesValues {
  offered?: string[];
  numero?: string;
  nota?: string;
}

/**
 * Lists the signed-in citizen's cases with state, date and latest note; a case opened by its number shows its
 * history and documents; a case in REQUIERE_INFORMACION lets the citizen send the missing document.
 */
export class MisTramitesDialog extends InterruptibleDialog {
  constructor(private readonly deps: Pick<DialogDependencies, 'recognizer' | 'filing' | 'documents'>) {
    super(MIS_TRAMITES_DIALOG, deps.recognizer);
    this.addDialog(
      new TextPrompt(CHOICE_PROMPT, async (p) => acceptsChoice(p.recognized.value ?? '', choicesOf(p.options), p.attemptCount)),
    );
    this.addDialog(new DocumentoDialog(deps));
    this.addDialog(
      new WaterfallDialog(WATERFALL, [
        this.listStep.bind(this),
        this.openStep.bind(this),
        this.actionStep.bind(this),
        this.submitStep.bind(this),
      ]),
    );
    this.initialDialogId = WATERFALL;
  }

  protected override helpText(): string {
    return MIS.ayuda;
  }

  private async listStep(step: WaterfallStepContext<MisTramitesOptions>): Promise<DialogTurnResult> {
    const all = await this.deps.filing.listCases({ afiliadoId: step.options.citizen.afiliadoId });
    if (all.length === 0) return this.end(step, MIS.sinTramites);
    const shown = all.slice(0, MAX_CASES_SHOWN);
    if (!step.options.again) await step.context.sendActivity(reply(MIS.lista(shown, all.length)));
    return this.ask(step, step.options.again ? MIS.elegirOtro : MIS.elegir, [...shown.map((c) => c.numero), MIS.volver]);
  }

  private async openStep(step: WaterfallStepContext<MisTramitesOptions>): Promise<DialogTurnResult> {
    const choice = this.chosen(step);
    if (!choice) return this.end(step, MSG.demasiadosIntentos);
    if (choice === MIS.volver) return step.endDialog({});
    const history = await this.deps.filing.getCaseHistory({ afiliadoId: step.options.citizen.afiliadoId, numero: choice });
    if (!history) return step.replaceDialog(WATERFALL, { ...step.options, again: true } satisfies MisTramitesOptions);
    await step.context.sendActivity(reply(MIS.historial(history)));
    if (history.estado !== 'REQUIERE_INFORMACION')
      return step.replaceDialog(WATERFALL, { ...step.options, again: true } satisfies MisTramitesOptions);
    Object.assign(step.values as MisTramitesValues, { numero: history.numero, nota: history.nota });
    return this.ask(step, MIS.requiereDocumento(history.nota), [MIS.enviarDocumento, MIS.verOtro, MIS.volver], MIS.elegirAccion);
  }

  private async actionStep(step: WaterfallStepContext<MisTramitesOptions>): Promise<DialogTurnResult> {
    const choice = this.chosen(step);
    if (!choice) return this.end(step, MSG.demasiadosIntentos);
    if (choice === MIS.volver) return step.endDialog({});
    if (choice === MIS.verOtro) return step.replaceDialog(WATERFALL, { ...step.options, again: true } satisfies MisTramitesOptions);
    const { nota } = step.values as MisTramitesValues;
    const options: DocumentoOptions = { afiliadoId: step.options.citizen.afiliadoId, purpose: 'complemento', pedido: MIS.pedido(nota) };
    return step.beginDialog(DOCUMENTO_DIALOG, options);
  }

  private async submitStep(step: WaterfallStepContext<MisTramitesOptions>): Promise<DialogTurnResult> {
    if (isCancelled(step.result)) return step.endDialog(CANCELLED);
    const documentId = (step.result as DocumentoResult | undefined)?.documentId;
    if (!documentId) return step.endDialog({});
    const numero = (step.values as MisTramitesValues).numero ?? '';
    const attached = await this.deps.filing.submitMissingDocument({ afiliadoId: step.options.citizen.afiliadoId, numero, documentId });
    return this.end(step, attached ? MIS.documentoAgregado(numero) : MIS.documentoNoAgregado);
  }

  private async ask(
    step: WaterfallStepContext,
    text: string,
    options: string[],
    retry: string = MIS.elegirInvalido,
  ): Promise<DialogTurnResult> {
    (step.values as MisTramitesValues).offered = options;
    return step.prompt(CHOICE_PROMPT, { prompt: reply(text, options), retryPrompt: reply(retry, options), choices: options });
  }

  private chosen(step: WaterfallStepContext): string | undefined {
    return readChoice(String(step.result ?? ''), (step.values as MisTramitesValues).offered ?? []);
  }

  private async end(step: WaterfallStepContext, text: string): Promise<DialogTurnResult> {
    await step.context.sendActivity(reply(text));
    return step.endDialog({});
  }
}

function choicesOf(options: PromptOptions): string[] {
  return (options.choices ?? []).map((c) => (typeof c === 'string' ? c : c.value));
}
