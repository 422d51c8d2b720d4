import { useEffect, useRef, useState } from 'react';
import embed, { type Result } from 'vega-embed';
import { api, toQuery } from '../api.js';
import { FilterBar, filterParams, useFilters } from '../filters.js';

/** Embeds a Vega-Lite spec fetched from the API; vega-embed adds PNG/SVG export in its menu. */
function Chart({ url, title, onData }: { url: string; title: string; onData?: (rows: Record<string, unknown>[]) => void }) {
  const ref = useRef<HTMLDivElement>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let result: Result | undefined;
    let live = true;
    api
      .get<{ data: { values: Record<string, unknown>[] } }>(url)
      .then(async (spec) => {
        if (!live || !ref.current) return;
        onData?.(spec.data.values);
        result = await embed(ref.current, spec as never, { actions: { export: true, source: false, compiled: false, editor: false }, renderer: 'svg' });
        setError(null);
      })
      .catch((e: Error) => setError(e.message));
    return () => {
      live = false;
      result?.finalize();
    };
  }, [url]);
  return (
    <figure className="chart">
      <div ref={ref} role="img" aria-label={title} />
      {error && <p className="error">{error}</p>}
    </figure>
  );
}

/** CSV text of plotted rows. */
function toCsv(rows: Record<string, unknown>[]): string {
  if (!rows.length) return '';
  const columns = Object.keys(rows[0]!);
  const cell = (v: unknown) => {
    const s = v === null || v === undefined ? '' : String(v);
    return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return [columns.join(','), ...rows.map((r) => columns.map((c) => cell(r[c])).join(','))].join('\n') + '\n';
}

function download(name: string, text: string) {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(new Blob([text], { type: 'text/csv' }));
  a.download = name;
  a.click();
  URL.revokeObjectURL(a.href);
}

/** Interactive comparison plots, linked to the literature filters. */
export function Compare() {
  const [filters, setFilters] = useFilters();
  const [basis, setBasis] = useState<'catalyst-mass' | 'area'>('catalyst-mass');
  const [feRows, setFeRows] = useState<Record<string, unknown>[]>([]);
  const [yieldRows, setYieldRows] = useState<Record<string, unknown>[]>([]);
  const query = filterParams(filters);
  return (
    <section>
      <h1>Compare</h1>
      <p className="lead">The plots use the same filters as the literature table. Hover a point for its catalyst; the ⋯ menu exports PNG or SVG.</p>
      <FilterBar filters={filters} onChange={setFilters} />
      <Chart url={`/api/plots/fe-vs-potential.vl.json${toQuery(query)}`} title="Faradaic efficiency vs potential" onData={setFeRows} />
      <p>
        <button type="button" onClick={() => download('fe-vs-potential.csv', toCsv(feRows))} disabled={!feRows.length}>
          Download these {feRows.length} points as CSV
        </button>
      </p>
      <label className="inline">
        Yield basis{' '}
        <select value={basis} onChange={(e) => setBasis(e.target.value as typeof basis)}>
          <option value="catalyst-mass">per catalyst mass (mmol h⁻¹ g⁻¹)</option>
          <option value="area">per electrode area (mmol h⁻¹ cm⁻²)</option>
        </select>
      </label>
      <Chart url={`/api/plots/yield-by-strategy.vl.json${toQuery({ ...query, basis })}`} title="Yield rate by design strategy" onData={setYieldRows} />
      <p>
        <button type="button" onClick={() => download('yield-by-strategy.csv', toCsv(yieldRows))} disabled={!yieldRows.length}>
          Download these {yieldRows.length} points as CSV
        </button>
      </p>
    </section>
  );
}
