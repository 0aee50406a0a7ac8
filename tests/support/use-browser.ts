/** One Chromium and one page context per test file, opened before its tests and closed after. */
import type { Browser, BrowserContext, BrowserContextOptions } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser } from './browser.ts';

export function useBrowser(options: BrowserContextOptions = { viewport: { width: 1280, height: 900 } }) {
  const held: { browser?: Browser; context?: BrowserContext } = {};
  beforeAll(async () => {
    held.browser = await launchBrowser();
    held.context = await held.browser.newContext(options);
  });
  afterAll(async () => {
    await held.context?.close();
    await held.browser?.close();
  });
  return { browser: () => held.browser!, context: () => held.context! };
}
