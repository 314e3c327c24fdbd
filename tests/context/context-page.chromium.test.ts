import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../adapters/serve.js';
import type { QuoteLinks } from '../../src/index.js';
import { SENATES, SENATES_ID, startContextServer } from './context-harness.js';

/** Debian's Chromium; `.ci/run` installs it when missing. */
const CHROMIUM = process.env.BRIEFBOT_CHROMIUM ?? '/usr/bin/chromium';
const HAVE_CHROMIUM = existsSync(CHROMIUM);
const IN_CI = process.env.CI === 'true';
/** Where the test run's screenshot goes (ignored by git). */
const SHOTS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../test-results');

if (!HAVE_CHROMIUM && !IN_CI) {
  // On a machine without Chromium the page test is skipped, and says why; in CI it must run.
  console.warn(`context page in Chromium: skipped, ${CHROMIUM} not found (apt-get install chromium, or set BRIEFBOT_CHROMIUM)`);
}

describe.skipIf(!HAVE_CHROMIUM && !IN_CI)('the context page in headless Chromium', () => {
  let server: RunningServer;
  let links: QuoteLinks;
  let local: (link: string) => string;
  let profile: string;
  type Browser = Awaited<ReturnType<typeof import('playwright-core')['chromium']['launchPersistentContext']>>;
  let browser: Browser;

  beforeAll(async () => {
    if (!HAVE_CHROMIUM) throw new Error(`CI=true but ${CHROMIUM} is missing: .ci/run installs it with apt-get install -y chromium`);
    ({ server, links, local } = await startContextServer());
    profile = mkdtempSync(path.join(tmpdir(), 'briefbot-chromium-'));
    const { chromium } = await import('playwright-core');
    // A fresh profile each run: playwright passes it to Chromium as --user-data-dir.
    browser = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 1,
    });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  it('renders on a phone-sized screen with the quote highlighted and in view, and takes a screenshot', async () => {
    const page = await browser.newPage();
    const response = await page.goto(`${local(links.linkFor(SENATES_ID))}#quote`);
    expect(response?.status()).toBe(200);
    expect(await page.title()).toBe('Clinically-Led Commissioning Must Not Be Set Up To Fail (NHS Alliance (press release))');
    const mark = page.locator('mark#quote');
    expect(await mark.count()).toBe(1);
    expect(await mark.textContent()).toBe(SENATES);
    expect(await mark.isVisible()).toBe(true);
    // Highlighted: the mark has a background of its own, unlike the paragraph around it.
    // Runs in the page; the project's type-check has no DOM library, hence the casts.
    type PageElement = { parentElement: PageElement; ownerDocument: { defaultView: { getComputedStyle(e: PageElement): { backgroundColor: string } } } };
    const colours = await mark.evaluate((node) => {
      const el = node as unknown as PageElement;
      const view = el.ownerDocument.defaultView;
      return { mark: view.getComputedStyle(el).backgroundColor, around: view.getComputedStyle(el.parentElement).backgroundColor };
    });
    expect(colours.mark).not.toBe(colours.around);
    expect(colours.mark).not.toBe('rgba(0, 0, 0, 0)');
    // In view after following the link's #quote, and the page does not scroll sideways on a phone.
    const box = await mark.boundingBox();
    expect(box).not.toBeNull();
    expect(box!.y).toBeGreaterThanOrEqual(0);
    expect(box!.y).toBeLessThan(844);
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    mkdirSync(SHOTS, { recursive: true });
    const shot = path.join(SHOTS, 'context-page.png');
    await page.screenshot({ path: shot });
    expect(statSync(shot).size).toBeGreaterThan(5_000);
    await page.close();
  }, 60_000);

  it('shows a clear page for a forged link, without the article', async () => {
    const page = await browser.newPage();
    const link = new URL(local(links.linkFor(SENATES_ID)));
    link.searchParams.set('sig', 'forged');
    const response = await page.goto(link.href);
    expect(response?.status()).toBe(403);
    expect(await page.locator('h1').textContent()).toBe('This link is not valid');
    expect(await page.locator('mark').count()).toBe(0);
    await page.close();
  }, 60_000);
});
