/** Types of scripts/csp.mjs (imported by vite.config.ts and the e2e specs). */
export declare const PAGE_CSP: string;
export declare const WORKER_CSP: string;
