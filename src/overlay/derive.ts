/** Bands and marks derived from the analysis and position, cached by identity (a new analysis is a new object). */
import type { Analysis, Position } from '../engine/types';
import { MAX_BANDS_PER_SIDE, selectBands, type Band } from './bands';
import { chartMarks, type Mark } from './marks';

export function derived() {
  let lastAnalysis: Analysis | null | undefined;
  let lastPosition: Position | null | undefined;
  let lastPerSide = -1;
  let bands: Band[] = [];
  let marks: Mark[] = [];
  return (analysis: Analysis | null, position: Position | null, perSide = MAX_BANDS_PER_SIDE) => {
    if (analysis !== lastAnalysis || perSide !== lastPerSide) bands = analysis ? selectBands(analysis, perSide) : [];
    if (analysis !== lastAnalysis || position !== lastPosition) marks = chartMarks(analysis, position ?? analysis?.position ?? null);
    lastAnalysis = analysis;
    lastPosition = position;
    lastPerSide = perSide;
    return { bands, marks };
  };
}

