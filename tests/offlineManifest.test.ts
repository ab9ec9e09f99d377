/**
 * scripts/offline-manifest.mjs: what the offline cache (public/sw.js) stores on install, and a
 * version that changes exactly when a stored file does.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runInNewContext } from 'node:vm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WORKER_CSP } from '../scripts/csp.mjs';
import { buildOfflineManifest, MANIFEST_FILE, precacheFiles, writeOfflineManifest } from '../scripts/offline-manifest.mjs';

let dir: string;
const put = (rel: string, content: string | Buffer) => {
  mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
  writeFileSync(path.join(dir, rel), content);
};

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'hqrn-offline-'));
  put('index.html', '<!doctype html>');
  put('.nojekyll', '');
  put('sw.js', 'importScripts("./sw-manifest.js")');
  put('assets/main-abc.js', 'main');
  put('assets/engine.worker-def.js', 'worker');
  put('assets/tfjs-backend-wasm-simd-x.wasm', Buffer.from([0, 0x61, 0x73, 0x6d]));
  put('assets/tfjs-backend-wasm-threaded-simd-y.wasm', Buffer.from([0, 0x61, 0x73, 0x6d]));
  put('models/index.json', '[]');
  put('data/mnist-digits.bin', Buffer.alloc(1000));
  put('e2e/engine.html', '<!doctype html>');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('offline manifest', () => {
  it('stores the app, its worker, the wasm it can load and the bundled models; not the digits data, the threaded wasm, the test page or itself', () => {
    expect(buildOfflineManifest(dir).files).toEqual([
      'assets/engine.worker-def.js',
      'assets/main-abc.js',
      'assets/tfjs-backend-wasm-simd-x.wasm',
      'index.html',
      'models/index.json',
    ]);
    expect(precacheFiles(['sw.js', MANIFEST_FILE, 'a/.hidden', 'b.js'])).toEqual(['b.js']);
  });

  it('the version changes when a stored file or the digits data changes, and not otherwise', () => {
    const v0 = buildOfflineManifest(dir).version;
    expect(v0).toMatch(/^[0-9a-f]{16}$/);
    put('e2e/engine.html', '<!doctype html><p>changed');
    expect(buildOfflineManifest(dir).version).toBe(v0);
    put('models/index.json', '[ ]');
    const v1 = buildOfflineManifest(dir).version;
    expect(v1).not.toBe(v0);
    put('data/mnist-digits.bin', Buffer.alloc(1001));
    expect(buildOfflineManifest(dir).version).not.toBe(v1);
  });

  it('writes a classic script that sets self.HQRN_OFFLINE, as public/sw.js reads it', () => {
    const written = writeOfflineManifest(dir);
    const self: { HQRN_OFFLINE?: unknown } = {};
    runInNewContext(readFileSync(path.join(dir, MANIFEST_FILE), 'utf8'), { self });
    expect(self.HQRN_OFFLINE).toEqual(written);
    // The policy sw.js adds to the worker script on hosts without headers.
    expect(written.workerCsp).toBe(WORKER_CSP);
    expect(written.workerCsp).toContain("'wasm-unsafe-eval'");
    // public/sw.js loads that file by this name, relative to itself.
    expect(readFileSync('public/sw.js', 'utf8')).toContain(`importScripts('./${MANIFEST_FILE}')`);
  });
});
