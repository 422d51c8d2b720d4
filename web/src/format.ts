import type { CatalyticRecord } from './types.js';

/** FE or another fraction as a percentage with one decimal, or an em dash. */
export const pct = (x: number | null | undefined) => (x === null || x === undefined ? '—' : `${(x * 100).toFixed(1)} %`);

/** Strips the <sub>/<sup> markup of text extracted from papers (for display). */
export const plain = (s: string) => s.replace(/<su[bp]>\s*/g, '').replace(/\s*<\/su[bp]>/g, '').replace(/\s+/g, ' ').trim();

/** A normalized yield in the unit people read. */
export function yieldText(r: CatalyticRecord): string {
  const y = r.normalized.yield;
  if (!y) return '—';
  if (y.kind === 'percent') return `${(y.fraction.value * 100).toFixed(1)} % yield`;
  const v = y.canonicalValue;
  switch (y.canonicalUnit) {
    case 'mol s-1 g_cat-1':
      return `${(v * 3.6e6).toPrecision(4)} mmol h⁻¹ g⁻¹`;
    case 'mol s-1 m-2':
      return `${(v * 360).toPrecision(4)} mmol h⁻¹ cm⁻²`;
    case 'mol s-1':
      return `${(v * 3.6e9).toPrecision(4)} μmol h⁻¹`;
    case 'mol g_cat-1':
      return `${(v * 1e3).toPrecision(4)} mmol g⁻¹`;
    default:
      return `${v.toPrecision(4)} ${y.canonicalUnit}`;
  }
}
