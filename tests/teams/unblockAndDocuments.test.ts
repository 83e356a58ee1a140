import path from 'node:path';
import { AGENTES_DESBLOQUEO } from '../../catalog';
import { LocalFolderStorage } from '../../bot/fileStorage';
import { listAuditEntries } from '../../prisma/store/audit';
import type { Json } from '../../simulators/teams/fakeConnector';
import { cardActions, startTeamsDriver, STAFF, type TeamsDriver } from './teamsDriver';

const NOW = new Date('2026-12-01T15:00:00.000Z');
const CEDULA = '0939336715';

describe('supervisor unblocks online clave recovery (seed 004: five tries)', () => {
  let t: TeamsDriver;
  beforeAll(async () => {
    t = await startTeamsDriver({ clock: () => NOW });
    await t.server.db.prisma.recoveryGuard.create({ data: { identificador: CEDULA, fallos: 5, bloqueadoEn: NOW, updatedAt: NOW } });
  });
  afterAll(() => t.stop());

  const answer = async (user: typeof STAFF.andrea, text: string): Promise<unknown[]> => (await t.say(user, text)).map((a) => a.text);

  it.each([
    [
      'an agent is refused: supervisors only',
      STAFF.andrea,
      `desbloquear ${CEDULA} identidad verificada por llamada`,
      AGENTES_DESBLOQUEO.sinPermiso,
    ],
    ['a reason is required', STAFF.gabriela, `desbloquear ${CEDULA} ok`, AGENTES_DESBLOQUEO.motivoObligatorio(10)],
    [
      'the identification must be valid',
      STAFF.gabriela,
      'desbloquear 123 identidad verificada por llamada',
      AGENTES_DESBLOQUEO.identificacionNoValida,
    ],
    ['a bare command gets the usage', STAFF.gabriela, 'desbloquear', AGENTES_DESBLOQUEO.uso],
  ])('%s', async (_label, user, text, expected) => {
    expect(await answer(user, text)).toEqual([expected]);
    const guard = await t.server.db.prisma.recoveryGuard.findUniqueOrThrow({ where: { identificador: CEDULA } });
    expect(guard.bloqueadoEn).not.toBeNull();
  });

  it('a supervisor lifts the block once, with the reason audited; a second time changes nothing', async () => {
    const motivo = 'identidad verificada por llamada con preguntas del registro';
    expect(await answer(STAFF.gabriela, `desbloquear ${CEDULA} ${motivo}`)).toEqual([AGENTES_DESBLOQUEO.hecho]);
    const guard = await t.server.db.prisma.recoveryGuard.findUniqueOrThrow({ where: { identificador: CEDULA } });
    expect(guard).toMatchObject({ bloqueadoEn: null, fallos: 0 });
    expect(await answer(STAFF.gabriela, `desbloquear ${CEDULA} ${motivo}`)).toEqual([AGENTES_DESBLOQUEO.noBloqueado]);
    const audit = await listAuditEntries(t.server.db.prisma, { subjectType: 'identificacion', subjectId: CEDULA });
    expect(audit.map((e) => e.outcome)).toEqual(['denied', 'reason_required', 'ok', 'not_blocked']);
    expect(audit[2]).toMatchObject({ before: { bloqueado: true }, after: { bloqueado: false, motivo } });
  });
});

describe('case documents as personal short-lived links for staff', () => {
  let t: TeamsDriver;
  let clockNow = NOW;
  beforeAll(async () => {
    t = await startTeamsDriver({ clock: () => clockNow });
    const storage = new LocalFolderStorage(path.join(path.dirname(t.server.outboxDir), 'documentos'));
    const storageKey = await storage.save(Buffer.from('%PDF-1.4 certificado'));
    const caso = await t.server.db.prisma.case.findUniqueOrThrow({ where: { numero: 'RL-2026-000042' } });
    await t.server.db.prisma.document.create({
      data: {
        caseId: caso.id,
        afiliadoId: caso.afiliadoId,
        tipo: 'CERTIFICADO',
        nombreOriginal: 'certificado.pdf',
        mediaType: 'application/pdf',
        size: 20,
        sha256: 'x',
        storageKey,
      },
    });
  });
  afterAll(() => t.stop());

  it('serves the document through the card link, audits the download, and refuses the link once expired or forged', async () => {
    const [reply] = await t.say(STAFF.andrea, 'buscar RL-2026-000042');
    const card = ((reply.attachments as Json[])[0] as Json).content;
    const link = cardActions(card).find((a) => a.type === 'Action.OpenUrl' && a.title === 'certificado.pdf');
    const url = String(link?.url);
    expect(url).toMatch(/\/agentes\/documentos\/[A-Za-z0-9_-]{43}$/);
    const response = await fetch(url);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.text()).toBe('%PDF-1.4 certificado');
    const audit = await listAuditEntries(t.server.db.prisma, { subjectType: 'case', subjectId: 'RL-2026-000042' });
    const staff = await t.server.db.prisma.staff.findUniqueOrThrow({ where: { aadObjectId: STAFF.andrea.aadObjectId } });
    expect(audit.filter((e) => e.action === 'document.download')).toEqual([
      expect.objectContaining({ staffId: staff.id, outcome: 'ok', after: expect.objectContaining({ tipo: 'CERTIFICADO' }) }),
    ]);
    expect((await fetch(`${url.slice(0, -4)}AAAA`)).status).toBe(404);
    clockNow = new Date(NOW.getTime() + 11 * 60_000);
    expect((await fetch(url)).status).toBe(404);
  });
});
