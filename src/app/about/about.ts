/**
 * What the app is and how to cite it: name, version and commit (injected at build by
 * vite.config.ts `define`; "unknown" where not injected, e.g. a test run without the config),
 * the paper (arXiv 2604.15626) and BibTeX entries matching CITATION.cff at the repository root.
 */
declare const __APP_NAME__: string | undefined;
declare const __APP_VERSION__: string | undefined;
declare const __APP_COMMIT__: string | undefined;

export interface AppInfo {
  name: string;
  version: string;
  /** Short git commit of the build, or "unknown". */
  commit: string;
}

export function appInfo(): AppInfo {
  return {
    name: typeof __APP_NAME__ === 'string' ? __APP_NAME__ : 'hqrn-explorer',
    version: typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : 'unknown',
    commit: typeof __APP_COMMIT__ === 'string' ? __APP_COMMIT__ : 'unknown',
  };
}

export const PAPER = {
  title: 'Bridge the Gap between Classical and Quantum Neural Networks with Residual Connections',
  arxiv: '2604.15626',
  url: 'https://arxiv.org/abs/2604.15626',
};

/** BibTeX of the software (this build's version and commit) and of the paper it explores. */
export function bibtex(info: AppInfo = appInfo()): string {
  const note = info.commit === 'unknown' ? `version ${info.version}` : `version ${info.version}, commit ${info.commit}`;
  return [
    '@software{hqrn_explorer,',
    '  title   = {HQRN Explorer},',
    '  author  = {{HQRN Explorer contributors}},',
    `  version = {${info.version}},`,
    `  note    = {${note}}`,
    '}',
    '',
    `@article{hqrn_${PAPER.arxiv.replace('.', '_')},`,
    `  title         = {${PAPER.title}},`,
    '  author        = {Li, Junxu},',
    `  eprint        = {${PAPER.arxiv}},`,
    '  archivePrefix = {arXiv},',
    `  url           = {${PAPER.url}}`,
    '}',
  ].join('\n');
}
