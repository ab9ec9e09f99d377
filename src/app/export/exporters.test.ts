import { describe, expect, it } from 'vitest';
import type { ExploreLayer, ExploreResponse } from '../../protocol/explorer';
import { csvField, fileName, metricsCsv, parseIntegerField, readoutCsv, TITLE_FONT_PX, toCsv, trainingCurvesCsv, withTitle } from './exporters';
import type { TrainProgress } from '../../protocol/messages';

/** Split CSV text into rows of fields (RFC 4180 quoting), for reading the output back. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [],
    field = '',
    quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') row.push(field), (field = '');
    else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      (row = []), (field = ''), i++;
    } else field += ch;
  }
  return rows;
}

function layer(k: number, twoQubits: boolean): ExploreLayer {
  return {
    rho: { re: new Float32Array(16), im: new Float32Array(16) },
    x: new Float32Array(4),
    dead: k === 2,
    classicalDead: false,
    measures: {
      trace: 1,
      purity: 1 - 0.1 * k,
      entropy: 0.2 * k,
      coherence: 1 / (k + 1),
      traceDistanceToClassical: k === 0 ? 0 : 0.05 * k,
      ...(twoQubits ? { concurrence: Math.max(0, 1 - 0.3 * k), negativity: Math.max(0, 0.5 - 0.15 * k), ppt: k >= 4 } : {}),
    },
  };
}

function response(depth: number, d: 4 | 64): ExploreResponse {
  return {
    requestId: 1,
    backend: 'cpu',
    d,
    nQubits: d === 4 ? 2 : 6,
    layers: Array.from({ length: depth + 1 }, (_, k) => layer(k, d === 4)),
    output: { probabilities: Float32Array.from([0.25, 0.75]), predicted: 1 },
    classicalOutput: { probabilities: Float32Array.from([0.5, 0.5]), predicted: 0 },
    classes: ['separable', 'entangled'],
    divergenceLayer: 1,
    ms: 1,
  };
}

describe('CSV', () => {
  it('quotes fields with commas, quotes and line breaks; empties missing and non-finite numbers', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(undefined)).toBe('');
    expect(csvField(Number.NaN)).toBe('');
    expect(csvField(0.1)).toBe('0.1');
    expect(csvField(false)).toBe('false');
    const text = toCsv(
      ['name', 'value'],
      [
        ['x, y', 1],
        ['"q"', 2],
      ],
    );
    expect(readCsv(text)).toEqual([
      ['name', 'value'],
      ['x, y', '1'],
      ['"q"', '2'],
    ]);
  });

  it('refuses a row of the wrong width', () => {
    expect(() => toCsv(['a', 'b'], [[1]])).toThrow(/row 0: 1 cells for 2 columns/);
  });

  it('metrics: a header and one row per layer, the two-qubit columns only for d = 4', () => {
    const rows = readCsv(metricsCsv(response(4, 4)));
    expect(rows[0]).toEqual([
      'layer',
      'purity',
      'entropy_bits',
      'l1_coherence',
      'concurrence',
      'negativity',
      'ppt',
      'trace_distance_to_classical',
      'trace',
      'dead_block',
      'classical_dead_block',
    ]);
    expect(rows.length).toBe(1 + 5);
    expect(rows.map((r) => r[0]).slice(1)).toEqual(['0', '1', '2', '3', '4']);
    expect(Number(rows[3][1])).toBeCloseTo(0.8, 12);
    expect(rows[3][9]).toBe('true');
    expect(rows[5][6]).toBe('PPT');
    expect(rows[1][6]).toBe('NPT');
    const digits = readCsv(metricsCsv(response(2, 64)));
    expect(digits[0]).not.toContain('concurrence');
    expect(digits.length).toBe(1 + 3);
    expect(digits.every((r) => r.length === digits[0].length)).toBe(true);
  });

  it('readout: one row per class with both paths', () => {
    expect(readCsv(readoutCsv(response(1, 4)))).toEqual([
      ['class', 'quantum_path_probability', 'classical_path_probability'],
      ['separable', '0.25', '0.5'],
      ['entangled', '0.75', '0.5'],
    ]);
  });

  it('training curves: one row per epoch, global epoch numbers across stages', () => {
    const p = (stage: string, epoch: number, loss: number): TrainProgress => ({
      epoch,
      epochs: 2,
      step: 0,
      depth: 1,
      stage,
      loss,
      trainAccuracy: 0.6,
      testAccuracy: 0.55,
      examplesPerSecond: 1,
      elapsedMs: 12.4,
      epochEnd: true,
    });
    const rows = readCsv(trainingCurvesCsv([p('block 1', 1, 0.7), p('block 1', 2, 0.6), p('block 2', 1, 0.5)]));
    expect(rows[0]).toEqual(['epoch', 'stage', 'stage_epoch', 'loss', 'train_accuracy', 'test_accuracy', 'adversarial_accuracy', 'elapsed_ms']);
    expect(rows.slice(1).map((r) => [r[0], r[1], r[2], r[3]])).toEqual([
      ['1', 'block 1', '1', '0.7'],
      ['2', 'block 1', '2', '0.6'],
      ['3', 'block 2', '1', '0.5'],
    ]);
    expect(rows[1][6]).toBe('');
  });
});

describe('file names and form fields', () => {
  it('say what the file is, with safe characters only', () => {
    expect(fileName(['layer3', 'quantum', 'heatmap'], 'svg')).toBe('hqrn-layer3-quantum-heatmap.svg');
    expect(fileName(['Accuracy vs α', 'study'], 'csv')).toBe('hqrn-accuracy-vs-study.csv');
    expect(fileName(['entanglement', 'block2', 'order2', 'r8'], 'qasm')).toBe('hqrn-entanglement-block2-order2-r8.qasm');
    expect(fileName([' / ', 'model'], 'json')).toBe('hqrn-model.json');
  });

  it('integer fields name the field and the problem', () => {
    expect(parseIntegerField('steps', ' 12 ', 1, 100)).toEqual({ value: 12 });
    expect(parseIntegerField('steps', '', 1, 100)).toEqual({ problem: 'steps: enter a whole number from 1 to 100' });
    expect(parseIntegerField('steps', '2.5', 1, 100)).toEqual({ problem: 'steps: "2.5" is not a whole number' });
    expect(parseIntegerField('steps', '0', 1, 100)).toEqual({ problem: 'steps: 0 is outside 1–100' });
    expect(parseIntegerField('steps', 'abc', 1, 100)).toEqual({ problem: 'steps: "abc" is not a whole number' });
  });
});

describe('withTitle', () => {
  const doc = '<svg xmlns="http://www.w3.org/2000/svg" width="170" height="80" viewBox="0 0 170 80" font-family="Arial"><circle cx="5" cy="5" r="2"/></svg>';
  it('puts the title in a band above the unchanged drawing, widening for a long title', () => {
    const out = withTitle(doc, 'Purity per layer');
    const band = Math.round(TITLE_FONT_PX * 1.8);
    expect(out).toMatch(new RegExp(`^<svg xmlns="http://www.w3.org/2000/svg" width="170" height="${80 + band}" viewBox="0 0 170 ${80 + band}"`));
    expect(out).toContain('>Purity per layer</text>');
    // The original document, nested below the band, viewBox and content unchanged.
    expect(out).toContain(
      `<svg x="0" y="${band}" xmlns="http://www.w3.org/2000/svg" width="170" height="80" viewBox="0 0 170 80" font-family="Arial"><circle cx="5" cy="5" r="2"/></svg></svg>`,
    );
    const long = 'Accuracy on the adversarial test subsets, per epoch';
    const w = Number(/width="(\d+)"/.exec(withTitle(doc, long))![1]);
    expect(w).toBe(Math.ceil([...long].length * 0.58 * TITLE_FONT_PX + 16));
  });
  it('escapes the title, leaves a document without a title unchanged, refuses one without a size', () => {
    expect(withTitle(doc, 'a < b & c')).toContain('>a &lt; b &amp; c</text>');
    expect(withTitle(doc, '  ')).toBe(doc);
    // The root's font (escaped once, as written) is the title's, not escaped twice.
    const quoted = doc.replace('font-family="Arial"', 'font-family="&quot;Segoe UI&quot;, sans-serif"');
    expect(withTitle(quoted, 'T')).toContain('font-weight="bold" font-family="&quot;Segoe UI&quot;, sans-serif"');
    expect(() => withTitle('<svg viewBox="0 0 1 1"></svg>', 'x')).toThrow(/no width\/height/);
  });
});
