import { describe, expect, it } from 'vitest';
import { exportButtonsShown, modelsOffered, modelTaskRefusal } from './classroom';

const models = [
  { name: 'digits-quantum', task: 'digits' },
  { name: 'entanglement-quantum', task: 'entanglement' },
];

describe('classroom link: hidden controls cannot be bypassed', () => {
  it('a hidden task switch: the Model menu offers only models of the current task', () => {
    expect(modelsOffered(models, 'entanglement', ['task']).map((m) => m.name)).toEqual(['entanglement-quantum']);
    expect(modelsOffered(models, 'digits', ['task', 'export']).map((m) => m.name)).toEqual(['digits-quantum']);
    expect(modelsOffered(models, 'entanglement', []).map((m) => m.name)).toEqual(['digits-quantum', 'entanglement-quantum']);
  });

  it('a hidden task switch refuses a model of the other task with a way forward', () => {
    expect(modelTaskRefusal('digits', 'entanglement', ['task'], 'model file d.json')).toBe(
      'model file d.json: it is a model of the digits task, and this classroom link keeps the explorer on the entanglement task; choose a model of the entanglement task instead.',
    );
    expect(modelTaskRefusal('entanglement', 'entanglement', ['task'], 'x')).toBeNull();
    expect(modelTaskRefusal('digits', 'entanglement', ['stack'], 'x')).toBeNull();
  });

  it('a hidden Export hides the export buttons under the views', () => {
    expect(exportButtonsShown(['export'])).toBe(false);
    expect(exportButtonsShown(['task'])).toBe(true);
  });
});
