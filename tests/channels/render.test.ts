import { ActivityTypes, TestAdapter, type Activity, type Attachment } from 'botbuilder';
import { renderBotFramework, TEAMS_MAX_SUGGESTED_ACTIONS } from '../../bot/channels/botframework/render';
import { renderDirectLine } from '../../bot/channels/directline/render';
import { installRenderer } from '../../bot/channels/render';
import { MENU_OPCIONES, MSG, SIGNIN } from '../../catalog';
import { OUTBOUND_KEY, reply } from '../../dialogs/shared/replies';
import { signInMessage } from '../../dialogs/signin/signInCard';

const on = (channelId: string, activity: Partial<Activity>): Partial<Activity> => ({ ...activity, channelId });
const titles = (activity: Partial<Activity>): string[] => (activity.suggestedActions?.actions ?? []).map((a) => String(a.title));
const choices = (n: number): string[] => Array.from({ length: n }, (_, i) => `Opción ${i + 1}`);
const SIGN_IN = signInMessage({ url: 'https://x/ingresar?t=a', expiresInMinutes: 10 });

interface SubmitAction {
  type: string;
  title: string;
  data: { msteams: { type: string; value: string } };
}
const cardActions = (card: Attachment | undefined): SubmitAction[] =>
  ((card?.content as { body?: { actions: SubmitAction[] }[] } | undefined)?.body ?? []).flatMap((set) => set.actions);

describe('Direct Line renderer: exactly the generic Bot Framework form Web Chat always got', () => {
  it.each<[string, Partial<Activity>, Partial<Activity>]>([
    ['text', reply(MSG.saludo), { type: ActivityTypes.Message, text: MSG.saludo, textFormat: 'plain', inputHint: 'acceptingInput' }],
    [
      'the six-option menu: six imBack suggested actions, no limit',
      reply(MSG.saludo, MENU_OPCIONES),
      {
        type: ActivityTypes.Message,
        text: MSG.saludo,
        textFormat: 'plain',
        inputHint: 'expectingInput',
        suggestedActions: { actions: MENU_OPCIONES.map((title) => ({ type: 'imBack', title, value: title })), to: [] },
      },
    ],
  ])('%s', (_name, activity, expected) => {
    expect(renderDirectLine(on('directline', activity))).toEqual({ ...expected, channelId: 'directline' });
  });

  it('a sign-in request is a SigninCard whose one button opens the link', () => {
    const rendered = renderDirectLine(on('directline', SIGN_IN));
    expect(rendered.channelData).toBeUndefined();
    expect(rendered.attachments).toEqual([
      {
        contentType: 'application/vnd.microsoft.card.signin',
        content: { text: SIGNIN.textoTarjeta, buttons: [{ type: 'signin', title: SIGNIN.boton, value: 'https://x/ingresar?t=a' }] },
      },
    ]);
  });

  it('keeps other channelData and activities without a neutral message', () => {
    const plain = { type: ActivityTypes.Message, text: 'x', channelData: { clientActivityID: 'c1' } };
    expect(renderDirectLine(plain)).toBe(plain);
    const both = { ...reply('x'), channelData: { clientActivityID: 'c1', [OUTBOUND_KEY]: { text: 'x', choices: [] } } };
    expect(renderDirectLine(both).channelData).toEqual({ clientActivityID: 'c1' });
  });
});

describe('Bot Framework renderer: Teams shows at most three suggested actions', () => {
  it.each<[string, string, number, number, number]>([
    // [name, channelId, choices, suggested actions, card buttons]
    ['Emulator, six choices', 'emulator', 6, 6, 0],
    ['Azure Web Chat, ten choices', 'webchat', 10, 10, 0],
    ['Teams, one choice', 'msteams', 1, 1, 0],
    ['Teams, three choices', 'msteams', TEAMS_MAX_SUGGESTED_ACTIONS, 3, 0],
    ['Teams, four choices → card', 'msteams', 4, 0, 4],
    ['Teams, the six-option menu → card', 'msteams', 6, 0, 6],
    ['Teams, twelve choices → card', 'msteams', 12, 0, 12],
  ])('%s', (_name, channelId, count, suggested, buttons) => {
    const options = count === 6 ? [...MENU_OPCIONES] : choices(count);
    const rendered = renderBotFramework(on(channelId, reply('Elija', options)));
    expect(rendered.channelData).toBeUndefined();
    expect(titles(rendered)).toHaveLength(suggested);
    expect(titles(rendered).length).toBeLessThanOrEqual(channelId === 'msteams' ? TEAMS_MAX_SUGGESTED_ACTIONS : count);
    const card = rendered.attachments?.find((a) => a.contentType === 'application/vnd.microsoft.card.adaptive');
    expect(cardActions(card)).toHaveLength(buttons);
    if (buttons > 0) {
      expect((card?.content as { version: string }).version).toBe('1.5');
      expect(cardActions(card)).toEqual(
        options.map((title) => ({ type: 'Action.Submit', title, data: { msteams: { type: 'imBack', value: title } } })),
      );
      expect(rendered.text).toBe('Elija');
    }
  });

  it('keeps the SigninCard on every Bot Framework channel', () => {
    for (const channelId of ['msteams', 'emulator']) {
      expect(renderBotFramework(on(channelId, SIGN_IN)).attachments?.[0].contentType).toBe('application/vnd.microsoft.card.signin');
    }
  });

  it('is installed on the adapter: what a turn sends is rendered', async () => {
    const adapter = new TestAdapter(
      async (context) => {
        await context.sendActivity(reply(MSG.saludo, MENU_OPCIONES));
      },
      { channelId: 'msteams' },
    );
    installRenderer(adapter, renderBotFramework);
    await adapter.send('hola').assertReply((activity) => {
      expect(activity.suggestedActions).toBeUndefined();
      expect(cardActions(activity.attachments?.[0]).map((a) => a.title)).toEqual([...MENU_OPCIONES]);
    });
  });
});
