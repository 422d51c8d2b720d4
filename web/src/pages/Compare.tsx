import { useEffect, useState } from 'react';
import { api, toQuery } from '../api.js';
import { VegaChart } from '../chart.js';
import { download, toCsv } from '../download.js';
import { FilterBar, filterParams, useFilters, useSpeciesFacets } from '../filters.js';
import { useQueryParam, useTitle } from '../route.js';

/** A Vega-Lite spec fetched from the API (spec and data together), drawn with {@link VegaChart}. */
function Chart({ url, title, name, onData }: { url: string; title: string; name: string; onData?: (rows: Record<string, unknown>[]) => void }) {
  const [spec, setSpec] = useState<object | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  useEffect(() => {
    let live = true;
    setLoading(true);
    api.get<{ data: { values: Record<string, unknown>[] } }>(url).then(
      (s) => {
        if (!live) return;
        onData?.(s.data.values);
        setSpec(s);
        setError(null);
        setLoading(false);
      },
      (e: Error) => live && (setError(e.message), setLoading(false)),
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- a parent’s new onData callback must not refetch the chart; it is called with each response
  }, [url]);
  return (
    <>
      {loading && !spec && (
        <p className="loading" role="status">
          Loading {title.toLowerCase()}…
        </p>
      )}
      <VegaChart spec={spec} label={title} name={name} empty="No record with these filters has the values this plot needs." />
      {error && <p className="error">{error}</p>}
    </>
  );
}

/** Interactive comparison plots, linked to the literature filters. */
export function Compare() {
  useTitle('Compare');
  const [filters, setFilters] = useFilters();
  const facets = useSpeciesFacets();
  const [basisText, setBasis] = useQueryParam('basis', 'catalyst-mass');
  const basis = basisText === 'area' ? 'area' : 'catalyst-mass';
  const [feRows, setFeRows] = useState<Record<string, unknown>[]>([]);
  const [yieldRows, setYieldRows] = useState<Record<string, unknown>[]>([]);
  const query = filterParams(filters);
  return (
    <section>
      <h1>Compare</h1>
      <p className="lead">
        The plots use the same filters as the literature table. Hover a point for its catalyst; each chart saves as PNG (1×, 2× or 3×) or SVG.
      </p>
      <FilterBar filters={filters} onChange={setFilters} facets={facets} />
      <Chart
        url={`/api/plots/fe-vs-potential.vl.json${toQuery(query)}`}
        title="Faradaic efficiency vs potential"
        name="cncouple-fe-vs-potential"
        onData={setFeRows}
      />
      <p>
        <button type="button" onClick={() => download('cncouple-fe-vs-potential.csv', toCsv(feRows), 'text/csv')} disabled={!feRows.length}>
          Download these {feRows.length} points as CSV
        </button>
      </p>
      <label className="inline">
        Yield basis{' '}
        <select value={basis} onChange={(e) => setBasis(e.target.value)}>
          <option value="catalyst-mass">per catalyst mass (mmol h⁻¹ g⁻¹)</option>
          <option value="area">per electrode area (mmol h⁻¹ cm⁻²)</option>
        </select>
      </label>
      <Chart
        url={`/api/plots/yield-by-strategy.vl.json${toQuery({ ...query, basis })}`}
        title="Yield rate by design strategy"
        name={`cncouple-yield-by-strategy-${basis}`}
        onData={setYieldRows}
      />
      <p>
        <button type="button" onClick={() => download(`cncouple-yield-by-strategy-${basis}.csv`, toCsv(yieldRows), 'text/csv')} disabled={!yieldRows.length}>
          Download these {yieldRows.length} points as CSV
        </button>
      </p>
    </section>
  );
}
