/**
 * `npx tsx scripts/eval-button-families.ts [--model FILE] [--n 500] [--seed 1]` — the per-family
 * accuracy of an entanglement model (hqrn-model file, float64 core runForward) on the states
 * the explorer's input buttons make (src/core/states/buttons.ts), truth by PPT, plus its
 * accuracy on a fresh split of the §7 recipe (5,000 states, seed 1,000,004). Prints JSON.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { parseModelFile } from '../src/core/io/files';
import { runForward } from '../src/core/hqrn/forward';
import { buttonFamilySets } from '../src/core/states/buttons';
import { entanglementDataset } from '../src/core/states/entanglement';

const { values: a } = parseArgs({
  options: {
    model: { type: 'string', default: 'experiments/models/entanglement-quantum.json' },
    n: { type: 'string', default: '500' },
    seed: { type: 'string', default: '1' },
    split: { type: 'string', default: '5000' },
  },
});
const model = parseModelFile(JSON.parse(readFileSync(a.model!, 'utf8')));
const predict = (r: Parameters<typeof runForward>[1]) => runForward(model, r, { measures: false }).output!.predicted;
const table: Record<string, { n: number; acc: number }> = {};
for (const s of buttonFamilySets(Number(a.n), Number(a.seed))) {
  const ok = s.states.filter((r, i) => predict(r) === s.labels[i]).length;
  table[s.name] = { n: s.states.length, acc: +(ok / Math.max(1, s.states.length)).toFixed(4) };
}
const split = entanglementDataset({ seed: 1_000_004, n: Number(a.split) });
const okSplit = split.states.filter((r, i) => predict(r) === split.labels[i]).length;
console.log(JSON.stringify({ model: a.model, families: table, split: +(okSplit / split.states.length).toFixed(4) }, null, 1));
