/**
 * The e2e suite's `test` and `expect`. Every spec imports them from here (not from
 * '@playwright/test') so suite-wide checks apply to every page:
 *
 * - same origin: every request of the test's pages and of their workers (Playwright reports
 *   a dedicated worker's fetches on its page's context; e2e/hosting.spec.ts checks that the
 *   worker's wasm and digits requests are seen) must go to the app's origin (data:, blob: and
 *   about: URLs are not requests to anyone);
 * - CSP: no Content-Security-Policy violation, seen as a `securitypolicyviolation` event in a
 *   page (an init script) or in a worker (a listener installed when the worker appears; one
 *   raised before that is seen only if the code that hit it logs it), or as a console message
 *   about the policy from either.
 *
 * Either fails the test after it ran, listing what was seen. A test that provokes one on
 * purpose takes it with `originGuard.acknowledge()`, which returns and forgets the record.
 * Pages of contexts made with `browser.newContext()` are not watched: use `context.newPage()`.
 */
import { test as base, expect, type Locator, type Page, type Worker } from '@playwright/test';

export { expect };
export type { CDPSession, Locator, Page } from '@playwright/test';

export interface GuardRecord {
  /** Requests to another origin than the app's. */
  foreignRequests: string[];
  /** CSP violations, one line each: what was blocked, by which directive, where. */
  cspViolations: string[];
}

export interface OriginGuard {
  /** The app's origin, from the configured baseURL. */
  readonly appOrigin: string;
  /** Every request URL of the test's pages and workers so far, in order. */
  readonly requests: readonly string[];
  /** A copy of what the guard has recorded so far (still to be acknowledged). */
  pending(): GuardRecord;
  /** Returns what the guard recorded and forgets it, so the test does not fail on it. */
  acknowledge(): GuardRecord;
}

/** Console text of a CSP violation (Chromium words it "Content Security Policy directive"). */
const CSP_CONSOLE = /content[ -]security[ -]policy/i;
/** URL schemes that name no server: never a request to another origin. */
const LOCAL_SCHEMES = new Set(['data:', 'blob:', 'about:']);
const REPORT_BINDING = '__hqrnReportCspViolation';
/** Prefix of the console line a worker's violation listener writes. */
const WORKER_REPORT = '[hqrn csp violation in worker]';

/** Runs in every page before its own scripts: forwards each CSP violation event to the test. */
function listenForCspViolations(binding: string) {
  document.addEventListener(
    'securitypolicyviolation',
    (e) => {
      const where = e.sourceFile ? ` at ${e.sourceFile}:${e.lineNumber}` : '';
      const report = (window as unknown as Record<string, (line: string) => void>)[binding];
      report?.(`${e.effectiveDirective} blocked ${e.blockedURI || 'inline code'} in ${e.documentURI}${where}`);
    },
    true,
  );
}

/**
 * Installs a `securitypolicyviolation` listener in a worker as soon as Playwright sees it
 * (init scripts do not reach workers), reporting through the worker's console, which
 * Playwright forwards to the page. The browser's own console lines about a worker's
 * violations are not forwarded, so without it a worker's blocked fetch would go unseen.
 */
function watchWorkers(page: Page) {
  const hook = (worker: Worker) =>
    worker
      .evaluate((prefix) => {
        self.addEventListener('securitypolicyviolation', (e) => {
          console.error(`${prefix} ${e.effectiveDirective} blocked ${e.blockedURI || 'inline code'} in ${self.location.href}`);
        });
      }, WORKER_REPORT)
      .catch(() => undefined); // the worker ended first
  page.workers().forEach(hook);
  page.on('worker', hook);
}

export const test = base.extend<{ originGuard: OriginGuard }>({
  originGuard: [
    async ({ context, baseURL }, use) => {
      if (!baseURL) throw new Error('originGuard: no baseURL configured (playwright.config.ts)');
      const appOrigin = new URL(baseURL).origin;
      const requests: string[] = [];
      let record: GuardRecord = { foreignRequests: [], cspViolations: [] };

      context.on('request', (request) => {
        const url = request.url();
        requests.push(url);
        const parsed = new URL(url);
        if (!LOCAL_SCHEMES.has(parsed.protocol) && parsed.origin !== appOrigin) record.foreignRequests.push(url);
      });
      context.on('console', (msg) => {
        const text = msg.text();
        if (text.startsWith(WORKER_REPORT)) record.cspViolations.push(`worker event:${text.slice(WORKER_REPORT.length)}`);
        else if (CSP_CONSOLE.test(text)) record.cspViolations.push(`console ${msg.type()}: ${text}`);
      });
      context.pages().forEach(watchWorkers);
      context.on('page', watchWorkers);
      await context.exposeBinding(REPORT_BINDING, (_source, line: string) => {
        record.cspViolations.push(`event: ${line}`);
      });
      await context.addInitScript(listenForCspViolations, REPORT_BINDING);

      await use({
        appOrigin,
        requests,
        pending: () => ({ foreignRequests: [...record.foreignRequests], cspViolations: [...record.cspViolations] }),
        acknowledge() {
          const seen = record;
          record = { foreignRequests: [], cspViolations: [] };
          return seen;
        },
      });

      expect(record.foreignRequests, `requests to another origin than ${appOrigin}`).toEqual([]);
      expect(record.cspViolations, 'Content-Security-Policy violations').toEqual([]);
    },
    { auto: true },
  ],
});

