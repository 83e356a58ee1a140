import fs from 'node:fs';
import { simUsersOf, startTeamsSim } from './sim';

/**
 * `npm run teams:sim`: the local Teams stand-in. Options: --bot <the bot's /api/messages URL> (default
 * http://localhost:3978/api/messages), --staff <staff JSON file> (default prisma/fixtures/demo-agentes.json),
 * --port <port of the page> (default 3979), --connector-port <port of the fake Teams connector> (default 3980: the bot's
 * TEAMS_HANDOFF_SERVICE_URL points there, so handoff queue cards reach the page's call-centre channel).
 */
function option(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 && process.argv[index + 1] ? process.argv[index + 1] : fallback;
}

async function main(): Promise<void> {
  const users = simUsersOf(JSON.parse(fs.readFileSync(option('staff', 'prisma/fixtures/demo-agentes.json'), 'utf8')));
  const sim = await startTeamsSim({
    botUrl: option('bot', 'http://localhost:3978/api/messages'),
    users,
    port: Number(option('port', '3979')),
    connectorPort: Number(option('connector-port', '3980')),
  });
  process.stdout.write(`Teams stand-in: ${sim.url} (fake connector ${sim.connector.serviceUrl})\n`);
  const stop = (): void => void sim.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
