import { randomUUID } from 'node:crypto';
import {
  TextPrompt,
  WaterfallDialog,
  type DialogTurnResult,
  type PromptValidatorContext,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
import {
  DOCUMENTO_NOMBRE,
  MSG,
  PROVINCIAS,
  REINSERCION,
  REINSERCION_BASE_LEGAL,
  REINSERCION_NO_ELEGIBLE,
  REINSERCION_PRESENCIAL,
} from '../../catalog';
import { DocumentoDialog, DOCUMENTO_DIALOG, type DocumentoOptions, type DocumentoResult } from '../documentos/documentoDialog';
import type { DocumentPurposeName, FilingProfile, SignedInCitizen } from '../../core/ports';
import { DocumentNotAttachableError, FilingRefusedError } from '../../core/domain/errors';
import type { DialogDependencies } from '../dependencies';
import { InterruptibleDialog, isCancelled } from '../shared/interruptibleDialog';
import { reply } from '../shared/replies';
import { checkDetalle, parseConfirmacion } from './answers';
import { matchProvincia } from './provincia';

/** Id of the reinserción laboral journey (seed 002). */
export const REINSERCION_DIALOG = 'reinsercionDialog';
const WATERFALL = 'reinsercionWaterfall';
const P = {
  provincia: 'reinsercionProvinciaPrompt',
  detalle: 'reinsercionDetallePrompt',
  confirmar: 'reinsercionConfirmarPrompt',
} as const;
const MAX_ATTEMPTS = 3;
const CONFIRM_LABELS = { si: REINSERCION.si, no: REINSERCION.no } as const;

/** The citizen the parent already signed in. */
export interface ReinsercionOptions {
  citizen: SignedInCitizen;
}

/** How the journey ended; `numero` when a case was filed (or had been, for a repeated request). */
export interface ReinsercionResult {
  outcome: 'filed' | 'already_filed' | 'already_open' | 'not_eligible' | 'no_document' | 'declined' | 'invalid_input';
  numero?: string;
}

/** Kept between steps: nothing secret, the identification only masked. */
interface Values {
  requestId: string;
  profile: Pick<FilingProfile, 'nombres' | 'apellidos' | 'identificacionMasked' | 'tipoIdentificacion'>;
  provincia?: string;
  detalle?: string;
  idPurpose: DocumentPurposeName;
  documentIds: string[];
}

function formPrompt(id: string, valid: (text: string) => boolean): TextPrompt {
  return new TextPrompt(id, async (p: PromptValidatorContext<string>) => valid(p.recognized.value ?? '') || p.attemptCount >= MAX_ATTEMPTS);
}

/**
 * Files a reinserción laboral for a signed-in citizen: eligibility (pensionista of Riesgos del Trabajo with
 * incapacidad permanente total, no open request), province, detail, the identity document (cédula, or the código de
 * identificación document for a foreigner) and the signed solicitud de autorización, a summary, confirmation, and
 * the case number. The request id is drawn once per journey, so a repeated confirmation never files twice.
 */
export class ReinsercionDialog extends InterruptibleDialog {
  constructor(private readonly deps: Pick<DialogDependencies, 'recognizer' | 'filing' | 'documents'>) {
    super(REINSERCION_DIALOG, deps.recognizer);
    this.addDialog(new DocumentoDialog(deps));
    this.addDialog(formPrompt(P.provincia, (t) => matchProvincia(t) !== undefined));
    this.addDialog(formPrompt(P.detalle, (t) => checkDetalle(t).ok));
    this.addDialog(formPrompt(P.confirmar, (t) => parseConfirmacion(t, CONFIRM_LABELS) !== undefined));
    this.addDialog(
      new WaterfallDialog(WATERFALL, [
        this.checkEligibility.bind(this),
        this.askDetalle.bind(this),
        this.askIdDocument.bind(this),
        this.askSolicitud.bind(this),
        this.confirm.bind(this),
        this.file.bind(this),
      ]),
    );
    this.initialDialogId = WATERFALL;
  }

  protected override helpText(): string {
    return REINSERCION.ayuda;
  }

  private async checkEligibility(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { citizen } = step.options as ReinsercionOptions;
    const view = await this.deps.filing.checkEligibility({ afiliadoId: citizen.afiliadoId, tipo: 'REINSERCION' });
    if (!view.eligible) {
      if (view.reason === 'CASO_ABIERTO') {
        return this.end(step, REINSERCION.casoAbierto(view.openCase), { outcome: 'already_open', numero: view.openCase?.numero });
      }
      return this.end(step, REINSERCION_NO_ELEGIBLE[view.reason], { outcome: 'not_eligible' });
    }
    const { nombres, apellidos, identificacionMasked, tipoIdentificacion } = view.profile;
    const idPurpose: DocumentPurposeName = tipoIdentificacion === 'codigo' ? 'codigo_extranjero' : 'cedula';
    const values: Values = {
      requestId: randomUUID(),
      profile: { nombres, apellidos, identificacionMasked, tipoIdentificacion },
      idPurpose,
      documentIds: [],
    };
    Object.assign(step.values, values);
    await step.context.sendActivity(
      reply([REINSERCION.intro(citizen.nombres), REINSERCION.necesitara(DOCUMENTO_NOMBRE[idPurpose])].join('\n')),
    );
    await step.context.sendActivity(reply(REINSERCION_PRESENCIAL));
    return step.prompt(P.provincia, {
      prompt: reply(REINSERCION.pedirProvincia, PROVINCIAS),
      retryPrompt: reply(REINSERCION.provinciaNoEncontrada, PROVINCIAS),
    });
  }

  private async askDetalle(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const provincia = matchProvincia(String(step.result ?? ''));
    if (!provincia) return this.end(step, MSG.demasiadosIntentos, { outcome: 'invalid_input' });
    (step.values as Values).provincia = provincia;
    return step.prompt(P.detalle, { prompt: reply(REINSERCION.pedirDetalle), retryPrompt: reply(REINSERCION.detalleInvalido) });
  }

  private async askIdDocument(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const detalle = checkDetalle(String(step.result ?? ''));
    if (!detalle.ok) return this.end(step, MSG.demasiadosIntentos, { outcome: 'invalid_input' });
    const values = step.values as Values;
    values.detalle = detalle.value;
    const pedido = values.idPurpose === 'codigo_extranjero' ? REINSERCION.pedidoCodigo : REINSERCION.pedidoCedula;
    return this.askDocument(step, values.idPurpose, pedido);
  }

  private async askSolicitud(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const values = step.values as Values;
    const stop = await this.takeDocument(step, values.idPurpose);
    return stop ?? this.askDocument(step, 'solicitud', REINSERCION.pedidoSolicitud);
  }

  private async confirm(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const stop = await this.takeDocument(step, 'solicitud');
    if (stop) return stop;
    const values = step.values as Values;
    const resumen = REINSERCION.resumen({
      nombre: `${values.profile.nombres} ${values.profile.apellidos}`,
      identificacion: values.profile.identificacionMasked,
      provincia: values.provincia ?? '',
      detalle: values.detalle ?? '',
      documentos: [DOCUMENTO_NOMBRE[values.idPurpose], DOCUMENTO_NOMBRE.solicitud],
    });
    await step.context.sendActivity(reply(resumen));
    const options = [REINSERCION.si, REINSERCION.no];
    return step.prompt(P.confirmar, {
      prompt: reply(REINSERCION.confirmar, options),
      retryPrompt: reply(REINSERCION.confirmarSiNo, options),
    });
  }

  private async file(step: WaterfallStepContext): Promise<DialogTurnResult> {
    if (parseConfirmacion(String(step.result ?? ''), CONFIRM_LABELS) !== true)
      return this.end(step, REINSERCION.noPresentada, { outcome: 'declined' });
    const { citizen } = step.options as ReinsercionOptions;
    const values = step.values as Values;
    let filed;
    try {
      filed = await this.deps.filing.fileCase({
        afiliadoId: citizen.afiliadoId,
        tipo: 'REINSERCION',
        requestId: values.requestId,
        provincia: values.provincia,
        detalle: values.detalle,
        documentIds: values.documentIds,
      });
    } catch (error) {
      // Judged again inside the filing transaction: eligibility or the documents may have changed meanwhile.
      if (error instanceof FilingRefusedError && error.reason !== 'CASO_ABIERTO') {
        return this.end(step, REINSERCION_NO_ELEGIBLE[error.reason], { outcome: 'not_eligible' });
      }
      if (error instanceof DocumentNotAttachableError) return this.end(step, REINSERCION.documentosNoUnidos, { outcome: 'no_document' });
      throw error;
    }
    await step.context.sendActivity(
      reply(filed.created ? REINSERCION.presentada(filed.numero, filed.maskedEmail) : REINSERCION.yaPresentada(filed.numero)),
    );
    const result: ReinsercionResult = { outcome: filed.created ? 'filed' : 'already_filed', numero: filed.numero };
    return this.end(step, [REINSERCION.seguimiento, REINSERCION_BASE_LEGAL].join('\n'), result);
  }

  private askDocument(step: WaterfallStepContext, purpose: DocumentPurposeName, pedido: string): Promise<DialogTurnResult> {
    const { citizen } = step.options as ReinsercionOptions;
    return step.beginDialog(DOCUMENTO_DIALOG, { afiliadoId: citizen.afiliadoId, purpose, pedido } satisfies DocumentoOptions);
  }

  /** Keeps the document the child dialog received; ends the journey when it was cancelled or none came. */
  private async takeDocument(step: WaterfallStepContext, purpose: DocumentPurposeName): Promise<DialogTurnResult | undefined> {
    if (isCancelled(step.result)) return step.endDialog(step.result);
    const documentId = (step.result as DocumentoResult | undefined)?.documentId;
    if (!documentId) return this.end(step, REINSERCION.faltaDocumento(DOCUMENTO_NOMBRE[purpose]), { outcome: 'no_document' });
    (step.values as Values).documentIds.push(documentId);
    return undefined;
  }

  private async end(step: WaterfallStepContext, text: string, result: ReinsercionResult): Promise<DialogTurnResult> {
    await step.context.sendActivity(reply(text));
    return step.endDialog(result);
  }
}
