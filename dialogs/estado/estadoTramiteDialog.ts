import {
  TextPrompt,
  WaterfallDialog,
  type DialogTurnResult,
  type PromptValidatorContext,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
import { parseCaseNumber, parseIdentificacion } from '../../nlu';
import { describeCase, ESTADO, MSG } from '../../catalog';
import type { DialogDependencies } from '../dependencies';
import { chatClientOf } from './chatClient';
import { InterruptibleDialog } from '../shared/interruptibleDialog';
import { reply } from '../shared/replies';

/** Id of the case-status journey. */
export const ESTADO_DIALOG = 'estadoTramiteDialog';
const WATERFALL = 'estadoWaterfall';
const NUMERO_PROMPT = 'estadoNumeroPrompt';
const ID_PROMPT = 'estadoIdentificacionPrompt';
const MAX_ATTEMPTS = 3;

/**
 * Look-ups allowed per conversation in one hour. Case numbers are guessable, so look-ups are limited per conversation
 * and per client (ESTADO_CLIENT_LIMIT), never per identification: enumeration costs the one who enumerates, and a
 * stranger's tries with the owner's identification never make the owner wait, since the owner's own chat and browser
 * have their own counts. A right number and identification pair is answered whenever these two allow it.
 */
export const ESTADO_LIMIT = { limit: 10, windowSeconds: 3600 } as const;
/** Look-ups allowed per client (browser key, or the channel's user) in one hour, across its conversations. */
export const ESTADO_CLIENT_LIMIT = { limit: 20, windowSeconds: 3600 } as const;

/** What the parent already understood from the citizen's message. */
export interface EstadoOptions {
  numero?: string;
  identificacion?: string;
}

/** What the journey keeps between steps: only the case number, never the identification. */
interface EstadoValues {
  numero?: string;
}

/** How the look-up ended. */
export interface EstadoResult {
  outcome: 'found' | 'not_found' | 'invalid_input' | 'rate_limited';
}

/** Answers a case's state from the store, given its number and the identification of its owner. */
export class EstadoTramiteDialog extends InterruptibleDialog {
  constructor(private readonly deps: Pick<DialogDependencies, 'recognizer' | 'cases' | 'rateLimiter'>) {
    super(ESTADO_DIALOG, deps.recognizer);
    this.addDialog(new TextPrompt(NUMERO_PROMPT, (p) => this.lastTryOr(p, parseCaseNumber)));
    this.addDialog(new TextPrompt(ID_PROMPT, (p) => this.lastTryOr(p, (t) => parseIdentificacion(t)?.value)));
    this.addDialog(
      new WaterfallDialog(WATERFALL, [this.numeroStep.bind(this), this.identificacionStep.bind(this), this.lookupStep.bind(this)]),
    );
    this.initialDialogId = WATERFALL;
  }

  protected override helpText(): string {
    return ESTADO.ayudaNumero;
  }

  private async numeroStep(step: WaterfallStepContext<EstadoOptions>): Promise<DialogTurnResult> {
    if (step.options?.numero) return step.next(step.options.numero);
    return step.prompt(NUMERO_PROMPT, { prompt: reply(ESTADO.pedirNumero), retryPrompt: reply(ESTADO.numeroInvalido) });
  }

  private async identificacionStep(step: WaterfallStepContext<EstadoOptions>): Promise<DialogTurnResult> {
    const numero = parseCaseNumber(String(step.result ?? ''));
    if (!numero) return this.giveUp(step);
    (step.values as EstadoValues).numero = numero;
    if (step.options?.identificacion) return step.next(step.options.identificacion);
    return step.prompt(ID_PROMPT, { prompt: reply(ESTADO.pedirIdentificacion), retryPrompt: reply(ESTADO.identificacionInvalida) });
  }

  private async lookupStep(step: WaterfallStepContext<EstadoOptions>): Promise<DialogTurnResult> {
    const identificacion = parseIdentificacion(String(step.result ?? ''))?.value;
    if (!identificacion) return this.giveUp(step);
    const conversationId = step.context.activity.conversation?.id ?? 'desconocida';
    const client = await chatClientOf(this.deps.rateLimiter, step.context);
    const [byConversation, byClient] = await Promise.all([
      this.deps.rateLimiter.hit({ key: `estado:conv:${conversationId}`, ...ESTADO_LIMIT }),
      this.deps.rateLimiter.hit({ key: `estado:client:${client}`, ...ESTADO_CLIENT_LIMIT }),
    ]);
    if (!byConversation.allowed || !byClient.allowed) {
      const seconds = Math.max(
        byConversation.allowed ? 0 : byConversation.retryAfterSeconds,
        byClient.allowed ? 0 : byClient.retryAfterSeconds,
      );
      await step.context.sendActivity(reply(ESTADO.limite(Math.max(1, Math.ceil(seconds / 60)))));
      return step.endDialog({ outcome: 'rate_limited' } satisfies EstadoResult);
    }
    const found = await this.deps.cases.findCaseForCitizen({ numero: (step.values as EstadoValues).numero as string, identificacion });
    await step.context.sendActivity(reply(found ? describeCase(found) : ESTADO.noEncontrado));
    return step.endDialog({ outcome: found ? 'found' : 'not_found' } satisfies EstadoResult);
  }

  private async giveUp(step: WaterfallStepContext<EstadoOptions>): Promise<DialogTurnResult> {
    await step.context.sendActivity(reply(MSG.demasiadosIntentos));
    return step.endDialog({ outcome: 'invalid_input' } satisfies EstadoResult);
  }

  /** Valid input passes; after the last attempt anything passes, and the next step ends the journey politely. */
  private async lastTryOr(prompt: PromptValidatorContext<string>, parse: (text: string) => string | undefined): Promise<boolean> {
    return parse(prompt.recognized.value ?? '') !== undefined || prompt.attemptCount >= MAX_ATTEMPTS;
  }
}
