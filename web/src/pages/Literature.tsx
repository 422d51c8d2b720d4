import { useEffect, useState } from 'react';
import { api, toQuery } from '../api.js';
import { FilterBar, filterParams, speciesNamer, useFilters, useSpeciesFacets } from '../filters.js';
import { pct, yieldText } from '../format.js';
import type { CatalyticRecord } from '../types.js';

type SortKey = 'catalyst' | 'fe' | 'potential' | 'yield';
const PAGE = 50;

/** The literature explorer: filterable, sortable table of records; a row opens its record page. */
export function Literature() {
  const [filters, setFilters] = useFilters();
  const facets = useSpeciesFacets();
  const nameOf = speciesNamer(facets);
  const [sort, setSort] = useState<{ key: SortKey; order: 'asc' | 'desc' }>({ key: 'fe', order: 'desc' });
  const [offset, setOffset] = useState(0);
  const [data, setData] = useState<{ total: number; records: CatalyticRecord[] } | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => setOffset(0), [filters]);
  useEffect(() => {
    let live = true;
    api
      .get<{ total: number; records: CatalyticRecord[] }>(`/api/records${toQuery({ ...filterParams(filters), sort: sort.key, order: sort.order, limit: PAGE, offset })}`)
      .then((d) => live && (setData(d), setError(null)))
      .catch((e: Error) => live && setError(e.message));
    return () => {
      live = false;
    };
  }, [filters, sort, offset]);

  const header = (key: SortKey, label: string) => (
    <th aria-sort={sort.key === key ? (sort.order === 'asc' ? 'ascending' : 'descending') : 'none'}>
      <button type="button" className="sort" onClick={() => setSort({ key, order: sort.key === key && sort.order === 'desc' ? 'asc' : 'desc' })}>
        {label} {sort.key === key ? (sort.order === 'asc' ? '▲' : '▼') : ''}
      </button>
    </th>
  );

  return (
    <section>
      <h1>Literature explorer</h1>
      <p className="lead">
        Reported results of NOx-involved C–N coupling: every Table 1 row of the review plus results quantified in its text, and your own records. Values are
        normalized (FE as %, potentials vs RHE, yields in mmol h⁻¹ per g of catalyst or per cm²); open a record to see the printed values, the pH used and the source.
      </p>
      <FilterBar filters={filters} onChange={setFilters} facets={facets} />
      {error && <p className="error" role="alert">{error}</p>}
      {data && (
        <>
          <p className="count" aria-live="polite">
            {data.total} records{data.total > PAGE ? `, showing ${offset + 1}–${Math.min(offset + PAGE, data.total)}` : ''}
          </p>
          <div className="table-wrap">
            <table className="records">
              <thead>
                <tr>
                  {header('catalyst', 'Catalyst')}
                  <th>Product</th>
                  <th>Strategy</th>
                  <th>N / C source</th>
                  {header('fe', 'FE')}
                  {header('potential', 'E (V vs RHE)')}
                  {header('yield', 'Yield (normalized)')}
                  <th>Source</th>
                  <th>Flags</th>
                </tr>
              </thead>
              <tbody>
                {data.records.map((r) => (
                  <tr key={r.id}>
                    <td>
                      <a href={`#/records/${encodeURIComponent(r.id)}`}>{r.catalyst}</a>
                      {r.origin === 'user' && <span className="badge">mine</span>}
                    </td>
                    <td>{r.productPrinted}</td>
                    <td>{r.strategy}</td>
                    <td>
                      {r.nitrogenSources.map(nameOf).join(', ') || '—'} / {r.carbonSources.map(nameOf).join(', ') || '—'}
                    </td>
                    <td className="num">{pct(r.normalized.faradaicEfficiency?.value)}</td>
                    <td className="num">{r.normalized.potentialVvsRHE === null ? '—' : r.normalized.potentialVvsRHE.toFixed(2)}</td>
                    <td className="num">{yieldText(r)}</td>
                    <td className="src" title={r.sourceCitation}>
                      {r.sourceRef !== undefined ? `ref. ${r.sourceRef}, ` : ''}
                      {r.sourceLocation.replace('Table 1, row ', 'Table 1 r').replace(' text', '')}
                    </td>
                    <td>{r.flags.length + r.autoFlags.length ? <span className="flag" title={[...r.flags, ...r.autoFlags].map((f) => f.code).join(', ')}>⚑ {r.flags.length + r.autoFlags.length}</span> : ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="pager">
            <button type="button" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>
              ← Previous
            </button>
            <button type="button" disabled={offset + PAGE >= data.total} onClick={() => setOffset(offset + PAGE)}>
              Next →
            </button>
          </div>
        </>
      )}
    </section>
  );
}
