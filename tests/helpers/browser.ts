import fs from 'node:fs';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';

/** Debian's Chromium, or the one CHROMIUM_PATH names. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Flags for headless Chromium on a machine with no network beyond loopback. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Launches headless Chromium; fails with a clear message when it is not installed (see README). */
export async function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new Error(`No se encontró Chromium en ${CHROMIUM_PATH}. Instálelo con "apt-get install chromium" o defina CHROMIUM_PATH.`);
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
}

/**
 * The newest on-screen Web Chat button with exactly that label. Web Chat also renders a hidden copy of each
 * suggested action in its screen-reader live region (`webchat__live-region…`); those copies cannot be clicked and
 * are left out.
 */
export function chatButton(scope: Page, label: string): Locator {
  return scope.getByRole('button', { name: label, exact: true }).and(scope.locator(':not([class*="live-region"])')).last();
}
