/**
 * The Training studio's settings in the link (issue 19: seed 7, batch 64, epochs 3 reopen as
 * they were): rows of the one field table (./fields.ts FIELDS), keys starting with `t`.
 * A setting equal to the fresh form's is left out; the training and test sizes are compared
 * with the linked task's own sizes (docs/math.md §7), so `tt=dig` alone gives the digits sizes.
 * A bad value keeps the previous form's and is named in the link notice, like every field.
 */
import type { Activation } from '../../core/hqrn/activation';
import type { TaskName, TrainMode } from '../../protocol/messages';
import { DEFAULT_FORM, type TrainForm } from '../training/form';
import { TASK_SIZES } from '../training/presets';
import { FIELD_RANGES, type RangedField } from '../training/ranges';
import { enumCodec, numberCodec, type Codec } from './codecs';
import type { Field, UrlState } from './fields';

const TASK_CODES: Record<TaskName, string> = { entanglement: 'ent', digits: 'dig' };
const MODE_CODES: Record<TrainMode, string> = { 'quantum-greedy': 'qg', 'quantum-end-to-end': 'qe', transfer: 'tr', classical: 'c' };
const ACTIVATION_CODES: Record<Activation, string> = { relu: 'r', softplus: 'sp', sigmoid: 'sg', exp: 'e' };

/** The form's default of `prop` for the linked task (the sizes are the task's, §7). */
function defaultOf<K extends keyof TrainForm>(s: UrlState, prop: K): TrainForm[K] {
  if (prop === 'trainSize' || prop === 'testSize') return TASK_SIZES[s.training.task][prop as 'trainSize' | 'testSize'] as TrainForm[K];
  return DEFAULT_FORM[prop];
}

function trainingField<K extends keyof TrainForm>(key: string, prop: K, codec: Codec<TrainForm[K]>, name: string): Field {
  return {
    key,
    name: `training ${name}`,
    store: 'training',
    encode: (s) => (s.training[prop] === defaultOf(s, prop) ? undefined : codec.encode(s.training[prop])),
    decode: (raw, s, previous, problems) => {
      const d = codec.decode(raw);
      if ('problem' in d) {
        problems.push(`training ${name}: ${d.problem}`);
        s.training[prop] = previous.training[prop];
      } else {
        s.training[prop] = d.value;
        // A task brings its own sizes; the size fields (read later) override them.
        if (prop === 'task') Object.assign(s.training, TASK_SIZES[d.value as TaskName]);
      }
    },
  };
}

/** A number field with the form's own range (the larger task's maximum; the form marks the rest). */
function ranged(field: RangedField): Codec<number> {
  const r = FIELD_RANGES[field];
  const max = typeof r.max === 'function' ? Math.max(r.max('entanglement'), r.max('digits')) : r.max;
  return numberCodec(r.min, max, r.integer ?? false);
}

export const TRAINING_FIELDS: readonly Field[] = [
  trainingField('tt', 'task', enumCodec<TaskName>(TASK_CODES), 'task'),
  trainingField('tm', 'mode', enumCodec<TrainMode>(MODE_CODES), 'mode'),
  trainingField('tk', 'depth', ranged('depth'), 'depth'),
  trainingField('tal', 'alpha', ranged('alpha'), 'α'),
  trainingField('tf', 'activation', enumCodec<Activation>(ACTIVATION_CODES), 'activation'),
  trainingField('tlr', 'learningRate', ranged('learningRate'), 'learning rate'),
  trainingField('te', 'epochs', ranged('epochs'), 'epochs'),
  trainingField('tb', 'batchSize', ranged('batchSize'), 'batch size'),
  trainingField('tsh', 'shots', ranged('shots'), 'shots'),
  trainingField('tsd', 'seed', ranged('seed'), 'seed'),
  trainingField('tn', 'trainSize', ranged('trainSize'), 'training examples'),
  trainingField('tnt', 'testSize', ranged('testSize'), 'test examples'),
  trainingField('tad', 'adversarialShare', ranged('adversarialShare'), 'adversarial share'),
];
