/**
 * The app's Content-Security-Policy, in one place: vite.config.ts writes PAGE_CSP into every
 * built HTML page as a <meta http-equiv="Content-Security-Policy">, and
 * scripts/serve-static.mjs sends WORKER_CSP as a response header on JavaScript files.
 *
 * Why two policies: a <meta> policy binds only the document it is in. A dedicated worker
 * loaded from a URL takes its policy from its own script's response headers, so on a host
 * that cannot set headers (GitHub Pages) the worker runs with no CSP at all; hosts that can
 * (and our e2e server) send WORKER_CSP with the worker script.
 *
 * 'wasm-unsafe-eval' is in the worker's script-src only: tfjs's wasm backend compiles its
 * .wasm with WebAssembly.instantiate(Streaming), which CSP treats as eval of wasm. The page
 * itself never compiles wasm, so its script-src is 'self' alone. No 'unsafe-inline' and no
 * 'unsafe-eval' anywhere: the build emits no inline script, React writes styles through the
 * CSSOM (element.style), which style-src does not govern, and the CSS is a file.
 */

/** @param {Record<string, string[]>} directives */
function serialise(directives) {
  return Object.entries(directives)
    .map(([name, sources]) => [name, ...sources].join(' '))
    .join('; ');
}

/** @param {string[]} scriptSrc */
function policy(scriptSrc) {
  return serialise({
    'default-src': ["'self'"],
    'script-src': scriptSrc,
    'style-src': ["'self'"],
    'img-src': ["'self'", 'data:', 'blob:'],
    'font-src': ["'self'"],
    'connect-src': ["'self'"],
    'worker-src': ["'self'"],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
  });
}

/** The documents' policy (index.html, e2e/engine.html). */
export const PAGE_CSP = policy(["'self'"]);

/** The engine worker's policy: the page's plus 'wasm-unsafe-eval' for tfjs's wasm backend. */
export const WORKER_CSP = policy(["'self'", "'wasm-unsafe-eval'"]);
