import { ConversationState, MemoryStorage } from 'botbuilder';
import { DialogTestClient } from 'botbuilder-testing';
import { MSG, RELIQ } from '../../catalog';
import type { FilingPort, FilingProfile, SignedInCitizen } from '../../core/ports';
import { ReliquidacionDialog, type ReliquidacionOptions } from '../../dialogs/reliquidacion/reliquidacionDialog';
import { acceptsConfirmation, MAX_CONFIRM_ATTEMPTS, readConfirmation } from '../../dialogs/reliquidacion/validators';
import { playConversation, type Turn } from '../helpers/conversation';
import { createTestFiling } from '../helpers/db';
import { createDialogWorld, FIXED_NOW, type DialogWorld } from '../helpers/dialogHarness';

const SI_NO = [RELIQ.si, RELIQ.no];
const CONFIRMAR = { text: RELIQ.confirmar, options: SI_NO };
const JOSE: FilingProfile = {
  nombres: 'José Luis',
  apellidos: 'Cedeño Mendoza',
  identificacionMasked: '09******15',
  tipoIdentificacion: 'cedula',
  pensionTipo: 'VEJEZ',
  maskedEmail: 'j***@example.ec',
  provincia: 'Guayas',
};

describe('validators of the reliquidación journey', () => {
  it.each<[string, boolean | undefined]>([
    ['Sí', true],
    ['si, por favor', true],
    ['No', false],
    ['no gracias', false],
    ['el martes', undefined],
  ])('"%s" reads as %s', (text, expected) => {
    expect(readConfirmation(text)).toBe(expected);
  });

  it.each<[string, number, boolean]>([
    ['sí', 1, true],
    ['azul', 1, false],
    ['azul', MAX_CONFIRM_ATTEMPTS - 1, false],
    ['azul', MAX_CONFIRM_ATTEMPTS, true],
  ])('"%s" at attempt %i is accepted: %s', (text, attempt, expected) => {
    expect(acceptsConfirmation(text, attempt)).toBe(expected);
  });
});

