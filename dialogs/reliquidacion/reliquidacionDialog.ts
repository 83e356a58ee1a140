import { randomUUID } from 'node:crypto';
import { TextPrompt, WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { ESTADO_NOMBRE, MSG, RELIQ } from '../../catalog';
import type { EligibilityView, SignedInCitizen } from '../../core/ports';
import { FilingRefusedError } from '../../core/domain/errors';
import type { DialogDependencies } from '../dependencies';
import { InterruptibleDialog } from '../shared/interruptibleDialog';
import { reply } from '../shared/replies';
import { acceptsConfirmation, readConfirmation } from './validators';

/** Id of the reliquidación de pensiones journey (seed 000). */
export const RELIQUIDACION_DIALOG = 'reliquidacionDialog';
const WATERFALL = 'reliquidacionWaterfall';
const CONFIRM_PROMPT = 'reliquidacionConfirmPrompt';

/** The parent has already signed the citizen in. */
export interface ReliquidacionOptions {
  citizen: SignedInCitizen;
}

/** How the journey ended: the case number when a case was filed (or already filed by this same request). */
export interface ReliquidacionResult {
  filed?: { numero: string };
}

/** Kept between turns: the id of this filing request, so a repeated "sí" or a retried turn never files twice. */
interface ReliquidacionValues {
  requestId?: string;
}

const SI_NO = [RELIQ.si, RELIQ.no];

/** Explains in plain Spanish why the citizen may not file now, and what to do. */
export function refusalText(view: Extract<EligibilityView, { eligible: false }>): string {
  if (view.reason === 'CASO_ABIERTO' && view.openCase) return RELIQ.casoAbierto(view.openCase.numero, ESTADO_NOMBRE[view.openCase.estado]);
  if (view.reason === 'CASO_ABIERTO') return RELIQ.noCumple;
  return RELIQ.noElegible[view.reason];
}

/**
 * Files a reliquidación de pensiones for the signed-in citizen: checks eligibility in the store, shows a summary
 * with masked data and the expected result, and files only after a "sí". Ends with {@link ReliquidacionResult}.
 */
export class ReliquidacionDialog extends InterruptibleDialog {
  constructor(private readonly deps: Pick<DialogDependencies, 'recognizer' | 'filing'>) {
    super(RELIQUIDACION_DIALOG, deps.recognizer);
    this.addDialog(new TextPrompt(CONFIRM_PROMPT, async (p) => acceptsConfirmation(p.recognized.value ?? '', p.attemptCount)));
    this.addDialog(new WaterfallDialog(WATERFALL, [this.checkStep.bind(this), this.fileStep.bind(this)]));
    this.initialDialogId = WATERFALL;
  }

  protected override helpText(): string {
    return RELIQ.ayuda;
  }

  private async checkStep(step: WaterfallStepContext<ReliquidacionOptions>): Promise<DialogTurnResult> {
    const { citizen } = step.options;
    const view = await this.deps.filing.checkEligibility({ afiliadoId: citizen.afiliadoId, tipo: 'RELIQUIDACION' });
    if (!view.eligible) return this.end(step, refusalText(view), {});
    (step.values as ReliquidacionValues).requestId = randomUUID();
    await step.context.sendActivity(reply(RELIQ.resumen(view.profile)));
    return step.prompt(CONFIRM_PROMPT, { prompt: reply(RELIQ.confirmar, SI_NO), retryPrompt: reply(RELIQ.confirmarSiNo, SI_NO) });
  }

  private async fileStep(step: WaterfallStepContext<ReliquidacionOptions>): Promise<DialogTurnResult> {
    const answer = readConfirmation(String(step.result ?? ''));
    if (answer === undefined) return this.end(step, MSG.demasiadosIntentos, {});
    if (!answer) return this.end(step, RELIQ.noPresentada, {});
    const requestId = (step.values as ReliquidacionValues).requestId ?? randomUUID();
    let filed;
    try {
      filed = await this.deps.filing.fileCase({ afiliadoId: step.options.citizen.afiliadoId, tipo: 'RELIQUIDACION', requestId });
    } catch (error) {
      // Eligibility is judged again inside the filing transaction: it may have changed since the summary was shown.
      if (error instanceof FilingRefusedError) return this.end(step, refusalText({ eligible: false, reason: error.reason }), {});
      throw error;
    }
    return this.end(step, RELIQ.presentada(filed.numero, filed.maskedEmail), { filed: { numero: filed.numero } });
  }

  private async end(step: WaterfallStepContext, text: string, result: ReliquidacionResult): Promise<DialogTurnResult> {
    await step.context.sendActivity(reply(text));
    return step.endDialog(result);
  }
}
