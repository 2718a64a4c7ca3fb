/**
 * Reads leverage and margin mode from visible text such as "Cross 10x", "全仓 20X", "Isolated 5.5x" —
 * the leverage control of the order form or the tag in a position row. Buttons only, never inputs.
 */
import { labelKey, textOf } from './text';

export interface MarginWords {
  cross: readonly string[];
  isolated: readonly string[];
}

export interface LeverageRead {
  leverage?: number;
  marginMode?: 'cross' | 'isolated';
}

const LEVERAGE = /(?:^|[^\d.])(\d{1,3}(?:[.,]\d{1,2})?)\s*[x×](?![a-z])/i;

/** Leverage and margin mode from one piece of text (either may be missing). */
export function leverageFromText(text: string, words: MarginWords): LeverageRead {
  const out: LeverageRead = {};
  const m = LEVERAGE.exec(text);
  if (m?.[1]) out.leverage = Number(m[1].replace(',', '.'));
  const key = labelKey(text);
  if (words.isolated.some((w) => key.includes(labelKey(w)))) out.marginMode = 'isolated';
  else if (words.cross.some((w) => key.includes(labelKey(w)))) out.marginMode = 'cross';
  return out;
}

/**
 * The order form's leverage control: buttons (or role=button) whose whole text is a margin word, a
 * leverage ("10x") or both ("Cross 10x"), outside `exclude` (the positions pane). Returns what was found
 * and the text it came from.
 */
export function readLeverageControl(scope: ParentNode, words: MarginWords, exclude?: Element): LeverageRead & { text?: string } {
  const out: LeverageRead & { text?: string } = {};
  const parts: string[] = [];
  const marginKeys = [...words.cross, ...words.isolated].map(labelKey);
  for (const el of Array.from(scope.querySelectorAll('button, [role="button"]'))) {
    // Rows' own leverage buttons (other symbols' positions) are not the order form's control.
    if (exclude?.contains(el)) continue;
    const text = textOf(el);
    if (text.length === 0 || text.length > 24) continue;
    const key = labelKey(text);
    const isLeverage = /^\d{1,3}(?:[.,]\d{1,2})?\s*[x×]$/i.test(text.replace(/^\D*\s/, ''));
    const isMargin = marginKeys.some((k) => key === k || key.startsWith(k));
    if (!isLeverage && !isMargin) continue;
    const read = leverageFromText(text, words);
    if (out.leverage === undefined && read.leverage !== undefined && isLeverage) {
      out.leverage = read.leverage;
      parts.push(text);
    }
    if (out.marginMode === undefined && read.marginMode !== undefined) {
      out.marginMode = read.marginMode;
      if (!parts.includes(text)) parts.push(text);
    }
    if (out.leverage !== undefined && out.marginMode !== undefined) break;
  }
  if (parts.length) out.text = parts.join(' + ');
  return out;
}