describe('ReliquidacionDialog', () => {
  let world: DialogWorld;
  let filing: FilingPort;
  const citizen = async (cedula: string): Promise<SignedInCitizen> => {
    const a = await world.db.prisma.afiliado.findUniqueOrThrow({ where: { cedula } });
    return { afiliadoId: a.id, nombres: a.nombres };
  };
  const start = async (cedula: string, port: FilingPort = filing): Promise<DialogTestClient> => {
    const options: ReliquidacionOptions = { citizen: await citizen(cedula) };
    const dialog = new ReliquidacionDialog({ ...world.deps, filing: port });
    return new DialogTestClient('directline', dialog, options, [], new ConversationState(new MemoryStorage()));
  };
  const cases = (cedula: string) => world.db.prisma.case.findMany({ where: { afiliado: { cedula }, tipo: 'RELIQUIDACION' } });

  beforeEach(async () => {
    world = await createDialogWorld();
    filing = createTestFiling(world.db.prisma, () => FIXED_NOW);
  });
  afterEach(async () => world.db.dispose());

  it('José confirms the summary: the case is filed, answered with its number, and the e-mail is queued', async () => {
    const client = await start('0939336715');
    await playConversation(client, [
      { user: 'quiero la reliquidación', bot: [RELIQ.resumen(JOSE), CONFIRMAR] },
      { user: 'sí', bot: [RELIQ.presentada('RL-2026-000043', 'j***@example.ec')] },
    ]);
    expect(client.dialogTurnResult.result).toEqual({ filed: { numero: 'RL-2026-000043' } });
    expect(await cases('0939336715')).toEqual([expect.objectContaining({ numero: 'RL-2026-000043', estado: 'RECIBIDO' })]);
    const mail = await world.db.prisma.outboxEmail.findFirstOrThrow();
    expect(mail).toMatchObject({ to: 'jose.cedeno@example.ec', subject: 'IESS: recibimos su solicitud RL-2026-000043' });
  });

  it('the summary says, in plain words, what the citizen will obtain and where the confirmation goes', () => {
    expect(RELIQ.resumen(JOSE)).toBe(
      [
        'Revise los datos de su solicitud de reliquidación de pensiones:',
        '• Nombre: José Luis Cedeño Mendoza',
        '• Cédula: 09******15',
        '• Pensión: vejez, del Seguro General',
        '• Correo donde le enviaremos la confirmación: j***@example.ec',
        'Si el trámite termina con éxito, usted recibirá el acuerdo de concesión de reliquidación de la renta de su pensión de vejez.',
        'El trámite no tiene costo.',
      ].join('\n'),
    );
  });

  it.each<[string, string, Turn['bot']]>([
    ['Rosa has pending contributions: her employer must pay them first', '0145878195', [RELIQ.noElegible.APORTES_PENDIENTES]],
    ['Diego already has an open case: he gets its number and state', '2314944220', [RELIQ.casoAbierto('RL-2026-000042', 'en revisión')]],
    ['María is not a pensionista', '1744180744', [RELIQ.noElegible.NO_PENSIONISTA]],
    ['Carlos is a pensionista of Riesgos del Trabajo', '1849579501', [RELIQ.noElegible.SEGURO_DISTINTO]],
  ])('%s', async (_name, cedula, bot) => {
    const client = await start(cedula);
    await playConversation(client, [{ user: 'reliquidación', bot }]);
    expect(client.dialogTurnResult.result).toEqual({});
    expect(await world.db.prisma.case.count({ where: { estado: 'RECIBIDO' } })).toBe(0);
  });

  it('José without an e-mail on record is told to register one on the portal', async () => {
    await world.db.prisma.afiliado.update({ where: { cedula: '0939336715' }, data: { email: null } });
    await playConversation(await start('0939336715'), [{ user: 'reliquidación', bot: [RELIQ.noElegible.SIN_CORREO] }]);
    expect(RELIQ.noElegible.SIN_CORREO).toContain('www.iess.gob.ec');
  });

  it('contributions fall due between the summary and the "sí": told why, nothing filed, no e-mail', async () => {
    const client = await start('0939336715');
    await playConversation(client, [{ user: 'reliquidación', bot: [RELIQ.resumen(JOSE), CONFIRMAR] }]);
    await world.db.prisma.afiliado.update({ where: { cedula: '0939336715' }, data: { aportesPendientesCentavos: 125_000 } });
    await playConversation(client, [{ user: 'sí', bot: [RELIQ.noElegible.APORTES_PENDIENTES] }]);
    expect(client.dialogTurnResult.result).toEqual({});
    expect(await cases('0939336715')).toEqual([]);
    expect(await world.db.prisma.outboxEmail.count()).toBe(0);
  });

  it('José says no: nothing is filed', async () => {
    const client = await start('0939336715');
    await playConversation(client, [
      { user: 'reliquidación', bot: [RELIQ.resumen(JOSE), CONFIRMAR] },
      { user: 'no', bot: [RELIQ.noPresentada] },
    ]);
    expect(client.dialogTurnResult.result).toEqual({});
    expect(await cases('0939336715')).toEqual([]);
    expect(await world.db.prisma.outboxEmail.count()).toBe(0);
  });

  it('answers that are neither yes nor no are asked again, then the journey gives up without filing', async () => {
    await playConversation(await start('0939336715'), [
      { user: 'reliquidación', bot: [RELIQ.resumen(JOSE), CONFIRMAR] },
      { user: 'el martes', bot: [{ text: RELIQ.confirmarSiNo, options: SI_NO }] },
      { user: 'azul', bot: [{ text: RELIQ.confirmarSiNo, options: SI_NO }] },
      { user: 'tal vez mañana', bot: [MSG.demasiadosIntentos] },
    ]);
    expect(await cases('0939336715')).toEqual([]);
  });

  it('"ayuda" at the confirmation explains the step and asks again', async () => {
    await playConversation(await start('0939336715'), [
      { user: 'reliquidación', bot: [RELIQ.resumen(JOSE), CONFIRMAR] },
      { user: 'ayuda por favor', bot: [RELIQ.ayuda, CONFIRMAR] },
    ]);
  });

  it('a turn that failed after filing is retried with the same request: still one case', async () => {
    let failOnce = true;
    const requestIds: string[] = [];
    const flaky: FilingPort = {
      ...filing,
      async fileCase(request) {
        requestIds.push(request.requestId);
        const filed = await filing.fileCase(request);
        if (failOnce) {
          failOnce = false;
          throw new Error('se cayó la conexión antes de responder');
        }
        return filed;
      },
    };
    const client = await start('0939336715', flaky);
    await playConversation(client, [{ user: 'reliquidación', bot: [RELIQ.resumen(JOSE), CONFIRMAR] }]);
    await expect(client.sendActivity('sí')).rejects.toThrow('se cayó la conexión');
    await playConversation(client, [{ user: 'sí', bot: [RELIQ.presentada('RL-2026-000043', 'j***@example.ec')] }]);
    expect(requestIds).toHaveLength(2);
    expect(requestIds[1]).toBe(requestIds[0]);
    expect(await cases('0939336715')).toHaveLength(1);
    expect(await world.db.prisma.outboxEmail.count()).toBe(1);
  });

  it('a repeated "sí" after filing starts over and finds the open case: no second case', async () => {
    const client = await start('0939336715');
    await playConversation(client, [
      { user: 'reliquidación', bot: [RELIQ.resumen(JOSE), CONFIRMAR] },
      { user: 'sí', bot: [RELIQ.presentada('RL-2026-000043', 'j***@example.ec')] },
      { user: 'sí', bot: [RELIQ.casoAbierto('RL-2026-000043', 'recibido')] },
    ]);
    expect(await cases('0939336715')).toHaveLength(1);
  });
});
