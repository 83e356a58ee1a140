import { ActivityTypes } from 'botbuilder';
import {
  ComponentDialog,
  DialogTurnStatus,
  WaterfallDialog,
  type DialogContext,
  type DialogTurnResult,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
import { MENU_OPCIONES, MSG, SIGNIN_MOTIVO } from '../../catalog';
import { FILED_TRAMITE_IDS, type FiledTramiteId } from '../../core/domain/tramites';
import type { SignedInCitizen } from '../../core/ports';
import type { DialogDependencies } from '../dependencies';
import { MisTramitesDialog, MIS_TRAMITES_DIALOG } from '../misTramites/misTramitesDialog';
import { CANCELLED } from '../shared/interruptibleDialog';
import { conversationKeyOf } from '../shared/conversation';
import { reply } from '../shared/replies';
import { SignInDialog, SIGNIN_DIALOG, type SignInOptions, type SignInResult } from '../signin/signInDialog';
import { TRAMITE_DIALOGS } from '../tramites';

/** Id of the dialog that signs the citizen in and then runs a journey that acts for them. */
export const SIGNED_IN_JOURNEY_DIALOG = 'signedInJourneyDialog';
const WATERFALL = 'signedInJourneyWaterfall';

/** The journeys that need a signed-in citizen: every filed trámite of the registry, and "Mis trámites". */
export type SignedInJourney = FiledTramiteId | 'misTramites';

/** Which journey to run once the citizen is signed in. */
export interface SignedInJourneyOptions {
  journey: SignedInJourney;
}

/** The id of a journey's dialog: a filed trámite's from the registry, or "Mis trámites". */
function journeyDialogId(journey: SignedInJourney): string {
  return journey === 'misTramites' ? MIS_TRAMITES_DIALOG : TRAMITE_DIALOGS[journey].dialogId;
}

/**
 * Signs the citizen in (or reuses the conversation's session) and then begins the journey; every journey
 * receives the signed-in citizen in its options and never asks for the clave itself. Interruptions are
 * left to the child journeys, which know what help to give.
 */
export class SignedInJourneyDialog extends ComponentDialog {
  constructor(private readonly deps: DialogDependencies) {
    super(SIGNED_IN_JOURNEY_DIALOG);
    this.addDialog(new SignInDialog(deps));
    for (const id of FILED_TRAMITE_IDS) this.addDialog(TRAMITE_DIALOGS[id].create(deps));
    this.addDialog(new MisTramitesDialog(deps));
    this.addDialog(new WaterfallDialog(WATERFALL, [this.signInStep.bind(this), this.journeyStep.bind(this), this.endStep.bind(this)]));
    this.initialDialogId = WATERFALL;
  }

  /** Once past sign-in, every message first checks the session is still open: an idle or closed session ends the journey. */
  protected override async onContinueDialog(innerDc: DialogContext): Promise<DialogTurnResult> {
    const active = innerDc.activeDialog;
    const inJourney = active?.id === WATERFALL && Number((active.state as { stepIndex?: unknown }).stepIndex) >= 1;
    if (inJourney && innerDc.context.activity.type === ActivityTypes.Message) {
      const citizen = await this.deps.session.current(conversationKeyOf(innerDc.context));
      if (!citizen) {
        await innerDc.cancelAllDialogs();
        await innerDc.context.sendActivity(reply(MSG.sesionVencida, MENU_OPCIONES));
        return { status: DialogTurnStatus.complete, result: CANCELLED };
      }
    }
    return super.onContinueDialog(innerDc);
  }

  private async signInStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { journey } = step.options as SignedInJourneyOptions;
    (step.values as { journey?: SignedInJourney }).journey = journey;
    return step.beginDialog(SIGNIN_DIALOG, { motivo: SIGNIN_MOTIVO[journey] } satisfies SignInOptions);
  }

  private async journeyStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const citizen = (step.result as SignInResult | undefined)?.citizen;
    if (!citizen) return step.endDialog(step.result);
    const journey = (step.values as { journey: SignedInJourney }).journey;
    return step.beginDialog(journeyDialogId(journey), { citizen } satisfies { citizen: SignedInCitizen });
  }

  private async endStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    return step.endDialog(step.result);
  }
}
