#!/usr/bin/env node
/**
 * A tiny static file server for the built app (node's http, no dependencies), the way a
 * static host serves it: from a sub-path, with the right MIME types (application/wasm for
 * tfjs's binaries, which WebAssembly.instantiateStreaming insists on).
 *
 *   node scripts/serve-static.mjs [--dir dist] [--port 4173] [--host 127.0.0.1]
 *                                 [--prefix /some/sub/path/] [--no-worker-csp]
 *
 * Only GET and HEAD; only files inside --dir; a directory serves its index.html; the prefix
 * without its trailing slash redirects to it (as GitHub Pages does), so relative URLs resolve.
 * JavaScript responses carry WORKER_CSP (scripts/csp.mjs) as a Content-Security-Policy
 * header: that is the only way to give the engine worker a policy (a page's <meta> CSP does
 * not reach workers). For module scripts of the page the header is ignored by the browser; the
 * page is governed by the <meta> policy in its HTML alone, as on a host without headers.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { WORKER_CSP } from './csp.mjs';

/** Content types by extension; anything else is application/octet-stream. */
const MIME_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.bin': 'application/octet-stream',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
};

function fail(message) {
  console.error(`serve-static: ${message}`);
  process.exit(2);
}

let options;
try {
  options = parseArgs({
    options: {
      dir: { type: 'string', default: 'dist' },
      port: { type: 'string', default: '4173' },
      host: { type: 'string', default: '127.0.0.1' },
      prefix: { type: 'string', default: '/' },
      'no-worker-csp': { type: 'boolean', default: false },
      quiet: { type: 'boolean', default: false },
    },
  }).values;
} catch (err) {
  fail(err.message);
}

const root = path.resolve(options.dir);
const port = Number(options.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port: not a port number: ${options.port}`);
// "/a/b", "a/b/" and "/a/b/" all mean the sub-path /a/b/.
const prefix = `/${options.prefix.split('/').filter(Boolean).join('/')}/`.replace('//', '/');
try {
  if (!(await stat(path.join(root, 'index.html'))).isFile()) throw new Error();
} catch {
  fail(`--dir: no index.html in ${root} (run the build first)`);
}

/** The file a URL path names, or null if it is outside the prefix or the served directory. */
function fileFor(urlPath) {
  if (!urlPath.startsWith(prefix)) return null;
  let rest;
  try {
    rest = decodeURIComponent(urlPath.slice(prefix.length));
  } catch {
    return null;
  }
  if (rest.includes('\0')) return null;
  const file = path.resolve(root, `./${rest}`);
  return file === root || file.startsWith(root + path.sep) ? file : null;
}

async function resolveFile(file) {
  const info = await stat(file).catch(() => null);
  if (info?.isFile()) return { file, size: info.size };
  if (info?.isDirectory()) {
    const index = path.join(file, 'index.html');
    const indexInfo = await stat(index).catch(() => null);
    if (indexInfo?.isFile()) return { file: index, size: indexInfo.size };
  }
  return null;
}

function sendText(res, status, text, headers = {}) {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', ...headers });
  res.end(`${text}\n`);
}

const server = createServer(async (req, res) => {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    return sendText(res, 405, `${req.method} not allowed`, { Allow: 'GET, HEAD' });
  }
  const urlPath = new URL(req.url ?? '/', 'http://host').pathname;
  if (`${urlPath}/` === prefix) return sendText(res, 301, `see ${prefix}`, { Location: prefix });
  const requested = fileFor(urlPath);
  const found = requested === null ? null : await resolveFile(requested);
  if (!options.quiet) console.log(`${found ? 200 : 404} ${req.method} ${urlPath}`);
  if (!found) return sendText(res, 404, `not found: ${urlPath} (the app is at ${prefix})`);

  const ext = path.extname(found.file).toLowerCase();
  const headers = {
    'Content-Type': MIME_TYPES[ext] ?? 'application/octet-stream',
    'Content-Length': String(found.size),
    // Always revalidate: e2e runs rebuild into the same directory.
    'Cache-Control': 'no-cache',
    'X-Content-Type-Options': 'nosniff',
  };
  if ((ext === '.js' || ext === '.mjs') && !options['no-worker-csp']) headers['Content-Security-Policy'] = WORKER_CSP;
  res.writeHead(200, headers);
  if (req.method === 'HEAD') return res.end();
  createReadStream(found.file)
    .on('error', () => res.destroy())
    .pipe(res);
});

server.on('error', (err) => fail(err.message));
server.listen(port, options.host, () => {
  const { port: actual } = server.address();
  console.log(`serve-static: ${root} at http://${options.host}:${actual}${prefix}`);
});
