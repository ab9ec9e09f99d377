import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { appInfo, bibtex, PAPER } from './about';

describe('about / cite', () => {
  it("the version is package.json's (injected by vite define) and the paper is CITATION.cff's", () => {
    const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { name: string; version: string };
    const info = appInfo();
    expect(info).toMatchObject({ name: pkg.name, version: pkg.version });
    expect(info.commit).toMatch(/^([0-9a-f]{4,40}|unknown)$/);
    const cff = readFileSync(new URL('../../../CITATION.cff', import.meta.url), 'utf8');
    expect(cff).toContain(`arXiv:${PAPER.arxiv}`);
    expect(cff).toContain(PAPER.title);
    expect(cff).toContain(`version: "${pkg.version}"`);
  });

  it('BibTeX: two balanced entries naming the version, the commit and the arXiv id', () => {
    const b = bibtex({ name: 'hqrn-explorer', version: '9.8.7', commit: 'abc1234' });
    expect(b.match(/^@\w+\{/gm)).toEqual(['@software{', '@article{']);
    expect([...b].filter((c) => c === '{').length).toBe([...b].filter((c) => c === '}').length);
    expect(b).toContain('version = {9.8.7}');
    expect(b).toContain('commit abc1234');
    expect(b).toContain('eprint        = {2604.15626}');
    expect(bibtex({ name: 'x', version: '1', commit: 'unknown' })).not.toContain('commit');
  });
});
