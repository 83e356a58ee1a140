import { WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { parseDayMonth, parseEmail, parseIdentificacion, parseYesNo } from '../../nlu';
import { MSG, RECUPERAR } from '../../catalog';
import type { RecoveryChallengeView, RecoveryQuestionName } from '../../core/ports';
import type { DialogDependencies } from '../dependencies';
import { chatClientOf } from '../estado/chatClient';
import { matchOption } from '../shared/choices';
import { InterruptibleDialog } from '../shared/interruptibleDialog';
import { reply } from '../shared/replies';
import { PROMPTS, recoveryPrompts } from './recoveryPrompts';

/** Id of the online clave recovery journey. */
export const RECUPERAR_CLAVE_DIALOG = 'recuperarClaveDialog';
const WATERFALL = 'recuperarClaveWaterfall';

/**
 * Recovery starts allowed per conversation in one hour. Starts are limited per conversation and per client, never per
 * identification: a stranger's tries on the owner's cédula cost the stranger, and the owner's identification is
 * guarded by its intentos (seed 004), counted in the store when a pass ends.
 */
export const RECOVERY_START_LIMIT = { limit: 5, windowSeconds: 3600 } as const;
/** Recovery starts allowed per client (browser key, or the channel's user) in one hour, across its conversations. */
export const RECOVERY_CLIENT_LIMIT = { limit: 10, windowSeconds: 3600 } as const;

/** How the journey ended. */
export interface RecuperarClaveResult {
  outcome: 'link_sent' | 'wrong_answers' | 'blocked' | 'rate_limited' | 'invalid_input' | 'no_email';
}

/** Between steps the journey keeps the identification, the offered options and a count of wrong answers: never an answer. */
interface Values {
  identificacion?: string;
  challenge?: RecoveryChallengeView;
  wrong?: number;
}

/** Walks a citizen through seed 004's online recovery: every answer checked by the store, each pass judged once at its end. */
export class RecuperarClaveDialog extends InterruptibleDialog {
  constructor(private readonly deps: Pick<DialogDependencies, 'recognizer' | 'claveRecovery' | 'rateLimiter'>) {
    super(RECUPERAR_CLAVE_DIALOG, deps.recognizer);
    for (const p of recoveryPrompts()) this.addDialog(p);
    this.addDialog(
      new WaterfallDialog(WATERFALL, [
        this.askIdentificacion.bind(this),
        this.askFecha.bind(this),
        this.askEmpleador.bind(this),
        this.askAnio.bind(this),
        this.askPregunta1.bind(this),
        this.askPregunta2.bind(this),
        this.verdict.bind(this),
        this.chooseEmail.bind(this),
        this.sendLink.bind(this),
      ]),
    );
    this.initialDialogId = WATERFALL;
  }

  protected override helpText(): string {
    return RECUPERAR.ayuda;
  }

  private values(step: WaterfallStepContext): Values {
    return step.values as Values;
  }

  private async askIdentificacion(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const conversation = step.context.activity.conversation?.id ?? 'desconocida';
    const client = await chatClientOf(this.deps.rateLimiter, step.context);
    const [byConversation, byClient] = await Promise.all([
      this.deps.rateLimiter.hit({ key: `clave:conv:${conversation}`, ...RECOVERY_START_LIMIT }),
      this.deps.rateLimiter.hit({ key: `clave:client:${client}`, ...RECOVERY_CLIENT_LIMIT }),
    ]);
    const limited = byConversation.allowed ? byClient : byConversation;
    if (!limited.allowed) return this.end(step, RECUPERAR.limite(Math.ceil(limited.retryAfterSeconds / 60)), 'rate_limited');
    await step.context.sendActivity(reply(RECUPERAR.intro));
    return step.prompt(PROMPTS.identificacion, {
      prompt: reply(RECUPERAR.pedirIdentificacion),
      retryPrompt: reply(RECUPERAR.identificacionInvalida),
    });
  }

  private async askFecha(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const identificacion = parseIdentificacion(String(step.result ?? ''))?.value;
    if (!identificacion) return this.end(step, MSG.demasiadosIntentos, 'invalid_input');
    if (await this.deps.claveRecovery.isBlocked(identificacion)) return this.end(step, RECUPERAR.bloqueada, 'blocked');
    Object.assign(this.values(step), { identificacion, challenge: await this.deps.claveRecovery.startChallenge(identificacion), wrong: 0 });
    return step.prompt(PROMPTS.fecha, { prompt: reply(RECUPERAR.pedirFecha), retryPrompt: reply(RECUPERAR.fechaInvalida) });
  }

  private async askEmpleador(step: WaterfallStepContext): Promise<DialogTurnResult> {
    await this.check(step, 'fecha', parseDayMonth(String(step.result ?? '')));
    return this.choose(step, RECUPERAR.pedirEmpleador, this.values(step).challenge?.employerOptions ?? []);
  }

  private async askAnio(step: WaterfallStepContext): Promise<DialogTurnResult> {
    await this.check(step, 'empleador', matchOption(String(step.result ?? ''), this.values(step).challenge?.employerOptions ?? []));
    return this.choose(step, RECUPERAR.pedirAnio, this.values(step).challenge?.yearOptions ?? []);
  }

  private async askPregunta1(step: WaterfallStepContext): Promise<DialogTurnResult> {
    await this.check(step, 'anio', matchOption(String(step.result ?? ''), this.values(step).challenge?.yearOptions ?? []));
    return this.askPersonal(step, 0);
  }

  private async askPregunta2(step: WaterfallStepContext): Promise<DialogTurnResult> {
    await this.check(step, 'pregunta1', String(step.result ?? ''));
    return this.askPersonal(step, 1);
  }

  private async verdict(step: WaterfallStepContext): Promise<DialogTurnResult> {
    await this.check(step, 'pregunta2', String(step.result ?? ''));
    const values = this.values(step);
    const passed = (values.wrong ?? 0) === 0;
    const judged = await this.deps.claveRecovery.finishPass(values.identificacion ?? '', passed);
    if (judged.blocked) return this.end(step, RECUPERAR.bloqueada, 'blocked');
    if (!passed) return this.end(step, RECUPERAR.noCoincide(judged.remaining), 'wrong_answers');
    const masked = await this.deps.claveRecovery.maskedEmail(values.identificacion ?? '');
    if (!masked) {
      await step.context.sendActivity(reply(RECUPERAR.sinCorreo));
      return step.next(false);
    }
    return step.prompt(PROMPTS.siNo, {
      prompt: reply(RECUPERAR.confirmarCorreo(masked), [RECUPERAR.si, RECUPERAR.no]),
      retryPrompt: reply(RECUPERAR.confirmarSiNo, [RECUPERAR.si, RECUPERAR.no]),
    });
  }

  private async chooseEmail(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const answer = typeof step.result === 'boolean' ? step.result : (parseYesNo(String(step.result ?? '')) ?? false);
    if (answer) return step.next(undefined);
    return step.prompt(PROMPTS.correo, { prompt: reply(RECUPERAR.pedirCorreo), retryPrompt: reply(RECUPERAR.correoInvalido) });
  }

  private async sendLink(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const typed = step.result === undefined ? undefined : parseEmail(String(step.result));
    if (step.result !== undefined && !typed) return this.end(step, MSG.demasiadosIntentos, 'no_email');
    const { maskedTo } = await this.deps.claveRecovery.sendResetLink(this.values(step).identificacion ?? '', typed);
    return this.end(step, RECUPERAR.enviado(maskedTo), 'link_sent');
  }

  private async check(
    step: WaterfallStepContext,
    question: RecoveryQuestionName,
    answer: { day: number; month: number } | string | undefined,
  ): Promise<void> {
    const values = this.values(step);
    const result = await this.deps.claveRecovery.checkAnswer(values.identificacion ?? '', question, answer ?? '');
    if (!result.correct) values.wrong = (values.wrong ?? 0) + 1;
  }

  private choose(step: WaterfallStepContext, question: string, options: string[]): Promise<DialogTurnResult> {
    return step.prompt(PROMPTS.opcion, {
      prompt: reply(question, options),
      retryPrompt: reply(RECUPERAR.opcionInvalida, options),
      choices: options,
    });
  }

  private askPersonal(step: WaterfallStepContext, index: 0 | 1): Promise<DialogTurnResult> {
    const question = this.values(step).challenge?.personalQuestions[index] ?? '';
    return step.prompt(PROMPTS.libre, { prompt: reply(RECUPERAR.pedirPersonal(question)), retryPrompt: reply(RECUPERAR.respuestaVacia) });
  }

  private async end(step: WaterfallStepContext, text: string, outcome: RecuperarClaveResult['outcome']): Promise<DialogTurnResult> {
    await step.context.sendActivity(reply(text));
    return step.endDialog({ outcome } satisfies RecuperarClaveResult);
  }
}
