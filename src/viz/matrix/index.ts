/** The matrix-view plugins by id (heatmap, Hinton, city). */
import type { MatrixView } from './types';
import { cityPlugin } from './city';
import { heatmapPlugin } from './heatmap';
import { hintonPlugin } from './hinton';
import type { MatrixPlugin } from './types';

export const MATRIX_PLUGINS: Record<MatrixView, MatrixPlugin> = {
  heatmap: heatmapPlugin,
  hinton: hintonPlugin,
  city: cityPlugin,
};

export const MATRIX_VIEW_ORDER: MatrixView[] = ['heatmap', 'hinton', 'city'];

export type { MatrixData, MatrixDrawOptions, MatrixGeometry, MatrixPlugin } from './types';
