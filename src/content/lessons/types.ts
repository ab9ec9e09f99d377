/**
 * What a lesson is: an ordered list of steps, each with its text, the explorer state it sets up
 * (as link fields, read by the URL codec like any shared link), the screen region it points at,
 * the formulas shown beside it and the glossary terms it uses.
 */
import type { GlossaryId } from '../glossary';

/** Regions of the explorer a step can highlight (the elements carry data-region="…"). */
export type LessonRegion = 'input' | 'chain' | 'layer-view' | 'readouts' | 'measures' | 'block-details';

/** Formula ids (src/content/formulas.ts). */
export type FormulaId = 'block' | 'readout' | 'purity' | 'entropy' | 'coherence' | 'concurrence' | 'negativity' | 'trace-distance';

export interface LessonStep {
  title: string;
  /** Paragraphs of plain text. */
  body: string[];
  /** Link fields applied when the step opens, e.g. "t=ent&model=entanglement-quantum&in=bell:phi%2B&l=0". */
  setup: string;
  highlight: LessonRegion;
  formulas?: FormulaId[];
  glossary?: GlossaryId[];
}

export interface Lesson {
  /** The link's `lesson=` value. */
  id: string;
  title: string;
  steps: LessonStep[];
}
