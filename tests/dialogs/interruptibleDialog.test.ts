import { ConversationState, MemoryStorage, type Middleware } from 'botbuilder';
import { DialogTestClient } from 'botbuilder-testing';
import { ComponentDialog, TextPrompt, WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { MENU_OPCIONES, MSG, SIGNIN } from '../../catalog';
import { isSensitiveInput } from '../../dialogs/shared/sensitive';
import { InterruptibleDialog, isCancelled } from '../../dialogs/shared/interruptibleDialog';
import type { Recognizer } from '../../nlu';
import { reply } from '../../dialogs/shared/replies';
import { createClient, testRecognizer } from '../helpers/dialogHarness';
import { playConversation, type Turn } from '../helpers/conversation';

const ASK = '¿Cuál es su color favorito?';
const HELP = 'Escriba un color, por ejemplo azul.';

/** The smallest journey: one free-text question, then an echo. */
class ColorDialog extends InterruptibleDialog {
  constructor(recognizer: Recognizer) {
    super('color', recognizer);
    this.addDialog(new TextPrompt('colorPrompt'));
    this.addDialog(
      new WaterfallDialog('colorSteps', [
        async (step: WaterfallStepContext) => step.prompt('colorPrompt', { prompt: reply(ASK) }),
        async (step: WaterfallStepContext) => {
          await step.context.sendActivity(`Color: ${String(step.result)}`);
          return step.endDialog({ color: step.result });
        },
      ]),
    );
    this.initialDialogId = 'colorSteps';
  }

  protected override helpText(): string {
    return HELP;
  }
}

/** A parent that reports how its child ended, as MainDialog does. */
class Parent extends ComponentDialog {
  constructor(recognizer: Recognizer) {
    super('parent');
    this.addDialog(new ColorDialog(recognizer));
    this.addDialog(
      new WaterfallDialog('parentSteps', [
        async (step: WaterfallStepContext): Promise<DialogTurnResult> => step.beginDialog('color'),
        async (step: WaterfallStepContext): Promise<DialogTurnResult> => {
          await step.context.sendActivity(isCancelled(step.result) ? 'hijo cancelado' : 'hijo terminó');
          return step.endDialog();
        },
      ]),
    );
    this.initialDialogId = 'parentSteps';
  }
}

const TABLE: [string, Turn[]][] = [
  [
    'lets the step answer ordinary input',
    [
      { user: 'empezar', bot: [ASK] },
      { user: 'azul', bot: ['Color: azul', 'hijo terminó'] },
    ],
  ],
  [
    'shows the journey help and asks again',
    [
      { user: 'empezar', bot: [ASK] },
      { user: 'ayuda', bot: [HELP, ASK] },
      { user: 'rojo', bot: ['Color: rojo', 'hijo terminó'] },
    ],
  ],
  [
    'cancels and tells the parent',
    [
      { user: 'empezar', bot: [ASK] },
      { user: 'cancelar', bot: [{ text: MSG.cancelado, options: MENU_OPCIONES }, 'hijo cancelado'] },
    ],
  ],
  [
    'understands cancel with typos and no accents',
    [
      { user: 'empezar', bot: [ASK] },
      { user: 'kiero cancelar esto', bot: [MSG.cancelado, 'hijo cancelado'] },
    ],
  ],
  [
    'answers a request for an agent and continues',
    [
      { user: 'empezar', bot: [ASK] },
      { user: 'necesito hablar con una persona', bot: [`${MSG.agente}\n${MSG.seguimos}`, ASK] },
      { user: 'verde', bot: ['Color: verde', 'hijo terminó'] },
    ],
  ],
];

describe('InterruptibleDialog', () => {
  it.each(TABLE)('%s', async (_name, turns) => {
    await playConversation(createClient(new Parent(testRecognizer())), turns);
  });
});

const BUTTON_ASK = '¿Qué prefiere?';
const HELP_LIKE_BUTTON = 'Ver opciones';

/** A journey whose own button reads like an interruption ("Ver opciones" is classified as ayuda). */
class ButtonDialog extends InterruptibleDialog {
  constructor(recognizer: Recognizer) {
    super('buttons', recognizer);
    this.addDialog(new TextPrompt('buttonPrompt'));
    this.addDialog(
      new WaterfallDialog('buttonSteps', [
        async (step: WaterfallStepContext) => step.prompt('buttonPrompt', { prompt: reply(BUTTON_ASK, [HELP_LIKE_BUTTON, 'Seguir']) }),
        async (step: WaterfallStepContext) => {
          await step.context.sendActivity(`Eligió: ${String(step.result)}`);
          return step.endDialog();
        },
      ]),
    );
    this.initialDialogId = 'buttonSteps';
  }
}

describe('InterruptibleDialog with buttons on offer', () => {
  it.each<[string, Turn[]]>([
    [
      'lets a tapped button reach the step even when it reads like help',
      [
        { user: 'empezar', bot: [BUTTON_ASK] },
        { user: HELP_LIKE_BUTTON, bot: [`Eligió: ${HELP_LIKE_BUTTON}`] },
      ],
    ],
    [
      'still interrupts for text that is not one of the buttons',
      [
        { user: 'empezar', bot: [BUTTON_ASK] },
        { user: 'ayuda', bot: [MSG.ayuda, BUTTON_ASK] },
      ],
    ],
  ])('%s', async (_name, turns) => {
    await playConversation(createClient(new ButtonDialog(testRecognizer())), turns);
  });
});

describe('the button used above', () => {
  it('is what the classifier would otherwise take for a request for help', () => {
    const nlu = testRecognizer().recognize(HELP_LIKE_BUTTON);
    expect(nlu.status === 'ok' && nlu.intent === 'ayuda' && nlu.score >= 0.75).toBe(true);
  });
});

describe('InterruptibleDialog with a clave typed at the prompt', () => {
  it.each<[string, Turn[]]>([
    [
      'warns once, re-asks the same prompt and lets the next answer through',
      [
        { user: 'empezar', bot: [ASK] },
        { user: 'Litoral2017', bot: [SIGNIN.noEscribaClave, ASK] },
        { user: 'azul', bot: ['Color: azul', 'hijo terminó'] },
      ],
    ],
    [
      'catches "mi contraseña es …" even at a free-text prompt',
      [
        { user: 'empezar', bot: [ASK] },
        { user: 'mi contraseña es perrito', bot: [SIGNIN.noEscribaClave, ASK] },
      ],
    ],
    [
      'leaves a case number, a código and ordinary words to the step',
      [
        { user: 'empezar', bot: [ASK] },
        { user: 'RL-2026-000042', bot: ['Color: RL-2026-000042', 'hijo terminó'] },
        { user: 'empezar', bot: [ASK] },
        { user: 'EC-EXT-0045871', bot: ['Color: EC-EXT-0045871', 'hijo terminó'] },
        { user: 'empezar', bot: [ASK] },
        { user: 'azul marino', bot: ['Color: azul marino', 'hijo terminó'] },
      ],
    ],
  ])('%s', async (_name, turns) => {
    await playConversation(createClient(new Parent(testRecognizer())), turns);
  });

  it('marks the turn sensitive and keeps the clave out of conversation state', async () => {
    const storage = new MemoryStorage();
    const marked: boolean[] = [];
    const spy: Middleware = {
      onTurn: async (context, next) => {
        await next();
        marked.push(isSensitiveInput(context));
      },
    };
    const client = new DialogTestClient('directline', new Parent(testRecognizer()), undefined, [spy], new ConversationState(storage));
    await client.sendActivity('empezar');
    await client.sendActivity('Quito2026clave');
    expect(marked).toEqual([false, true]);
    expect(JSON.stringify(storage)).not.toContain('Quito2026clave');
  });
});
