import { useEffect, useState } from 'react';
import { api, toQuery } from '../api.js';
import { VegaChart } from '../chart.js';
import { FilterBar, filterParams, useFilters, useSpeciesFacets } from '../filters.js';

/** A Vega-Lite spec fetched from the API (spec and data together), drawn with {@link VegaChart}. */
function Chart({ url, title, onData }: { url: string; title: string; onData?: (rows: Record<string, unknown>[]) => void }) {
  const [spec, setSpec] = useState<object | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    api.get<{ data: { values: Record<string, unknown>[] } }>(url).then(
      (s) => {
        if (!live) return;
        onData?.(s.data.values);
        setSpec(s);
        setError(null);
      },
      (e: Error) => live && setError(e.message),
    );
    return () => {
      live = false;
    };
  }, [url]);
  return (
    <>
      <VegaChart spec={spec} label={title} />
      {error && <p className="error">{error}</p>}
    </>
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
  const facets = useSpeciesFacets();
  const [basis, setBasis] = useState<'catalyst-mass' | 'area'>('catalyst-mass');
  const [feRows, setFeRows] = useState<Record<string, unknown>[]>([]);
  const [yieldRows, setYieldRows] = useState<Record<string, unknown>[]>([]);
  const query = filterParams(filters);
  return (
    <section>
      <h1>Compare</h1>
      <p className="lead">The plots use the same filters as the literature table. Hover a point for its catalyst; the ⋯ menu exports PNG or SVG.</p>
      <FilterBar filters={filters} onChange={setFilters} facets={facets} />
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
