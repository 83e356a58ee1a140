import { AGENTES_AUDITORIA, AGENTES_CASO, ESTADO_NOMBRE } from '../../catalog';
import { listAuditEntries } from '../../prisma/store/audit';
import type { Json } from '../../simulators/teams/fakeConnector';
import { cardActions, cardTexts, startTeamsDriver, STAFF, type TeamsDriver } from './teamsDriver';

const NOW = new Date('2026-12-01T15:00:00.000Z');
const NUMERO = 'RL-2026-000042';

/** The card of the first attachment of the first activity. */
const firstCard = (activities: Json[]): unknown => ((activities[0].attachments as Json[])[0] as Json).content;
/** The card of a Universal Actions answer. */
const refreshed = (body: Json): unknown => {
  expect(body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
  return body.value;
};
const moveButton = (card: unknown, hacia: string): Json => {
  const found = cardActions(card).find((a) => a.verb === 'caso.mover' && (a.data as Json).hacia === hacia);
  if (!found) throw new Error(`no move button to ${hacia}`);
  return found.data as Json;
};

describe('case desk in Teams: find and move a case', () => {
  let t: TeamsDriver;
  beforeAll(async () => {
    t = await startTeamsDriver({ clock: () => NOW });
  });
  afterAll(() => t.stop());

  it.each([
    ['by number', `buscar ${NUMERO}`],
    ['by cédula', 'buscar 2314944220'],
    ['by number alone', NUMERO.toLowerCase()],
  ])('finds the case %s: type, state, dates, history, masked contact', async (_label, text) => {
    const card = firstCard(await t.say(STAFF.andrea, text));
    const texts = cardTexts(card);
    expect(texts).toEqual(expect.arrayContaining([AGENTES_CASO.titulo(NUMERO), ESTADO_NOMBRE.EN_REVISION, '23******20', '******4508']));
    expect(texts.join(' ')).not.toContain('2314944220');
    expect(texts).toContain(AGENTES_CASO.mover('APROBADO'));
  });

  it.each([
    ['an unknown number', 'buscar RL-2099-000001', AGENTES_CASO.noEncontrado],
    ['a text that is neither', 'buscar algo', AGENTES_CASO.busquedaNoValida],
  ])('answers %s with a sentence', async (_label, text, answer) => {
    expect((await t.say(STAFF.andrea, text)).map((a) => a.text)).toEqual([answer]);
  });

  it('moves a case, refuses a stale card and a move outside the table, and audits each', async () => {
    const card = firstCard(await t.say(STAFF.andrea, `buscar ${NUMERO}`));
    const toInfo = moveButton(card, 'REQUIERE_INFORMACION');
    const noNote = await t.press(STAFF.andrea, 'caso.mover', toInfo);
    expect(noNote).toMatchObject({
      statusCode: 400,
      type: 'application/vnd.microsoft.error',
      value: { message: AGENTES_CASO.notaObligatoria },
    });

    const nota = 'Envíe el certificado de su empleador desde el chat, en Mis trámites.';
    const moved = refreshed(await t.press(STAFF.andrea, 'caso.mover', { ...toInfo, nota }));
    expect(cardTexts(moved)).toEqual(
      expect.arrayContaining([AGENTES_CASO.movido('REQUIERE_INFORMACION'), nota, AGENTES_CASO.mover('EN_REVISION')]),
    );
    const row = await t.server.db.prisma.case.findUniqueOrThrow({
      where: { numero: NUMERO },
      include: { history: { orderBy: { fecha: 'asc' } } },
    });
    expect(row.estado).toBe('REQUIERE_INFORMACION');
    expect(row.history.at(-1)).toMatchObject({ estado: 'REQUIERE_INFORMACION', nota, notificar: true, autor: STAFF.andrea.name });
    expect(row.history.filter((e) => e.notificar)).toHaveLength(1);

    // Marco still has the old card: his approval is refused with the current state.
    const stale = refreshed(await t.press(STAFF.marco, 'caso.mover', { ...moveButton(card, 'APROBADO') }));
    expect(cardTexts(stale)).toContain(AGENTES_CASO.desactualizado('REQUIERE_INFORMACION'));
    expect((await t.server.db.prisma.case.findUniqueOrThrow({ where: { numero: NUMERO } })).estado).toBe('REQUIERE_INFORMACION');

    // A forged button outside the transition table changes nothing.
    const forged = refreshed(await t.press(STAFF.andrea, 'caso.mover', { ...moveButton(moved, 'EN_REVISION'), hacia: 'APROBADO' }));
    expect(cardTexts(forged)).toContain(AGENTES_CASO.noPermitido('REQUIERE_INFORMACION'));

    const audit = await listAuditEntries(t.server.db.prisma, { subjectType: 'case', subjectId: NUMERO });
    const moves = audit.filter((e) => e.action === 'case.move').map((e) => [e.outcome, e.before, e.after]);
    expect(moves).toEqual([
      ['invalid:note_required', { estado: 'EN_REVISION', version: 2 }, { estado: 'REQUIERE_INFORMACION' }],
      ['ok', { estado: 'EN_REVISION' }, { estado: 'REQUIERE_INFORMACION', nota }],
      ['stale:REQUIERE_INFORMACION', { estado: 'EN_REVISION', version: 2 }, { estado: 'APROBADO' }],
      ['invalid:transition', { estado: 'REQUIERE_INFORMACION', version: 3 }, { estado: 'APROBADO' }],
    ]);
  });

  it('takes a case back to revisión and approves it; a final case offers no move', async () => {
    const card = firstCard(await t.say(STAFF.gabriela, `buscar ${NUMERO}`));
    const review = refreshed(await t.press(STAFF.gabriela, 'caso.mover', moveButton(card, 'EN_REVISION')));
    const approved = refreshed(await t.press(STAFF.gabriela, 'caso.mover', moveButton(review, 'APROBADO')));
    expect(cardTexts(approved)).toEqual(expect.arrayContaining([AGENTES_CASO.movido('APROBADO'), AGENTES_CASO.sinMovimientos]));
    expect(cardActions(approved).filter((a) => a.verb === 'caso.mover')).toEqual([]);
  });

  it('denies a case with the reason for the citizen', async () => {
    const owner = await t.server.db.prisma.afiliado.findUniqueOrThrow({ where: { cedula: '0939336715' } });
    await t.server.db.prisma.case.create({
      data: {
        numero: 'RL-2026-000900',
        tipo: 'RELIQUIDACION',
        estado: 'EN_REVISION',
        afiliadoId: owner.id,
        history: { create: [{ estado: 'EN_REVISION', fecha: NOW }] },
      },
    });
    const card = firstCard(await t.say(STAFF.marco, 'buscar RL-2026-000900'));
    const motivo = 'Usted no cumple el requisito de pensión por incapacidad permanente total.';
    expect(await t.press(STAFF.marco, 'caso.mover', { ...moveButton(card, 'NEGADO'), nota: '   ' })).toMatchObject({ statusCode: 400 });
    const denied = refreshed(await t.press(STAFF.marco, 'caso.mover', { ...moveButton(card, 'NEGADO'), nota: motivo }));
    expect(cardTexts(denied)).toEqual(expect.arrayContaining([AGENTES_CASO.movido('NEGADO'), motivo, AGENTES_CASO.sinMovimientos]));
    const event = await t.server.db.prisma.caseEvent.findFirstOrThrow({ where: { estado: 'NEGADO', nota: motivo } });
    expect(event.notificar).toBe(true);
  });

  it('offers no move on a final case and answers malformed card data', async () => {
    const card = firstCard(await t.say(STAFF.andrea, 'buscar RI-2025-000317'));
    expect(cardTexts(card)).toContain(AGENTES_CASO.sinMovimientos);
    const malformed = await t.press(STAFF.andrea, 'caso.mover', { numero: NUMERO, desde: 'APROBADO', version: 'x', hacia: 'NEGADO' });
    expect(malformed).toMatchObject({ statusCode: 400, value: { message: AGENTES_CASO.datosNoValidos } });
  });

  it('shows the audit of a case on the card and as a command', async () => {
    const audit = refreshed(await t.press(STAFF.gabriela, 'caso.auditoria', { numero: NUMERO }));
    const lines = cardTexts(audit).join('\n');
    expect(lines).toContain(STAFF.andrea.name);
    expect(lines).toContain(STAFF.marco.name);
    expect(lines).toContain(AGENTES_AUDITORIA.haciaEstado('cambio de estado', 'APROBADO'));
    const chat = firstCard(await t.say(STAFF.andrea, `auditoria ${NUMERO}`));
    expect(cardTexts(chat)[0]).toContain(NUMERO);
  });

  it('answers the search message extension with results and previews, or a message', async () => {
    const found = await t.query(STAFF.andrea, 'buscarTramite', [{ name: 'busqueda', value: '2314944220' }]);
    const result = found.composeExtension as Json;
    expect(result).toMatchObject({ type: 'result', attachmentLayout: 'list' });
    const [first] = result.attachments as Json[];
    expect(first).toMatchObject({ contentType: 'application/vnd.microsoft.card.adaptive', preview: { content: { title: NUMERO } } });
    expect(JSON.stringify(first)).not.toContain('@');
    const none = await t.query(STAFF.andrea, 'buscarTramite', [{ name: 'busqueda', value: 'RL-2099-000001' }]);
    expect(none).toEqual({ composeExtension: { type: 'message', text: AGENTES_CASO.noEncontrado } });
    const initial = await t.query(STAFF.andrea, 'buscarTramite', [{ name: 'initialRun', value: 'true' }]);
    expect(initial).toEqual({ composeExtension: { type: 'message', text: AGENTES_CASO.busquedaNoValida } });
  });
});
