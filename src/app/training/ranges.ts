/**
 * The training form's ranges, in one table: what each field accepts
 * (an error, shown at the field, blocks Play) and what is usual (a warning, shown at the field,
 * does not block). The engine validates again (workers/engine/train/train.ts), and detects runs that
 * diverge anyway.
 */
import { EXPLORER_LIMITS } from '../../protocol/explorer';
import type { TaskName } from '../../protocol/messages';

export type RangedField = 'depth' | 'alpha' | 'learningRate' | 'epochs' | 'batchSize' | 'seed' | 'trainSize' | 'testSize' | 'adversarialShare' | 'shots';

/** The form values the checks read (a subset of TrainForm). */
export interface RangedForm {
  task: TaskName;
  depth: number;
  alpha: number;
  learningRate: number;
  epochs: number;
  batchSize: number;
  seed: number;
  trainSize: number;
  testSize: number;
  adversarialShare: number;
  shots: number;
}

export interface FieldRange {
  /** The field's name in messages. */
  name: string;
  min: number;
  /** min itself is not allowed (learning rate > 0). */
  minExclusive?: boolean;
  max: number | ((task: TaskName) => number);
  integer?: boolean;
  /** The usual values: outside them the field warns (far: more than 10× beyond). */
  usual?: [number, number];
}

export const FIELD_RANGES: Record<RangedField, FieldRange> = {
  // As deep as the explorer goes (a trained model opens there; the bundled entanglement model
  // has 12 blocks); deeper than 12 warns (each block adds its share of training time).
  depth: { name: 'depth', min: 1, max: EXPLORER_LIMITS.maxDepth, integer: true, usual: [1, 12] },
  alpha: { name: 'α', min: 0, max: 1 },
  // Any positive learning rate is legal (the engine stops a run that diverges); outside the
  // usual range the field warns.
  learningRate: { name: 'learning rate', min: 0, minExclusive: true, max: Number.MAX_VALUE, usual: [0.001, 0.1] },
  epochs: { name: 'epochs', min: 1, max: 500, integer: true, usual: [1, 200] },
  batchSize: { name: 'batch size', min: 1, max: 4096, integer: true, usual: [8, 512] },
  seed: { name: 'seed', min: 0, max: 2 ** 31 - 1, integer: true },
  trainSize: { name: 'training examples', min: 10, max: (t) => (t === 'digits' ? 9000 : 20000), integer: true },
  testSize: { name: 'test examples', min: 10, max: (t) => (t === 'digits' ? 4000 : 20000), integer: true },
  adversarialShare: { name: 'adversarial share', min: 0, max: 1 },
  shots: { name: 'shots', min: 0, max: 10_000_000, integer: true },
};

/** Fields the form shows for a task (adversarial share: entanglement only). */
export function fieldsFor(task: TaskName): RangedField[] {
  return (Object.keys(FIELD_RANGES) as RangedField[]).filter((f) => f !== 'adversarialShare' || task === 'entanglement');
}

export function maxOf(field: RangedField, task: TaskName): number {
  const m = FIELD_RANGES[field].max;
  return typeof m === 'function' ? m(task) : m;
}

/** A number as people write it: 10, 0.001, 1e+30 → 1e30. */
export function fmtValue(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  const a = Math.abs(x);
  if (a !== 0 && (a >= 1e6 || a < 1e-4))
    return x
      .toExponential()
      .replace('e+', 'e')
      .replace(/\.?0+e/, 'e');
  return String(Number(x.toPrecision(6)));
}

/** The error of one field's value, or null. */
export function fieldError(field: RangedField, value: number, task: TaskName): string | null {
  const r = FIELD_RANGES[field];
  const max = maxOf(field, task);
  if (!Number.isFinite(value)) return `${r.name}: enter a number`;
  const range =
    max === Number.MAX_VALUE
      ? r.minExclusive
        ? `greater than ${fmtValue(r.min)}`
        : `at least ${fmtValue(r.min)}`
      : `${r.minExclusive ? 'above' : 'from'} ${fmtValue(r.min)} to ${fmtValue(max)}`;
  if (r.integer && !Number.isInteger(value)) return `${r.name} must be a whole number ${range}, got ${fmtValue(value)}`;
  if (value < r.min || (r.minExclusive && value === r.min) || value > max)
    return `${r.name} must be ${r.integer ? 'a whole number ' : ''}${range}, got ${fmtValue(value)}`;
  return null;
}

/** The warning of a legal but unusual value, or null. */
export function fieldWarning(field: RangedField, form: RangedForm): string | null {
  const r = FIELD_RANGES[field];
  const v = form[field];
  if (field === 'alpha' && v === 1) return 'α = 1 passes every state through unchanged: the blocks cannot learn';
  if (field === 'batchSize' && v > form.trainSize)
    return `batch size ${fmtValue(v)} is larger than the training set (${fmtValue(form.trainSize)}): one step per epoch`;
  if (r.usual) {
    const [lo, hi] = r.usual;
    const usual = `the usual ${fmtValue(lo)}–${fmtValue(hi)}`;
    if (v > hi) return `${r.name} ${fmtValue(v)} is ${v > 10 * hi ? 'far ' : ''}above ${usual}`;
    if (v < lo) return `${r.name} ${fmtValue(v)} is ${v < lo / 10 ? 'far ' : ''}below ${usual}`;
  }
  return null;
}

export interface FormCheck {
  errors: Partial<Record<RangedField, string>>;
  warnings: Partial<Record<RangedField, string>>;
  ok: boolean;
}

/** Every field of the form against the table. */
export function checkForm(form: RangedForm): FormCheck {
  const errors: FormCheck['errors'] = {},
    warnings: FormCheck['warnings'] = {};
  for (const f of fieldsFor(form.task)) {
    const e = fieldError(f, form[f], form.task);
    if (e) errors[f] = e;
    else {
      const w = fieldWarning(f, form);
      if (w) warnings[f] = w;
    }
  }
  return { errors, warnings, ok: Object.keys(errors).length === 0 };
}
