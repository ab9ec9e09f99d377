import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { looksLike, notJsonProblem } from './fileSniff';
import { recordsFromFile } from './files';

const problemOf = (text: string, name: string) => {
  try {
    recordsFromFile(text, name);
  } catch (e) {
    return (e as Error).message;
  }
  return null;
};

describe('a file that is not JSON is named in teacher words, never with the raw parser text', () => {
  it('a PNG picture (as File.text() decodes it) is named as one', () => {
    const png = new TextDecoder().decode(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]));
    const message = problemOf(png, 'picture.png');
    expect(message).toBe('(file): this is not an hqrn JSON file (it looks like a PNG image); export models and inputs from Saved work or the CLI');
    expect(message).not.toMatch(/Unexpected token|\uFFFD/);
  });

  it('other common files', () => {
    expect(looksLike('%PDF-1.7\n…')).toBe('a PDF document');
    expect(looksLike('GIF89a\u0001\u0000')).toBe('a GIF image');
    expect(looksLike('PK\u0003\u0004\u0014\u0000')).toBe('a ZIP archive (or an Office document)');
    expect(looksLike('<!DOCTYPE html><html>')).toBe('a web page (HTML)');
    expect(looksLike('{"format": ')).toBeUndefined();
    expect(looksLike(readFileSync('index.html', 'utf8'))).toBe('a web page (HTML)');
  });

  it('broken JSON text says where it breaks, without the parser text', () => {
    let err: unknown;
    try {
      JSON.parse('{"a":1,\n x}');
    } catch (e) {
      err = e;
    }
    expect(notJsonProblem('{"a":1,\n x}', err)).toBe(
      'not valid JSON (it breaks at line 2, column 2); an hqrn-model or hqrn-state file is the JSON text exported from Saved work or the CLI',
    );
    expect(problemOf('{"format":"hqrn-model",', 'a.json')).toBe(
      '(file): not valid JSON (it ends too early); an hqrn-model or hqrn-state file is the JSON text exported from Saved work or the CLI',
    );
  });
});
