/**
 * scripts/serve-static.mjs, the e2e suite's static host: serves only files under its
 * directory and only under its prefix, with the MIME types the browser insists on
 * (application/wasm for streaming compilation) and WORKER_CSP on JavaScript.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WORKER_CSP } from '../scripts/csp.mjs';

const SCRIPT = path.resolve('scripts/serve-static.mjs');
const WASM_BYTES = Buffer.from([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]);

let sandbox: string;
let server: ChildProcess;
let origin: string;

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** A raw request (no URL normalisation on our side, so '..' reaches the server as sent). */
function get(rawPath: string, method = 'GET'): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(`${origin}${rawPath}`, { method }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

beforeAll(async () => {
  sandbox = mkdtempSync(path.join(tmpdir(), 'serve-static-'));
  const dist = path.join(sandbox, 'dist');
  mkdirSync(path.join(dist, 'assets'), { recursive: true });
  writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>app</title>');
  writeFileSync(path.join(dist, 'assets', 'engine.worker-abc.js'), 'export {};');
  writeFileSync(path.join(dist, 'assets', 'tfjs-backend-wasm-abc.wasm'), WASM_BYTES);
  writeFileSync(path.join(sandbox, 'secret.txt'), 'outside the served directory');

  server = spawn(process.execPath, [SCRIPT, '--dir', dist, '--port', '0', '--prefix', 'some/sub/path', '--quiet'], { stdio: ['ignore', 'pipe', 'pipe'] });
  origin = await new Promise<string>((resolve, reject) => {
    server.stdout!.on('data', (chunk: Buffer) => {
      const m = /at (http:\/\/[\d.]+:\d+)\//.exec(chunk.toString());
      if (m) resolve(m[1]);
    });
    server.on('exit', (code) => reject(new Error(`serve-static exited with ${code}`)));
  });
});

afterAll(() => {
  server?.kill();
  rmSync(sandbox, { recursive: true, force: true });
});

describe('serve-static', () => {
  it('serves index.html at the prefix and redirects the prefix without its slash', async () => {
    const page = await get('/some/sub/path/');
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.body.toString()).toContain('<title>app</title>');
    // The page's policy is its <meta>, as on a host without headers.
    expect(page.headers['content-security-policy']).toBeUndefined();

    const bare = await get('/some/sub/path');
    expect(bare.status).toBe(301);
    expect(bare.headers.location).toBe('/some/sub/path/');
  });

  it('sends wasm as application/wasm, byte for byte, and JavaScript with the worker policy', async () => {
    const wasm = await get('/some/sub/path/assets/tfjs-backend-wasm-abc.wasm');
    expect(wasm.status).toBe(200);
    expect(wasm.headers['content-type']).toBe('application/wasm');
    expect(wasm.body.equals(WASM_BYTES)).toBe(true);
    expect(wasm.headers['content-length']).toBe(String(WASM_BYTES.length));

    const js = await get('/some/sub/path/assets/engine.worker-abc.js');
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(js.headers['content-security-policy']).toBe(WORKER_CSP);
    expect(js.headers['x-content-type-options']).toBe('nosniff');
  });

  it('answers HEAD without a body', async () => {
    const head = await get('/some/sub/path/assets/tfjs-backend-wasm-abc.wasm', 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
  });

  it('serves nothing outside the prefix or the directory', async () => {
    const root = await get('/');
    expect(root.status).toBe(404);
    expect(root.body.toString()).toContain('the app is at /some/sub/path/');
    expect((await get('/index.html')).status).toBe(404);
    for (const attempt of [
      '/some/sub/path/../secret.txt',
      '/some/sub/path/..%2fsecret.txt',
      '/some/sub/path/%2e%2e/%2e%2e/%2e%2e/../secret.txt',
      '/some/sub/path/..%5csecret.txt',
      '/some/sub/path/%00',
    ]) {
      const answer = await get(attempt);
      expect(answer.status, attempt).toBe(404);
      expect(answer.body.toString(), attempt).not.toContain('outside the served directory');
    }
    expect((await get('/some/sub/path/missing.js')).status).toBe(404);
    expect((await get('/some/sub/path/%E0%A4%A')).status).toBe(404);
  });

  it('refuses methods other than GET and HEAD', async () => {
    const post = await get('/some/sub/path/', 'POST');
    expect(post.status).toBe(405);
    expect(post.headers.allow).toBe('GET, HEAD');
  });

  it('says what is wrong with bad options, with exit code 2', () => {
    const missing = spawnSync(process.execPath, [SCRIPT, '--dir', path.join(sandbox, 'nowhere'), '--port', '0'], { encoding: 'utf8' });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/^serve-static: --dir: no index\.html in .*nowhere \(run the build first\)/);
    const badPort = spawnSync(process.execPath, [SCRIPT, '--port', 'eighty'], { encoding: 'utf8' });
    expect(badPort.status).toBe(2);
    expect(badPort.stderr).toContain('--port: not a port number: eighty');
    const unknown = spawnSync(process.execPath, [SCRIPT, '--colour'], { encoding: 'utf8' });
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain("serve-static: Unknown option '--colour'");
  });
});
