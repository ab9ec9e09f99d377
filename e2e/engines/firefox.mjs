/**
 * Firefox (Debian's firefox-esr) over WebDriver BiDi, driven with puppeteer-core
 * (Playwright's own Firefox build cannot be downloaded here). Implements the driver of
 * journeys.mjs.
 */
import puppeteer from 'puppeteer-core';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { KIT } from './journeys.mjs';

export const FIREFOX = process.env.HQRN_FIREFOX ?? '/usr/bin/firefox-esr';

export async function firefoxDriver() {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    userDataDir: mkdtempSync(path.join(tmpdir(), 'hqrn-firefox-')),
    // Service workers on plain http://127.0.0.1 (a secure context) are allowed by default;
    // puppeteer's default prefs turn some of them off, put them back.
    extraPrefsFirefox: { 'dom.serviceWorkers.enabled': true, 'dom.serviceWorkers.testing.enabled': true },
  });
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 800 });
  page.setDefaultTimeout(120_000);
  const logs = [];
  page.on('pageerror', (e) => logs.push(`pageerror: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && logs.push(`console: ${m.text()}`));
  const version = await browser.version();
  const find = async (xpath) => {
    const el = await page.waitForSelector(`::-p-xpath(${xpath})`, { timeout: 30_000 });
    if (!el) throw new Error(`no element ${xpath}`);
    return el;
  };
  return {
    name: 'firefox',
    version,
    logs,
    async goto(url) {
      // A hash-only change would not load the page again: go through about:blank.
      await page.goto('about:blank');
      await page.goto(url, { waitUntil: 'load' });
    },
    async run(fn, arg) {
      return page.evaluate(`(${KIT})().then((j) => (${fn})(j, ${JSON.stringify(arg ?? null)}))`);
    },
    async click(xpath) {
      await (await find(xpath)).click();
    },
    async type(xpath, text) {
      await (await find(xpath)).type(text);
    },
    /** Mouse down at the first point (viewport CSS pixels), moves through the rest, up. */
    async stroke(points) {
      await page.mouse.move(points[0].x, points[0].y);
      await page.mouse.down();
      for (const p of points.slice(1)) await page.mouse.move(p.x, p.y);
      await page.mouse.up();
    },
    async screenshot() {
      return Buffer.from(await page.screenshot());
    },
    async close() {
      await browser.close();
    },
  };
}
