import { MainDialog } from '../../dialogs/main/mainDialog';
import { contactoAnswer, contactoTema, type ContactoTema } from '../../dialogs/servicios/contacto';
import { CONTACTO, MENU, MENU_OPCIONES, MSG, RECUPERAR } from '../../catalog';
import { createClient, createDialogWorld, type DialogWorld } from '../helpers/dialogHarness';
import { playConversation } from '../helpers/conversation';

const QUESTIONS: [string, ContactoTema][] = [
  ['¿atienden los sábados?', 'horario'],
  ['atienden el fin de semana', 'horario'],
  ['abren los domingos?', 'horario'],
  ['cual es el horario de atencion', 'horario'],
  ['hasta que hora atiende el telefono', 'horario'],
  ['¿cuál es el horario de la oficina?', 'horario'],
  ['¿dónde queda la oficina?', 'lugar'],
  ['donde hay una agencia del iess', 'lugar'],
  ['cual es la direccion del IESS en Quito', 'lugar'],
  ['cual es el telefono del iess', 'general'],
  [MENU.contacto, 'horario'],
];

const ANSWERS: Record<ContactoTema, string> = { horario: MSG.contactoHorarios, lugar: MSG.contactoLugares, general: MSG.contacto };

/** The seeds' hours (seed 002) belong to the Centros de Atención only: no sentence ties them to the phone or e-mail. */
const HOURS_ON_PHONE_OR_MAIL = new RegExp(
  `(${CONTACTO.telefono}|${CONTACTO.correo})[^.\\n]*8:00|8:00[^.\\n]*(${CONTACTO.telefono}|${CONTACTO.correo})`,
);

describe('contact topics', () => {
  it.each(QUESTIONS)('reads "%s" as %s', (text, tema) => {
    expect(contactoTema(text)).toBe(tema);
    expect(contactoAnswer(text)).toBe(ANSWERS[tema]);
  });

  it('gives the Centros de Atención hours, the shopping-centre exception and no hours for the phone or e-mail', () => {
    expect(MSG.contactoHorarios).toContain(
      'Los Centros de Atención del IESS a nivel nacional atienden de lunes a viernes, de 8:00 a 17:00.',
    );
    expect(MSG.contactoHorarios).toContain('Los puntos en centros comerciales tienen horarios diferenciados.');
    expect(MSG.contactoHorarios).toContain(
      `Para el teléfono ${CONTACTO.telefono} y el correo ${CONTACTO.correo} no tengo un horario que darle.`,
    );
  });

  it('names no address and points to the phone', () => {
    expect(MSG.contactoLugares).toContain('Centros de Atención a nivel nacional');
    expect(MSG.contactoLugares).toContain('No tengo las direcciones de cada uno.');
    expect(MSG.contactoLugares).toContain(`llame al ${CONTACTO.telefono}`);
  });

  it.each([
    ['contacto', MSG.contacto],
    ['agente', MSG.agente],
    ['horarios', MSG.contactoHorarios],
    ['lugares', MSG.contactoLugares],
    ['clave bloqueada', RECUPERAR.bloqueada],
  ])('never attaches hours to the phone or e-mail (%s)', (_name, text) => {
    expect(text).not.toMatch(HOURS_ON_PHONE_OR_MAIL);
  });

  it('keeps the hours in the agent answer as the Centros de Atención hours', () => {
    expect(MSG.agente).toBe(
      [
        'Por ahora no hay agentes disponibles en este chat.',
        `Puede llamar a atención al ciudadano al ${CONTACTO.telefono} o escribir a ${CONTACTO.correo}.`,
        'Los Centros de Atención del IESS a nivel nacional atienden de lunes a viernes, de 8:00 a 17:00. Los puntos en centros comerciales tienen horarios diferenciados.',
      ].join('\n'),
    );
  });
});

describe('contact questions in the chat', () => {
  let world: DialogWorld;
  beforeAll(async () => {
    world = await createDialogWorld();
  });
  afterAll(async () => world.db.dispose());

  it.each([
    ['¿atienden los sábados?', MSG.contactoHorarios],
    ['atienden el fin de semana', MSG.contactoHorarios],
    ['cual es el horario de atencion', MSG.contactoHorarios],
    ['¿dónde queda la oficina?', MSG.contactoLugares],
    ['donde hay una agencia del iess', MSG.contactoLugares],
    ['cual es el telefono del iess', MSG.contacto],
    [MENU.contacto, MSG.contacto],
  ])('answers "%s"', async (user, text) => {
    await playConversation(createClient(new MainDialog(world.deps), `contacto-${user}`), [
      { user, bot: [{ text, options: MENU_OPCIONES }] },
    ]);
  });
});
