import { Dialog, WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { DOCUMENTO } from '../../catalog';
import type { DocumentPurposeName } from '../../core/ports';
import type { DialogDependencies } from '../dependencies';
import { conversationKeyOf } from '../shared/conversation';
import { InterruptibleDialog } from '../shared/interruptibleDialog';
import { reply } from '../shared/replies';
import { classifyDocumentTurn } from './documentTurn';

/** Id of the dialog that receives one document from the chat. */
export const DOCUMENTO_DIALOG = 'documentoDialog';
const WATERFALL = 'documentoWaterfall';

/** Turns without an accepted file (refused, several at once, or only text) before the dialog gives up. */
export const MAX_INTENTOS_DOCUMENTO = 3;

/** Which document to ask for, for whom, and the request in words (e.g. "Adjunte su cédula, escaneada o fotografiada."). */
export interface DocumentoOptions {
  afiliadoId: string;
  purpose: DocumentPurposeName;
  pedido: string;
}

/** The stored document, or none when the citizen did not have it or no valid file came after several tries. */
export interface DocumentoResult {
  documentId?: string;
}

/** The options again, with how many turns went by without an accepted file. */
interface Ronda extends DocumentoOptions {
  intentos?: number;
}

/**
 * Asks for one document and waits for it as an attachment: one file goes to the intake service (checked by its
 * bytes and stored); a refusal says why and asks again; several files at once, or text instead of a file, get a
 * reminder of how to attach and of the rules. After {@link MAX_INTENTOS_DOCUMENTO} such turns, or "No lo tengo
 * ahora", it ends without a document and says where else it can be sent. Ends with {@link DocumentoResult}, or
 * CANCELLED when the citizen cancels.
 */
export class DocumentoDialog extends InterruptibleDialog {
  constructor(private readonly deps: Pick<DialogDependencies, 'recognizer' | 'documents'>) {
    super(DOCUMENTO_DIALOG, deps.recognizer);
    this.addDialog(new WaterfallDialog(WATERFALL, [this.ask.bind(this), this.receive.bind(this)]));
    this.initialDialogId = WATERFALL;
  }

  protected override helpText(): string {
    return DOCUMENTO.ayuda;
  }

  private async ask(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const ronda = step.options as Ronda;
    if (!ronda.intentos) {
      await step.context.sendActivity(reply([ronda.pedido, DOCUMENTO.comoAdjuntar, DOCUMENTO.reglas].join('\n'), [DOCUMENTO.despues]));
    }
    return Dialog.EndOfTurn;
  }

  private async receive(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const ronda = step.options as Ronda;
    const turn = classifyDocumentTurn(step.context.activity, DOCUMENTO.despues);
    switch (turn.kind) {
      case 'despues':
        await step.context.sendActivity(reply(DOCUMENTO.sinDocumento(ronda.purpose, 'despues')));
        return step.endDialog({} satisfies DocumentoResult);
      case 'texto':
        return this.retry(step, ronda, DOCUMENTO.sinArchivo);
      case 'varios':
        return this.retry(step, ronda, DOCUMENTO.varios(turn.count));
      case 'archivo': {
        const receipt = await this.deps.documents.receive({
          afiliadoId: ronda.afiliadoId,
          purpose: ronda.purpose,
          attachment: turn.attachment,
          conversation: conversationKeyOf(step.context),
        });
        if (!receipt.ok) return this.retry(step, ronda, receipt.message);
        await step.context.sendActivity(reply(DOCUMENTO.recibido(receipt.descripcion)));
        return step.endDialog({ documentId: receipt.documentId } satisfies DocumentoResult);
      }
    }
  }

  /** Says what went wrong and waits for another try, or gives up after the last one. */
  private async retry(step: WaterfallStepContext, ronda: Ronda, message: string): Promise<DialogTurnResult> {
    const intentos = (ronda.intentos ?? 0) + 1;
    if (intentos >= MAX_INTENTOS_DOCUMENTO) {
      await step.context.sendActivity(reply(message));
      await step.context.sendActivity(reply(DOCUMENTO.sinDocumento(ronda.purpose, 'intentos')));
      return step.endDialog({} satisfies DocumentoResult);
    }
    await step.context.sendActivity(reply(message, [DOCUMENTO.despues]));
    return step.replaceDialog(WATERFALL, { ...ronda, intentos } satisfies Ronda);
  }
}