/** The explorer's status line; its data-* attributes say which request the shown result answers. */
export function engineStatus(page: Page) {
  return page.getByRole('status', { name: 'Engine status', exact: true });
}

/**
 * Wait until the newest edit has been computed (the status line shows the result of its newest
 * request). The first answer of a task compiles the engine's kernels (slow on software WebGL):
 * allow for it.
 */
export async function settled(page: Page, timeout = 45_000): Promise<void> {
  const status = engineStatus(page);
  // Read together: a newer request (the first visit's model arriving) may start between two
  // reads, and waiting for the older id would then never end.
  await expect
    .poll(
      () =>
        status.evaluate((el) => {
          const id = el.getAttribute('data-request-id');
          return el.getAttribute('data-computing') === 'false' && id !== null && id !== '' && el.getAttribute('data-result-id') === id;
        }),
      { timeout, message: 'the newest request computed and drawn' },
    )
    .toBe(true);
}

/** `settled`, then the quantum path's class probabilities of the newest result (status line text). */
export async function settledOutput(page: Page, timeout = 45_000): Promise<string> {
  await settled(page, timeout);
  const status = engineStatus(page);
  await expect(status).toHaveAttribute('data-output', /\d/);
  return (await status.getAttribute('data-output'))!;
}

/** Console errors and uncaught page errors ("pageerror: …") of `page`, collected from now on. */
export function pageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
  return errors;
}

/**
 * Fill the training studio's form for a small entanglement run in quantum-greedy mode.
 * Fields left out of `settings` keep the form's values.
 */
export async function fillEntanglementTraining(
  panel: Locator,
  settings: { depth: number; epochs: number; batch?: number; trainExamples: number; testExamples: number; seed?: number },
): Promise<void> {
  await panel.getByLabel('Task', { exact: true }).selectOption('entanglement');
  await panel.getByLabel('Mode', { exact: true }).selectOption('quantum-greedy');
  await panel.getByLabel('Depth (blocks)').fill(String(settings.depth));
  await panel.getByLabel('Epochs (per block)').fill(String(settings.epochs));
  if (settings.batch !== undefined) await panel.getByLabel('Batch size').fill(String(settings.batch));
  await panel.getByLabel('Training examples').fill(String(settings.trainExamples));
  await panel.getByLabel('Test examples').fill(String(settings.testExamples));
  if (settings.seed !== undefined) await panel.getByLabel('Seed').fill(String(settings.seed));
}

/** The matrix editor's drawer (a dialog named "Type or paste a matrix"). */
export function matrixDrawer(page: Page): Locator {
  return page.getByRole('dialog', { name: 'Type or paste a matrix', exact: true });
}

/** Open the matrix editor's drawer ("Type or paste a matrix") if it is closed. */
export async function openMatrixEditor(page: Page): Promise<void> {
  const opener = page.getByRole('button', { name: 'Type or paste a matrix', exact: true });
  if ((await opener.getAttribute('aria-expanded')) !== 'true') await opener.click();
  await expect(matrixDrawer(page)).toBeVisible();
}

/** Open a tab of the page (Training studio, Export, Saved work, Classroom link, Explore). */
export async function openTab(page: Page, name: string): Promise<void> {
  const tab = page.getByRole('tab', { name, exact: true });
  if ((await tab.getAttribute('aria-selected')) !== 'true') await tab.click();
  await expect(tab).toHaveAttribute('aria-selected', 'true');
}

/** The element's box lies inside the viewport (no scrolling needed to see all of it). */
export async function expectOnScreen(page: Page, el: Locator, what: string): Promise<void> {
  const box = await el.boundingBox();
  const vp = page.viewportSize()!;
  expect(box, `${what}: no box`).not.toBeNull();
  expect(box!.x, `${what}: left edge`).toBeGreaterThanOrEqual(0);
  expect(box!.y, `${what}: top edge`).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width, `${what}: right edge`).toBeLessThanOrEqual(vp.width + 0.5);
  expect(box!.y + box!.height, `${what}: bottom edge`).toBeLessThanOrEqual(vp.height + 0.5);
}
