import { INGRESAR, MSG, SIGNIN } from '../../catalog';
import { REDACTED_TEXT } from '../../dialogs/shared/sensitive';
import { Chat, linkIn, openLink, submitSignIn } from './chat';
import { HOST_MOTIVO, hostSays, startSignInApp, type SignInApp } from './harness';

const JOSE = { cedula: '0939336715', clave: 'Litoral2017' };
const HOST_JOSE = hostSays({ citizen: { afiliadoId: 'x', nombres: 'José Luis' } });

const signIn = (chat: Chat, link: string, clave = JOSE.clave): Promise<Response> =>
  submitSignIn(link, { identificacion: JOSE.cedula, clave, cookie: chat.cookie });

describe('sign-in over the self-hosted Direct Line: card, page, proactive continuation', () => {
  let app: SignInApp;

  beforeAll(async () => {
    app = await startSignInApp();
  });
  afterAll(async () => app?.stop());

  it('continues the chat as José once he signs in on the page, and only that chat', async () => {
    const chat = new Chat(app.baseUrl);
    const other = new Chat(app.baseUrl);
    expect((await chat.start()).map((a) => a.text)).toEqual([MSG.bienvenida]);
    await other.start();
    const card = await chat.say('quiero ver mis trámites');
    expect(card.map((a) => a.text)).toEqual([SIGNIN.instrucciones(10, HOST_MOTIVO)]);
    const link = linkIn(card);
    expect(link.startsWith(`${app.baseUrl}/ingresar?t=`)).toBe(true);
    expect((await openLink(link, chat.cookie)).status).toBe(200);

    const page = await signIn(chat, link);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(INGRESAR.exito);
    expect((await chat.poll()).map((a) => a.text)).toEqual([SIGNIN.listo('José Luis'), HOST_JOSE]);
    expect((await chat.say('hola otra vez')).map((a) => a.text)).toEqual([HOST_JOSE]);
    expect((await other.say('hola')).map((a) => a.text)).toEqual([SIGNIN.instrucciones(10, HOST_MOTIVO)]);
  });

  it('hides a clave typed in the chat from the stored transcript', async () => {
    const chat = new Chat(app.baseUrl);
    await chat.start();
    await chat.say('hola');
    expect((await chat.say(`${JOSE.cedula} ${JOSE.clave}`)).map((a) => a.text)).toEqual([SIGNIN.noEscribaClave, SIGNIN.esperando]);
    const stored = JSON.stringify(await chat.all());
    expect(stored).not.toContain(JOSE.clave);
    expect(stored).toContain(REDACTED_TEXT);
  });

  it('tells the chat nothing when the clave on the page is wrong, and a new link still works', async () => {
    const chat = new Chat(app.baseUrl);
    await chat.start();
    const first = linkIn(await chat.say('hola'));
    expect((await signIn(chat, first, 'Equivocada1')).status).toBe(422);
    expect(await chat.poll()).toEqual([]);
    const second = linkIn(await chat.say(SIGNIN.otroEnlace));
    expect(second).not.toBe(first);
    expect((await signIn(chat, second)).status).toBe(200);
    expect((await chat.poll()).map((a) => a.text)).toEqual([SIGNIN.listo('José Luis'), HOST_JOSE]);
    expect((await openLink(first, chat.cookie)).status).toBe(410);
  });
});
