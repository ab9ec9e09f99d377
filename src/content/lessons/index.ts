/**
 * Every lesson, by its link id (`lesson=`): one content file per lesson. The URL field table
 * (src/app/url/fields.ts) accepts exactly these ids.
 */
import { PAPER_LESSON } from './paper';
import type { Lesson } from './types';

export const LESSONS: Readonly<Record<string, Lesson>> = { [PAPER_LESSON.id]: PAPER_LESSON };

export const lessonById = (id: string | null): Lesson | undefined => (id === null ? undefined : LESSONS[id]);
