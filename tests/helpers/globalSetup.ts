import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Applies the committed migrations once, with the real Prisma CLI, to a template database that each test copies. */
export default async function globalSetup(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'iess-template-'));
  const file = path.join(dir, 'template.db');
  execFileSync(path.join(__dirname, '..', '..', 'node_modules', '.bin', 'prisma'), ['migrate', 'deploy'], {
    cwd: path.join(__dirname, '..', '..'),
    env: { ...process.env, DATABASE_URL: `file:${file}` },
    stdio: 'pipe',
  });
  process.env.IESS_TEMPLATE_DB = file;
}
