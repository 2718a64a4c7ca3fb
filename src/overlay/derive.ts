/** Bands and marks derived from the analysis and position, cached by identity (a new analysis is a new object). */
import type { Analysis, Position } from '../engine/types';
import { selectBands, type Band } from './bands';
import { chartMarks, type Mark } from './marks';

export function derived() {
  let lastAnalysis: Analysis | null | undefined;
  let lastPosition: Position | null | undefined;
  let bands: Band[] = [];
  let marks: Mark[] = [];
  return (analysis: Analysis | null, position: Position | null) => {
    if (analysis !== lastAnalysis) bands = analysis ? selectBands(analysis) : [];
    if (analysis !== lastAnalysis || position !== lastPosition) marks = chartMarks(analysis, position ?? analysis?.position ?? null);
    lastAnalysis = analysis;
    lastPosition = position;
    return { bands, marks };
  };
}

