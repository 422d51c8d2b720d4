import { plain, yieldText } from './format.js';
import type { CatalyticRecord } from './types.js';

/** Saves `text` as a file named `name` (the browser's download). */
export function download(name: string, text: string, type = 'text/plain') {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(new Blob([text], { type }));
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

/** CSV text of rows (RFC 4180 quoting), columns from the first row. */
export function toCsv(rows: Record<string, unknown>[]): string {
  if (!rows.length) return '';
  const columns = Object.keys(rows[0]!);
  const cell = (v: unknown) => {
    const s = v === null || v === undefined ? '' : String(v);
    return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return [columns.join(','), ...rows.map((r) => columns.map((c) => cell(r[c])).join(','))].join('\n') + '\n';
}

/**
 * The rows of the literature table as shown (normalized values with their units in the column names),
 * for CSV and JSON export; missing numbers stay empty (null), never 0.
 */
export function tableRows(records: CatalyticRecord[], nameOf: (id: string) => string): Record<string, string | number | null>[] {
  return records.map((r) => {
    const y = r.normalized.yield;
    return {
      id: r.id,
      catalyst: r.catalyst,
      product: r.productPrinted,
      strategy: r.strategy,
      nitrogenSources: r.nitrogenSources.map(nameOf).join('; '),
      carbonSources: r.carbonSources.map(nameOf).join('; '),
      faradaicEfficiencyPercent: r.normalized.faradaicEfficiency ? Number((r.normalized.faradaicEfficiency.value * 100).toPrecision(6)) : null,
      potentialVvsRHE: r.normalized.potentialVvsRHE,
      yieldNormalized: y ? yieldText(r) : null,
      yieldCanonicalValue: y?.kind === 'rate' ? y.canonicalValue : null,
      yieldCanonicalUnit: y?.kind === 'rate' ? y.canonicalUnit : null,
      faradaicEfficiencyPrinted: r.faradaicEfficiencyPrinted,
      conditionPrinted: plain(r.conditionPrinted),
      yieldPrinted: plain(r.yieldPrinted),
      sourceRef: r.sourceRef ?? null,
      sourceCitation: r.sourceCitation,
      sourceLocation: r.sourceLocation,
      flags: [...r.flags, ...r.autoFlags].map((f) => f.code).join('; '),
      origin: r.origin,
    };
  });
}
