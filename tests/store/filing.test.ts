import { FILING_NOTAS } from '../../catalog/es-EC/filing';
import type { FilingPort, FilingTypeName } from '../../core/ports';
import { DocumentNotAttachableError, FilingRefusedError } from '../../core/domain/errors';
import { maskIdentificacion } from '../../core/domain/masking';
import { seedDemoData } from '../../prisma/store/seed';
import type { PrismaClient } from '../../prisma/client';
import { createTestDatabase, createTestFiling, type TestDatabase } from '../helpers/db';
import { FIXED_NOW } from '../helpers/dialogHarness';

const ID = {
  jose: '0939336715',
  rosa: '0145878195',
  carlos: '1849579501',
  maria: '1744180744',
  diego: '2314944220',
  patricia: '1002136172',
  carmen: '1147829814',
  valentina: 'EC-EXT-0045871',
} as const;
type Person = keyof typeof ID;

describe('filing store', () => {
  let db: TestDatabase;
  let filing: FilingPort;
  const idOf: Partial<Record<Person, string>> = {};
  const afiliado = (who: Person): string => idOf[who] ?? '';
  const addDocument = async (who: Person, tipo = 'cedula') =>
    db.prisma.document.create({
      data: {
        afiliadoId: afiliado(who),
        tipo,
        nombreOriginal: 'cedula.jpg',
        mediaType: 'image/jpeg',
        size: 1000,
        sha256: 'a'.repeat(64),
        storageKey: `k-${Math.random()}`,
        createdAt: FIXED_NOW,
      },
    });

  beforeEach(async () => {
    db = await createTestDatabase();
    await seedDemoData(db.prisma, { scryptLogN: 10 });
    filing = createTestFiling(db.prisma, () => FIXED_NOW);
    for (const [who, id] of Object.entries(ID) as [Person, string][]) {
      const found = await db.prisma.afiliado.findFirstOrThrow({ where: { OR: [{ cedula: id }, { codigoExtranjero: id }] } });
      idOf[who] = found.id;
    }
  });
  afterEach(async () => db.dispose());

  describe('eligibility (seeds 000 and 002)', () => {
    it.each<[string, Person, FilingTypeName, Record<string, unknown>]>([
      ['José (jubilado por vejez, al día, con correo) may file a reliquidación', 'jose', 'RELIQUIDACION', { eligible: true }],
      ['Carmen (montepío por muerte) may file a reliquidación', 'carmen', 'RELIQUIDACION', { eligible: true }],
      ['Rosa has pending contributions', 'rosa', 'RELIQUIDACION', { eligible: false, reason: 'APORTES_PENDIENTES' }],
      [
        'Diego already has RL-2026-000042 open',
        'diego',
        'RELIQUIDACION',
        { eligible: false, reason: 'CASO_ABIERTO', openCase: { numero: 'RL-2026-000042', estado: 'EN_REVISION' } },
      ],
      ['María is not a pensionista', 'maria', 'RELIQUIDACION', { eligible: false, reason: 'NO_PENSIONISTA' }],
      [
        'Carlos is a Riesgos del Trabajo pensionista: not a reliquidación',
        'carlos',
        'RELIQUIDACION',
        { eligible: false, reason: 'SEGURO_DISTINTO' },
      ],
      ['Carlos (incapacidad permanente total) may file a reinserción', 'carlos', 'REINSERCION', { eligible: true }],
      ['Valentina (código de identificación) may file a reinserción', 'valentina', 'REINSERCION', { eligible: true }],
      [
        'Patricia has a partial incapacity (her negado case is closed)',
        'patricia',
        'REINSERCION',
        { eligible: false, reason: 'INCAPACIDAD_NO_TOTAL' },
      ],
      ['José is a Seguro General pensionista: not a reinserción', 'jose', 'REINSERCION', { eligible: false, reason: 'SEGURO_DISTINTO' }],
      ['María is not a pensionista for reinserción either', 'maria', 'REINSERCION', { eligible: false, reason: 'NO_PENSIONISTA' }],
    ])('%s', async (_name, who, tipo, expected) => {
      expect(await filing.checkEligibility({ afiliadoId: afiliado(who), tipo })).toMatchObject(expected);
    });

    it('an e-mail on record is required for a reliquidación', async () => {
      await db.prisma.afiliado.update({ where: { id: afiliado('jose') }, data: { email: null } });
      expect(await filing.checkEligibility({ afiliadoId: afiliado('jose'), tipo: 'RELIQUIDACION' })).toEqual({
        eligible: false,
        reason: 'SIN_CORREO',
      });
    });

    it('shows only masked personal data', async () => {
      expect(await filing.checkEligibility({ afiliadoId: afiliado('jose'), tipo: 'RELIQUIDACION' })).toEqual({
        eligible: true,
        profile: {
          nombres: 'José Luis',
          apellidos: 'Cedeño Mendoza',
          identificacionMasked: '09******15',
          tipoIdentificacion: 'cedula',
          pensionTipo: 'VEJEZ',
          maskedEmail: 'j***@example.ec',
          provincia: 'Guayas',
        },
      });
      expect(await filing.checkEligibility({ afiliadoId: afiliado('valentina'), tipo: 'REINSERCION' })).toMatchObject({
        profile: { identificacionMasked: 'EC**********71', tipoIdentificacion: 'codigo' },
      });
      expect(maskIdentificacion('123')).toBe('****');
    });
  });

  describe('fileCase', () => {
    const file = (
      who: Person,
      requestId: string,
      extra: { tipo?: FilingTypeName; documentIds?: string[]; provincia?: string; detalle?: string } = {},
    ) => filing.fileCase({ afiliadoId: afiliado(who), tipo: 'RELIQUIDACION', requestId, ...extra });

    it('files a case with its first event and queues the confirmation e-mail with it', async () => {
      expect(await file('jose', 'req-1')).toEqual({ numero: 'RL-2026-000043', created: true, maskedEmail: 'j***@example.ec' });
      const kase = await db.prisma.case.findUniqueOrThrow({ where: { numero: 'RL-2026-000043' }, include: { history: true } });
      expect(kase).toMatchObject({
        tipo: 'RELIQUIDACION',
        estado: 'RECIBIDO',
        afiliadoId: afiliado('jose'),
        provincia: 'Guayas',
        dedupKey: `RELIQUIDACION:${afiliado('jose')}`,
        createdAt: FIXED_NOW,
      });
      expect(kase.history).toEqual([expect.objectContaining({ estado: 'RECIBIDO', fecha: FIXED_NOW, nota: FILING_NOTAS.recibido })]);
      const mails = await db.prisma.outboxEmail.findMany();
      expect(mails).toHaveLength(1);
      expect(mails[0]).toMatchObject({
        to: 'jose.cedeno@example.ec',
        subject: 'IESS: recibimos su solicitud RL-2026-000043',
        dedupKey: 'filing:RL-2026-000043',
        estado: 'PENDIENTE',
      });
      expect(mails[0].text).toContain('acuerdo de concesión de reliquidación de la renta de su pensión de vejez');
      expect(mails[0].html).toContain('RL-2026-000043');
    });

    it('the same requestId twice gives the same case, even after the case was closed', async () => {
      const first = await file('jose', 'req-1');
      expect(await file('jose', 'req-1')).toEqual({ ...first, created: false });
      await db.prisma.case.update({ where: { numero: first.numero }, data: { estado: 'NEGADO' } });
      expect(await file('jose', 'req-1')).toEqual({ ...first, created: false });
      expect(await db.prisma.case.count({ where: { afiliadoId: afiliado('jose') } })).toBe(1);
      expect(await db.prisma.outboxEmail.count()).toBe(1);
    });

    it('two different requests at the same time create one case and one e-mail', async () => {
      const results = await Promise.all(['a', 'b', 'c', 'd'].map((r) => file('jose', r)));
      expect(new Set(results.map((r) => r.numero))).toEqual(new Set(['RL-2026-000043']));
      expect(results.filter((r) => r.created)).toHaveLength(1);
      expect(await db.prisma.case.count({ where: { afiliadoId: afiliado('jose') } })).toBe(1);
      expect(await db.prisma.outboxEmail.count()).toBe(1);
    });

    it('a filing that lost the race on the unique key (as on PostgreSQL) returns the case the winner created', async () => {
      const winner = await file('jose', 'a');
      let missOpenCase = true;
      const racing = db.prisma.$extends({
        query: {
          case: {
            async findFirst({ args, query }) {
              if (!missOpenCase) return query(args);
              missOpenCase = false;
              return null;
            },
          },
          afiliado: {
            async findUnique({ args, query }) {
              const row = await query(args);
              return row && 'cases' in row ? { ...row, cases: [] } : row;
            },
          },
        },
      });
      const loser = createTestFiling(
        racing as unknown as PrismaClient,
        () => FIXED_NOW,
        () => ({ text: 't', html: 'h' }),
      );
      expect(await loser.fileCase({ afiliadoId: afiliado('jose'), tipo: 'RELIQUIDACION', requestId: 'b' })).toEqual({
        ...winner,
        created: false,
      });
      expect(await db.prisma.case.count({ where: { afiliadoId: afiliado('jose') } })).toBe(1);
      expect(await db.prisma.outboxEmail.count()).toBe(1);
    });

    it('an open case of the same type is returned, also when it was not filed from the chat', async () => {
      expect(await file('diego', 'req-1')).toEqual({ numero: 'RL-2026-000042', created: false, maskedEmail: 'd***@example.ec' });
      expect(await db.prisma.outboxEmail.count()).toBe(0);
    });

    it('a case in a final state frees its key for a new filing', async () => {
      const first = await file('jose', 'req-1');
      await db.prisma.case.update({ where: { numero: first.numero }, data: { estado: 'APROBADO' } });
      expect(await file('jose', 'req-2')).toMatchObject({ numero: 'RL-2026-000044', created: true });
      expect(await db.prisma.case.findUniqueOrThrow({ where: { numero: first.numero } })).toMatchObject({ dedupKey: null });
    });

    it.each<[string, Person, FilingTypeName, string]>([
      ['Rosa (pending contributions)', 'rosa', 'RELIQUIDACION', 'APORTES_PENDIENTES'],
      ['Patricia (partial incapacity)', 'patricia', 'REINSERCION', 'INCAPACIDAD_NO_TOTAL'],
    ])('refuses %s with a typed error and writes nothing', async (_name, who, tipo, reason) => {
      const attempt = file(who, 'req-x', { tipo });
      await expect(attempt).rejects.toBeInstanceOf(FilingRefusedError);
      await expect(attempt).rejects.toMatchObject({ reason });
      expect(await db.prisma.case.count({ where: { afiliadoId: afiliado(who), estado: 'RECIBIDO' } })).toBe(0);
      expect(await db.prisma.outboxEmail.count()).toBe(0);
    });

    it('a reinserción takes the province, the detail and the citizen’s own documents', async () => {
      const docs = [await addDocument('carlos', 'cedula'), await addDocument('carlos', 'solicitud')];
      const filed = await file('carlos', 'req-1', {
        tipo: 'REINSERCION',
        provincia: 'Pichincha',
        detalle: 'Quiero volver a trabajar.',
        documentIds: docs.map((d) => d.id),
      });
      expect(filed).toEqual({ numero: 'RI-2026-000001', created: true, maskedEmail: 'c***@example.ec' });
      const kase = await db.prisma.case.findUniqueOrThrow({ where: { numero: filed.numero }, include: { documents: true } });
      expect(kase).toMatchObject({ provincia: 'Pichincha', detalle: 'Quiero volver a trabajar.' });
      expect(kase.documents.map((d) => d.tipo).sort()).toEqual(['cedula', 'solicitud']);
      const mail = await db.prisma.outboxEmail.findFirstOrThrow();
      expect(mail.text).toContain('capacidad remanente');
    });

    it.each<[string, (doc: string) => Promise<void>]>([
      ['another afiliado’s document', async () => undefined],
      [
        'a document already in a case',
        async (doc) =>
          void (await db.prisma.document.update({
            where: { id: doc },
            data: { caseId: (await db.prisma.case.findUniqueOrThrow({ where: { numero: 'RI-2025-000317' } })).id },
          })),
      ],
    ])('refuses %s and rolls the whole filing back', async (name, prepare) => {
      const doc = await addDocument(name.startsWith('another') ? 'valentina' : 'carlos');
      await prepare(doc.id);
      const own = await addDocument('carlos', 'solicitud');
      await expect(file('carlos', 'req-1', { tipo: 'REINSERCION', documentIds: [own.id, doc.id] })).rejects.toBeInstanceOf(
        DocumentNotAttachableError,
      );
      expect(await db.prisma.case.count({ where: { tipo: 'REINSERCION', afiliadoId: afiliado('carlos') } })).toBe(0);
      expect(await db.prisma.document.findUniqueOrThrow({ where: { id: own.id } })).toMatchObject({ caseId: null });
      expect(await db.prisma.outboxEmail.count()).toBe(0);
      expect(await db.prisma.caseCounter.findUnique({ where: { prefijo_anio: { prefijo: 'RI', anio: 2026 } } })).toBeNull();
    });
  });

  describe('listCases and getCaseHistory', () => {
    it('lists the citizen’s cases newest first with the latest state, date and note', async () => {
      await db.prisma.case.create({
        data: {
          numero: 'CL-2026-000007',
          tipo: 'CLAVE',
          estado: 'APROBADO',
          afiliadoId: afiliado('patricia'),
          createdAt: new Date('2026-01-10T10:00:00-05:00'),
          history: {
            create: [
              { estado: 'RECIBIDO', fecha: new Date('2026-01-10T10:00:00-05:00') },
              { estado: 'APROBADO', fecha: new Date('2026-01-12T10:00:00-05:00'), nota: 'Retire su clave.' },
            ],
          },
        },
      });
      expect(await filing.listCases({ afiliadoId: afiliado('patricia') })).toEqual([
        {
          numero: 'CL-2026-000007',
          tipo: 'CLAVE',
          estado: 'APROBADO',
          fecha: new Date('2026-01-12T10:00:00-05:00'),
          nota: 'Retire su clave.',
        },
        {
          numero: 'RI-2025-000317',
          tipo: 'REINSERCION',
          estado: 'NEGADO',
          fecha: new Date('2025-10-06T16:45:00-05:00'),
          nota: expect.stringContaining('incapacidad permanente parcial'),
        },
      ]);
      const jose = await filing.fileCase({ afiliadoId: afiliado('jose'), tipo: 'RELIQUIDACION', requestId: 'r' });
      expect(await filing.listCases({ afiliadoId: afiliado('jose') })).toEqual([
        { numero: jose.numero, tipo: 'RELIQUIDACION', estado: 'RECIBIDO', fecha: FIXED_NOW, nota: FILING_NOTAS.recibido },
      ]);
      expect(await filing.listCases({ afiliadoId: afiliado('maria') })).toEqual([]);
    });

    it('shows a case’s events oldest first and its documents, only to its owner', async () => {
      const history = await filing.getCaseHistory({ afiliadoId: afiliado('diego'), numero: 'RL-2026-000042' });
      expect(history).toMatchObject({
        numero: 'RL-2026-000042',
        estado: 'EN_REVISION',
        creado: new Date('2026-10-02T15:04:00-05:00'),
        nota: 'Asignado a la Coordinación Provincial de Santo Domingo de los Tsáchilas.',
        documentos: [],
      });
      expect(history?.eventos.map((e) => e.estado)).toEqual(['RECIBIDO', 'EN_REVISION']);
      expect(await filing.getCaseHistory({ afiliadoId: afiliado('jose'), numero: 'RL-2026-000042' })).toBeUndefined();
      const docs = [await addDocument('carlos', 'cedula'), await addDocument('carlos', 'solicitud')];
      const filed = await filing.fileCase({
        afiliadoId: afiliado('carlos'),
        tipo: 'REINSERCION',
        requestId: 'r',
        documentIds: docs.map((d) => d.id),
      });
      const withDocs = await filing.getCaseHistory({ afiliadoId: afiliado('carlos'), numero: filed.numero });
      expect(withDocs?.documentos).toHaveLength(2);
      expect(withDocs?.documentos[0]).toEqual({ tipo: expect.any(String), fecha: FIXED_NOW });
    });
  });

  describe('submitMissingDocument', () => {
    const askForDocument = async () =>
      db.prisma.case.update({
        where: { numero: 'RL-2026-000042' },
        data: {
          estado: 'REQUIERE_INFORMACION',
          history: {
            create: {
              estado: 'REQUIERE_INFORMACION',
              fecha: new Date('2026-11-01T09:00:00-05:00'),
              nota: 'Envíe una copia legible de su cédula.',
            },
          },
        },
      });

    it('attaches the document, moves the case back to review, and queues a short e-mail, once', async () => {
      await askForDocument();
      const doc = await addDocument('diego');
      expect(await filing.submitMissingDocument({ afiliadoId: afiliado('diego'), numero: 'RL-2026-000042', documentId: doc.id })).toBe(
        true,
      );
      const history = await filing.getCaseHistory({ afiliadoId: afiliado('diego'), numero: 'RL-2026-000042' });
      expect(history).toMatchObject({
        estado: 'EN_REVISION',
        fecha: FIXED_NOW,
        nota: FILING_NOTAS.documentoRecibido,
        documentos: [{ tipo: 'cedula', fecha: FIXED_NOW }],
      });
      expect(await db.prisma.case.findUniqueOrThrow({ where: { numero: 'RL-2026-000042' } })).toMatchObject({ estado: 'EN_REVISION' });
      const mail = await db.prisma.outboxEmail.findFirstOrThrow();
      expect(mail).toMatchObject({ to: 'diego.yanez@example.ec', subject: 'IESS: recibimos el documento de su trámite RL-2026-000042' });
      const again = await addDocument('diego');
      expect(await filing.submitMissingDocument({ afiliadoId: afiliado('diego'), numero: 'RL-2026-000042', documentId: again.id })).toBe(
        false,
      );
      expect(await db.prisma.outboxEmail.count()).toBe(1);
    });

    it.each<[string, Person, Person, boolean]>([
      ['a case that does not wait for a document', 'diego', 'diego', false],
      ['another citizen’s case', 'jose', 'jose', true],
      ['another citizen’s document', 'diego', 'carlos', true],
    ])('refuses %s and changes nothing', async (_name, asker, docOwner, requiresInfo) => {
      if (requiresInfo) await askForDocument();
      const doc = await addDocument(docOwner);
      expect(await filing.submitMissingDocument({ afiliadoId: afiliado(asker), numero: 'RL-2026-000042', documentId: doc.id })).toBe(false);
      const kase = await db.prisma.case.findUniqueOrThrow({ where: { numero: 'RL-2026-000042' }, include: { history: true } });
      expect(kase.estado).toBe(requiresInfo ? 'REQUIERE_INFORMACION' : 'EN_REVISION');
      expect(kase.history).toHaveLength(requiresInfo ? 3 : 2);
      expect(await db.prisma.document.findUniqueOrThrow({ where: { id: doc.id } })).toMatchObject({ caseId: null });
      expect(await db.prisma.outboxEmail.count()).toBe(0);
    });
  });
});
