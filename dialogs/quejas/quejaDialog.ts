import {
  TextPrompt,
  WaterfallDialog,
  type DialogTurnResult,
  type PromptValidatorContext,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
import { getTramite, QUEJAS, TRAMITES } from '../../catalog';
import { isTramiteId, type TramiteId } from '../../core/domain/tramites';
import { randomUUID } from 'node:crypto';
import type { RateLimiter } from '../../core/ports';
import type { ComplaintPort } from '../../core/usecases/registerComplaint';
import { chatClientOf } from '../estado/chatClient';
import { isInsult, normalizeForMatch, parseCaseNumber, parseYesNo, type Recognizer } from '../../nlu';
import { matchOption } from '../shared/choices';
import { conversationKeyOf } from '../shared/conversation';
import { InterruptibleDialog } from '../shared/interruptibleDialog';
import { reply } from '../shared/replies';

/** Id of the complaints journey. */
export const QUEJA_DIALOG = 'quejaDialog';
const WATERFALL = 'quejaWaterfall';
const REGISTRAR_PROMPT = 'quejaRegistrarPrompt';
const TRAMITE_PROMPT = 'quejaTramitePrompt';
const CASO_PROMPT = 'quejaCasoPrompt';
/** The free-text prompt: what happened, in the citizen's words. */
export const QUEJA_DETALLE_PROMPT = 'quejaDetallePrompt';
const MAX_ATTEMPTS = 3;
const MIN_DETALLE = 10;
/** Complaints one chat may register in an hour, and one client (browser or channel user) in all its chats. */
export const QUEJA_LIMITS = { conversation: { limit: 5, windowSeconds: 3600 }, client: { limit: 10, windowSeconds: 3600 } } as const;

/** What the parent already knows: the message that started it, the trámite and the case number it names. */
export interface QuejaOptions {
  text: string;
  tramite?: TramiteId;
  caseNumber?: string;
}

interface QuejaValues {
  tramite?: TramiteId | 'otro';
  caseNumber?: string;
}

const TRAMITE_OPTIONS = (): string[] => [...TRAMITES.map((t) => t.etiqueta), QUEJAS.otroTema];

/**
 * Quejas y reclamos: acknowledges the complaint (calmly when it insults), and when the citizen wants it registered
 * asks the trámite, the case number (optional) and what happened, then records it with a number; always gives the
 * other contact channels.
 */
export class QuejaDialog extends InterruptibleDialog {
  constructor(
    recognizer: Recognizer,
    private readonly complaints: ComplaintPort,
    private readonly rateLimiter: RateLimiter,
  ) {
    super(QUEJA_DIALOG, recognizer);
    this.addDialog(
      new TextPrompt(REGISTRAR_PROMPT, async (p) => parseYesNo(p.recognized.value ?? '') !== undefined || p.attemptCount >= MAX_ATTEMPTS),
    );
    this.addDialog(
      new TextPrompt(
        TRAMITE_PROMPT,
        async (p) => matchOption(p.recognized.value ?? '', TRAMITE_OPTIONS()) !== undefined || p.attemptCount >= MAX_ATTEMPTS,
      ),
    );
    this.addDialog(new TextPrompt(CASO_PROMPT, (p) => this.validateCaso(p)));
    this.addDialog(
      new TextPrompt(
        QUEJA_DETALLE_PROMPT,
        async (p) => (p.recognized.value ?? '').trim().length >= MIN_DETALLE || p.attemptCount >= MAX_ATTEMPTS,
      ),
    );
    this.addDialog(
      new WaterfallDialog(WATERFALL, [
        this.askStep.bind(this),
        this.tramiteStep.bind(this),
        this.casoStep.bind(this),
        this.detalleStep.bind(this),
        this.registerStep.bind(this),
      ]),
    );
    this.initialDialogId = WATERFALL;
  }

  protected override helpText(): string {
    return QUEJAS.ayuda;
  }

  protected override freeTextPrompts(): readonly string[] {
    return [QUEJA_DETALLE_PROMPT];
  }

  private async askStep(step: WaterfallStepContext<QuejaOptions>): Promise<DialogTurnResult> {
    const options = step.options;
    const values = step.values as QuejaValues;
    values.tramite = options.tramite;
    values.caseNumber = options.caseNumber;
    const first = isInsult(options.text) ? QUEJAS.calma : QUEJAS.acuse;
    await step.context.sendActivity(reply(first));
    return step.prompt(REGISTRAR_PROMPT, {
      prompt: reply(QUEJAS.preguntaRegistrar, [QUEJAS.si, QUEJAS.no]),
      retryPrompt: reply(QUEJAS.reintentarRegistrar, [QUEJAS.si, QUEJAS.no]),
    });
  }

  private async tramiteStep(step: WaterfallStepContext<QuejaOptions>): Promise<DialogTurnResult> {
    if (parseYesNo(String(step.result)) !== true) {
      await step.context.sendActivity(reply(`${QUEJAS.noRegistrada}\n${QUEJAS.canales}`));
      return step.endDialog();
    }
    const values = step.values as QuejaValues;
    if (values.tramite) return step.next(undefined);
    const options = TRAMITE_OPTIONS();
    return step.prompt(TRAMITE_PROMPT, {
      prompt: reply(QUEJAS.preguntaTramite, options),
      retryPrompt: reply(QUEJAS.reintentarTramite, options),
    });
  }

  private async casoStep(step: WaterfallStepContext<QuejaOptions>): Promise<DialogTurnResult> {
    const values = step.values as QuejaValues;
    if (typeof step.result === 'string') {
      const picked = matchOption(step.result, TRAMITE_OPTIONS());
      const tramite = TRAMITES.find((t) => t.etiqueta === picked);
      values.tramite = tramite ? tramite.id : 'otro';
    }
    if (values.caseNumber) return step.next(undefined);
    return step.prompt(CASO_PROMPT, {
      prompt: reply(QUEJAS.preguntaCaso, [QUEJAS.sinNumero]),
      retryPrompt: reply(QUEJAS.casoInvalido, [QUEJAS.sinNumero]),
    });
  }

  private async detalleStep(step: WaterfallStepContext<QuejaOptions>): Promise<DialogTurnResult> {
    const values = step.values as QuejaValues;
    if (typeof step.result === 'string') values.caseNumber = parseCaseNumber(step.result) ?? undefined;
    return step.prompt(QUEJA_DETALLE_PROMPT, { prompt: reply(QUEJAS.preguntaDetalle), retryPrompt: reply(QUEJAS.detalleCorto) });
  }

  private async registerStep(step: WaterfallStepContext<QuejaOptions>): Promise<DialogTurnResult> {
    const values = step.values as QuejaValues;
    const key = conversationKeyOf(step.context);
    const tramite = values.tramite ?? 'otro';
    if (!(await this.withinLimits(step))) {
      await step.context.sendActivity(reply(`${QUEJAS.limite}\n${QUEJAS.canales}`));
      return step.endDialog();
    }
    const receipt = await this.complaints.register({
      conversationKey: `${key.channelId}:${key.conversationId}`,
      messageId: step.context.activity.id ?? randomUUID(),
      tramite,
      caseNumber: values.caseNumber,
      detalle: String(step.result ?? ''),
    });
    const tema = isTramiteId(tramite) ? getTramite(tramite).nombre : QUEJAS.otroTema;
    await step.context.sendActivity(reply(`${QUEJAS.registrada(receipt.numero, tema)}\n${QUEJAS.canales}`));
    return step.endDialog();
  }

  /** Counts one more complaint for the chat and its client; false when either is over its hourly limit. */
  private async withinLimits(step: WaterfallStepContext<QuejaOptions>): Promise<boolean> {
    const { conversationId } = conversationKeyOf(step.context);
    const client = await chatClientOf(this.rateLimiter, step.context);
    const [byConversation, byClient] = await Promise.all([
      this.rateLimiter.hit({ key: `queja:conv:${conversationId}`, ...QUEJA_LIMITS.conversation }),
      this.rateLimiter.hit({ key: `queja:client:${client}`, ...QUEJA_LIMITS.client }),
    ]);
    return byConversation.allowed && byClient.allowed;
  }

  private async validateCaso(prompt: PromptValidatorContext<string>): Promise<boolean> {
    const value = prompt.recognized.value ?? '';
    const none = normalizeForMatch(value) === normalizeForMatch(QUEJAS.sinNumero) || parseYesNo(value) === false;
    return none || parseCaseNumber(value) !== undefined || prompt.attemptCount >= MAX_ATTEMPTS;
  }
}
