import type { Browser, Page } from 'playwright-core';
import staffFixture from '../../prisma/fixtures/demo-agentes.json';
import { AGENTES_ACCESO, AGENTES_CASO } from '../../catalog';
import { simUsersOf, startTeamsSim, type TeamsSim } from '../../simulators/teams/sim';
import { launchBrowser } from '../helpers/browser';
import { startTestServer, type TestServer } from '../helpers/server';

/** The local Teams stand-in in real Chromium: an agent finds and moves a case; a non-staff member is refused. */
describe('Teams stand-in page (npm run teams:sim)', () => {
  let server: TestServer;
  let sim: TeamsSim;
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    server = await startTestServer();
    sim = await startTeamsSim({ botUrl: `${server.baseUrl}/api/messages`, users: simUsersOf(staffFixture) });
    browser = await launchBrowser();
    page = await browser.newPage();
    await page.goto(sim.url);
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await sim?.close();
    await server?.stop();
  });

  it('lets an agent find a case and move it from the card', async () => {
    await page.getByLabel('Signed in as').selectOption({ label: `${staffFixture.agentes[0].nombre} (AGENTE)` });
    await page.getByLabel('Message', { exact: true }).fill('buscar RL-2026-000042');
    await page.getByRole('button', { name: 'Send' }).click();
    const card = page.locator('#transcript .ac-card').last();
    await card.getByText(AGENTES_CASO.titulo('RL-2026-000042')).waitFor();
    await card.getByLabel(AGENTES_CASO.notaEtiqueta).fill('Envíe el certificado de su empleador desde Mis trámites.');
    await card.getByRole('button', { name: AGENTES_CASO.mover('REQUIERE_INFORMACION') }).click();
    await page.getByText(AGENTES_CASO.movido('REQUIERE_INFORMACION')).waitFor();
    const row = await server.db.prisma.case.findUniqueOrThrow({ where: { numero: 'RL-2026-000042' } });
    expect(row.estado).toBe('REQUIERE_INFORMACION');
  }, 30_000);

  it('searches with the message extension', async () => {
    await page.getByLabel('Case number, cédula or código').fill('2314944220');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.locator('#ext-results .ac-card').getByText(AGENTES_CASO.titulo('RL-2026-000042')).waitFor();
  }, 30_000);

  it('shows the refusal to a member of the tenant who is not staff, in the call-centre channel too', async () => {
    await page.getByLabel('Signed in as').selectOption({ label: `${staffFixture.noAgente.nombre} (not staff)` });
    await page.getByRole('tab', { name: 'Call-centre channel' }).click();
    await page.getByLabel('Message', { exact: true }).fill('buscar RL-2026-000042');
    await page.getByRole('button', { name: 'Send' }).click();
    await page.locator('#transcript').getByText(AGENTES_ACCESO.noAutorizado).waitFor();
  }, 30_000);
});
