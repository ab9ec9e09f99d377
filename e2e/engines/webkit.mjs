/**
 * WebKit: WebKitGTK's MiniBrowser (Debian webkit2gtk-driver) under Xvfb, driven through
 * WebKitWebDriver with a minimal W3C WebDriver client on fetch (new session, navigate,
 * execute script, find element, click, send keys, screenshot). Implements the driver of
 * journeys.mjs.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { KIT } from './journeys.mjs';

export const WEBKIT_DRIVER = process.env.HQRN_WEBKIT_DRIVER ?? '/usr/bin/WebKitWebDriver';
export const MINIBROWSER =
  process.env.HQRN_MINIBROWSER ??
  [
    '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
    '/usr/lib/aarch64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
    '/usr/libexec/webkit2gtk-4.1/MiniBrowser',
  ].find(existsSync) ??
  'MiniBrowser';
const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';

const freePort = () =>
  new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });

/** One W3C WebDriver command; throws with the driver's error and message. */
async function command(base, method, path, body) {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await res.json().catch(() => ({ value: { error: `HTTP ${res.status}`, message: '' } }));
  if (!res.ok || json.value?.error) throw new Error(`WebDriver ${method} ${path}: ${json.value?.error}: ${json.value?.message}`);
  return json.value;
}

export async function webkitDriver() {
  const port = await freePort();
  // MiniBrowser needs a display: the driver (and so the browser it starts) runs under xvfb-run.
  const proc = spawn('xvfb-run', ['-a', '-s', '-screen 0 1280x1024x24', WEBKIT_DRIVER, `--port=${port}`], {
    stdio: ['ignore', 'ignore', 'pipe'],
    detached: true,
  });
  let stderr = '';
  proc.stderr.on('data', (b) => (stderr += b));
  const base = `http://127.0.0.1:${port}`;
  const t0 = Date.now();
  for (;;) {
    try {
      if ((await command(base, 'GET', '/status')).ready !== undefined) break;
    } catch {
      /* not up yet */
    }
    if (proc.exitCode !== null || Date.now() - t0 > 20_000) throw new Error(`WebKitWebDriver did not start: ${stderr}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  const session = await command(base, 'POST', '/session', {
    capabilities: { alwaysMatch: { 'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] } } },
  });
  const s = `/session/${session.sessionId}`;
  const caps = session.capabilities;
  await command(base, 'POST', `${s}/window/rect`, { width: 1280, height: 900 }).catch(() => undefined);
  await command(base, 'POST', `${s}/timeouts`, { script: 180_000, pageLoad: 60_000, implicit: 0 });
  const find = async (xpath) => {
    const t1 = Date.now();
    for (;;) {
      try {
        return (await command(base, 'POST', `${s}/element`, { using: 'xpath', value: xpath }))[ELEMENT];
      } catch (e) {
        if (Date.now() - t1 > 30_000) throw e;
        await new Promise((r) => setTimeout(r, 200));
      }
    }
  };
  return {
    name: 'webkit',
    version: `${caps.browserName} ${caps.browserVersion}`,
    logs: [],
    async goto(url) {
      await command(base, 'POST', `${s}/url`, { url: 'about:blank' });
      await command(base, 'POST', `${s}/url`, { url });
    },
    async run(fn, arg) {
      // execute/async: the page function's promise is handed to the driver's callback.
      const r = await command(base, 'POST', `${s}/execute/async`, {
        script: `const done = arguments[arguments.length - 1];
          (${KIT})().then((j) => (${fn})(j, arguments[0])).then((v) => done({ ok: v === undefined ? null : v }), (e) => done({ error: String(e) + (e && e.stack ? ' at ' + e.stack : '') }));`,
        args: [arg ?? null],
      });
      if (r && 'error' in r) throw new Error(r.error);
      return r.ok;
    },
    async click(xpath) {
      await command(base, 'POST', `${s}/element/${await find(xpath)}/click`, {});
    },
    async type(xpath, text) {
      await command(base, 'POST', `${s}/element/${await find(xpath)}/value`, { text });
    },
    /** Mouse down at the first point (viewport CSS pixels), moves through the rest, up (W3C actions). */
    async stroke(points) {
      const move = (p) => ({ type: 'pointerMove', duration: 16, origin: 'viewport', x: p.x, y: p.y });
      const actions = [move(points[0]), { type: 'pointerDown', button: 0 }, ...points.slice(1).map(move), { type: 'pointerUp', button: 0 }];
      await command(base, 'POST', `${s}/actions`, { actions: [{ type: 'pointer', id: 'mouse', parameters: { pointerType: 'mouse' }, actions }] });
      await command(base, 'DELETE', `${s}/actions`).catch(() => undefined);
    },
    async screenshot() {
      return Buffer.from(await command(base, 'GET', `${s}/screenshot`), 'base64');
    },
    async close() {
      await command(base, 'DELETE', s).catch(() => undefined);
      try {
        process.kill(-proc.pid, 'SIGTERM');
      } catch {
        /* gone */
      }
    },
  };
}
