import { ActivityTypes } from 'botbuilder';
import {
  TextPrompt,
  WaterfallDialog,
  type DialogTurnResult,
  type PromptValidatorContext,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
import { parseDayMonth, parseEmail, parseIdentificacion, parsePhone, parseYesNo } from '../../nlu';
import { ESTADO_NOMBRE, MSG, OBTENER } from '../../catalog';
import type { ClaveRequestView } from '../../core/ports';
import type { DialogDependencies } from '../dependencies';
import { InterruptibleDialog } from '../shared/interruptibleDialog';
import { reply } from '../shared/replies';
import { markSensitiveInput } from '../shared/sensitive';
import { mayCheckProof } from './obtener/proofLimits';

/** Id of the first-time clave request journey. */
export const OBTENER_CLAVE_DIALOG = 'obtenerClaveDialog';
const WATERFALL = 'obtenerClaveWaterfall';
const P = {
  id: 'obtenerIdPrompt',
  fecha: 'obtenerFechaPrompt',
  siNo: 'obtenerSiNoPrompt',
  correo: 'obtenerCorreoPrompt',
  telefono: 'obtenerTelefonoPrompt',
} as const;
const MAX_ATTEMPTS = 3;

/** How the journey ended. */
export interface ObtenerClaveResult {
  outcome: 'filed' | 'already_open' | 'not_verified' | 'not_eligible' | 'declined' | 'invalid_input' | 'rate_limited';
}

/**
 * Kept between steps: the identification, after the proof what the person's outcome needs (never the birth date),
 * and, when the registered data is wrong, the new contact data.
 */
interface Values {
  identificacion?: string;
  condicion?: ClaveRequestView['condicion'];
  empleador?: string;
  confirmed?: boolean;
  email?: string;
}

const ELIGIBLE: readonly ClaveRequestView['condicion'][] = [
  'AFILIADO_DEPENDENCIA',
  'AFILIADO_CESANTE',
  'AFILIADO_VOLUNTARIO',
  'JUBILADO',
  'MONTEPIO_CONYUGE',
];

function formPrompt(id: string, parse: (text: string) => unknown, sensitive = false): TextPrompt {
  return new TextPrompt(id, async (p: PromptValidatorContext<string>) => {
    if (sensitive) markSensitiveInput(p.context);
    return parse(p.recognized.value ?? '') !== undefined || p.attemptCount >= MAX_ATTEMPTS;
  });
}

/**
 * Registers a first-time clave request (seed 003): to the employer for dependent workers, printable for the others.
 * Every identification is asked the birth day and month (seed 004's first proof) before anything about the person is
 * said; an unknown identification and a wrong date get the same answer after the same steps.
 */
export class ObtenerClaveDialog extends InterruptibleDialog {
  constructor(private readonly deps: Pick<DialogDependencies, 'recognizer' | 'claveRequests' | 'rateLimiter'>) {
    super(OBTENER_CLAVE_DIALOG, deps.recognizer);
    this.addDialog(formPrompt(P.id, (t) => parseIdentificacion(t)));
    this.addDialog(formPrompt(P.fecha, (t) => parseDayMonth(t), true));
    this.addDialog(formPrompt(P.siNo, (t) => parseYesNo(t)));
    this.addDialog(formPrompt(P.correo, (t) => parseEmail(t)));
    this.addDialog(formPrompt(P.telefono, (t) => parsePhone(t)));
    this.addDialog(
      new WaterfallDialog(WATERFALL, [
        this.askId.bind(this),
        this.askProof.bind(this),
        this.checkPerson.bind(this),
        this.confirmContact.bind(this),
        this.askEmail.bind(this),
        this.askPhone.bind(this),
        this.file.bind(this),
      ]),
    );
    this.initialDialogId = WATERFALL;
  }

  protected override helpText(): string {
    return OBTENER.ayuda;
  }

  private async askId(step: WaterfallStepContext): Promise<DialogTurnResult> {
    await step.context.sendActivity(reply(OBTENER.intro));
    return step.prompt(P.id, { prompt: reply(OBTENER.pedirIdentificacion), retryPrompt: reply(OBTENER.identificacionInvalida) });
  }

  private async askProof(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const identificacion = parseIdentificacion(String(step.result ?? ''))?.value;
    if (!identificacion) return this.end(step, MSG.demasiadosIntentos, 'invalid_input');
    (step.values as Values).identificacion = identificacion;
    return step.prompt(P.fecha, { prompt: reply(OBTENER.pedirFecha), retryPrompt: reply(OBTENER.fechaInvalida) });
  }

  private async checkPerson(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const values = step.values as Values;
    const fecha = parseDayMonth(String(step.result ?? ''));
    if (!fecha) return this.end(step, MSG.demasiadosIntentos, 'invalid_input');
    const identificacion = values.identificacion ?? '';
    const conversation = step.context.activity.conversation?.id ?? 'desconocida';
    if (!(await mayCheckProof(this.deps.rateLimiter, conversation, identificacion)))
      return this.end(step, MSG.demasiadasConsultas, 'rate_limited');
    const person = await this.deps.claveRequests.verify({ identificacion, day: fecha.day, month: fecha.month });
    if (!person) return this.end(step, OBTENER.noVerificado, 'not_verified');
    if (person.openCase)
      return this.end(step, OBTENER.enCurso(person.openCase.numero, ESTADO_NOMBRE[person.openCase.estado]), 'already_open');
    if (!ELIGIBLE.includes(person.condicion)) return this.end(step, OBTENER.noElegible, 'not_eligible');
    Object.assign(values, { condicion: person.condicion, empleador: person.empleador });
    if (!person.hasClave) return step.next({ proceed: true, person });
    (step.values as { person?: ClaveRequestView }).person = person;
    return step.prompt(P.siNo, {
      prompt: reply(OBTENER.yaTieneClave, [OBTENER.si, OBTENER.no]),
      retryPrompt: reply(OBTENER.confirmarSiNo, [OBTENER.si, OBTENER.no]),
    });
  }

  private async confirmContact(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const given = step.result as { proceed: boolean; person: ClaveRequestView } | string;
    const proceed = typeof given === 'string' ? parseYesNo(given) === true : given.proceed;
    const person = typeof given === 'string' ? (step.values as { person: ClaveRequestView }).person : given.person;
    delete (step.values as { person?: unknown }).person;
    if (!proceed) return this.end(step, OBTENER.mejorRecuperar, 'declined');
    if (!person.maskedEmail || !person.maskedPhone) return step.next(false);
    return step.prompt(P.siNo, {
      prompt: reply(OBTENER.confirmarContacto(person.maskedEmail, person.maskedPhone), [OBTENER.si, OBTENER.no]),
      retryPrompt: reply(OBTENER.confirmarSiNo, [OBTENER.si, OBTENER.no]),
    });
  }

  private async askEmail(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const confirmed = typeof step.result === 'string' ? parseYesNo(step.result) === true : false;
    (step.values as Values).confirmed = confirmed;
    if (confirmed) return step.next();
    return step.prompt(P.correo, { prompt: reply(OBTENER.pedirCorreo), retryPrompt: reply(OBTENER.correoInvalido) });
  }

  private async askPhone(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const values = step.values as Values;
    if (values.confirmed) return step.next();
    values.email = parseEmail(String(step.result ?? ''));
    if (!values.email) return this.end(step, MSG.demasiadosIntentos, 'invalid_input');
    return step.prompt(P.telefono, { prompt: reply(OBTENER.pedirTelefono), retryPrompt: reply(OBTENER.telefonoInvalido) });
  }

  private async file(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const values = step.values as Values;
    const telefono = values.confirmed ? undefined : parsePhone(String(step.result ?? ''));
    if (!values.confirmed && !telefono) return this.end(step, MSG.demasiadosIntentos, 'invalid_input');
    const filed = await this.deps.claveRequests.file({ identificacion: values.identificacion ?? '', email: values.email, telefono });
    if (filed.kind === 'employer') {
      await step.context.sendActivity(reply(OBTENER.registradaEmpleador(filed.numero, values.empleador ?? OBTENER.empleadorDesconocido)));
    } else {
      const message = reply(OBTENER.registradaImprimir(filed.numero));
      if (filed.documento) {
        message.attachments = [{ contentType: filed.documento.contentType, contentUrl: filed.documento.url, name: filed.documento.name }];
      }
      await step.context.sendActivity({ ...message, type: ActivityTypes.Message });
    }
    await step.context.sendActivity(reply(OBTENER.documentos));
    if (values.condicion === 'JUBILADO' || values.condicion === 'MONTEPIO_CONYUGE') await step.context.sendActivity(reply(OBTENER.agencia));
    return this.end(step, OBTENER.recuerde, 'filed');
  }

  private async end(step: WaterfallStepContext, text: string, outcome: ObtenerClaveResult['outcome']): Promise<DialogTurnResult> {
    await step.context.sendActivity(reply(text));
    return step.endDialog({ outcome } satisfies ObtenerClaveResult);
  }
}
