import type { CatalyticRecord } from './types.js';

/** FE or another fraction as a percentage with one decimal, or an em dash. */
export const pct = (x: number | null | undefined) => (x === null || x === undefined ? '—' : `${(x * 100).toFixed(1)} %`);

const SUB: Record<string, string> = {
  '0': '₀',
  '1': '₁',
  '2': '₂',
  '3': '₃',
  '4': '₄',
  '5': '₅',
  '6': '₆',
  '7': '₇',
  '8': '₈',
  '9': '₉',
  '+': '₊',
  '-': '₋',
  '−': '₋',
};
const SUP: Record<string, string> = {
  '0': '⁰',
  '1': '¹',
  '2': '²',
  '3': '³',
  '4': '⁴',
  '5': '⁵',
  '6': '⁶',
  '7': '⁷',
  '8': '⁸',
  '9': '⁹',
  '+': '⁺',
  '-': '⁻',
  '−': '⁻',
};

/**
 * Printed text from papers as plain text (for titles, tooltips and exports): <sub>/<sup> become Unicode
 * sub- and superscripts where every character has one ("KHCO <sub>3</sub>" → "KHCO₃", "h <sup>−1</sup>" →
 * "h⁻¹"), otherwise "_x" / "^x" ("mg <sup>cat</sup>" → "mg^cat"); the space before the markup goes.
 */
export const plain = (s: string) =>
  s
    .replace(/\s*<(sub|sup)>\s*(.*?)\s*<\/\1>/g, (_, kind: string, inner: string) => {
      const map = kind === 'sub' ? SUB : SUP;
      return [...inner].every((c) => map[c]) ? [...inner].map((c) => map[c]).join('') : `${kind === 'sub' ? '_' : '^'}${inner}`;
    })
    .replace(/\s+/g, ' ')
    .trim();

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

/** What a value's reading adds after it: nothing when printed or corrected, " (assumed)" / " (derived)" otherwise. */
export function readingSuffix(reading: 'printed' | 'corrected' | 'assumed' | 'derived' | null | undefined): string {
  return reading === 'assumed' || reading === 'derived' ? ` (${reading})` : '';
}
