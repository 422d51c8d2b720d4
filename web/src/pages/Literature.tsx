import { useEffect, useState } from 'react';
import { api, toQuery } from '../api.js';
import { toBibtex, toRis } from '../citation.js';
import { download, tableRows, toCsv } from '../download.js';
import { FilterBar, type Filters, filterParams, speciesNamer, useFilters, useSpeciesFacets } from '../filters.js';
import { pct, plain, readingSuffix, yieldText } from '../format.js';
import { setQuery, useRoute, useTitle } from '../route.js';
import type { CatalyticRecord } from '../types.js';

type SortKey = 'catalyst' | 'fe' | 'potential' | 'yield';
const SORT_KEYS: SortKey[] = ['catalyst', 'fe', 'potential', 'yield'];
const PAGE = 50;

/** Every record matching the filters (all pages), in the table's order. */
async function allMatching(filters: Filters, sort: { key: SortKey; order: string }): Promise<CatalyticRecord[]> {
  const d = await api.get<{ records: CatalyticRecord[] }>(
    `/api/records${toQuery({ ...filterParams(filters), sort: sort.key, order: sort.order, limit: 10000 })}`,
  );
  return d.records;
}

/** One BibTeX/RIS entry per cited source (records from the same paper share it). */
function uniqueSources(records: CatalyticRecord[]): CatalyticRecord[] {
  const seen = new Set<string>();
  return records.filter((r) => !seen.has(r.sourceCitation) && (seen.add(r.sourceCitation), true));
}

/** The literature explorer: filterable, sortable table of records (state in the URL); a row opens its record page. */
export function Literature() {
  useTitle('Literature');
  const [filters, setFilters] = useFilters();
  const facets = useSpeciesFacets();
  const nameOf = speciesNamer(facets);
  const { query } = useRoute();
  const sortKey = (SORT_KEYS as string[]).includes(query.get('sort') ?? '') ? (query.get('sort') as SortKey) : 'fe';
  const sort = {
    key: sortKey,
    order: query.get('order') === 'asc' || query.get('order') === 'desc' ? query.get('order')! : sortKey === 'fe' || sortKey === 'yield' ? 'desc' : 'asc',
  };
  const offset = Math.max(0, Math.floor(Number(query.get('from') ?? 1) - 1) || 0);
  const [data, setData] = useState<{ total: number; records: CatalyticRecord[]; key: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [exporting, setExporting] = useState(false);

  const listUrl = `/api/records${toQuery({ ...filterParams(filters), sort: sort.key, order: sort.order, limit: PAGE, offset })}`;
  useEffect(() => {
    let live = true;
    api
      .get<{ total: number; records: CatalyticRecord[] }>(listUrl)
      .then((d) => live && (setData({ ...d, key: listUrl }), setError(null)))
      .catch((e: Error) => live && setError(e.message));
    return () => {
      live = false;
    };
  }, [listUrl]);

  const changeFilters = (f: Filters) => {
    setFilters(f);
    setQuery({ from: undefined });
  };
  // first click on a column sorts ascending (A→Z, low→high); the next click reverses
  const header = (key: SortKey, label: string) => (
    <th aria-sort={sort.key === key ? (sort.order === 'asc' ? 'ascending' : 'descending') : 'none'}>
      <button
        type="button"
        className="sort"
        onClick={() => setQuery({ sort: key, order: sort.key === key && sort.order === 'asc' ? 'desc' : 'asc', from: undefined })}
      >
        {label} <span aria-hidden="true">{sort.key === key ? (sort.order === 'asc' ? '▲' : '▼') : '↕'}</span>
      </button>
    </th>
  );
  const exportAs = async (kind: 'csv' | 'json' | 'bib' | 'ris') => {
    setExporting(true);
    try {
      const records = await allMatching(filters, sort);
      if (kind === 'csv') download('cncouple-records-filtered.csv', toCsv(tableRows(records, nameOf)), 'text/csv');
      if (kind === 'json') download('cncouple-records-filtered.json', JSON.stringify(tableRows(records, nameOf), null, 2) + '\n', 'application/json');
      if (kind === 'bib') download('cncouple-sources.bib', uniqueSources(records).map(toBibtex).join('\n'), 'application/x-bibtex');
      if (kind === 'ris') download('cncouple-sources.ris', uniqueSources(records).map(toRis).join('\n'), 'application/x-research-info-systems');
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setExporting(false);
    }
  };
  const loading = !data || data.key !== listUrl;

  return (
    <section>
      <h1>Literature explorer</h1>
      <p className="lead">
        Reported results of NOx-involved C–N coupling: every Table 1 row of the review plus results quantified in its text, and your own records. Values are
        normalized (FE as %, potentials vs RHE, yields in mmol h⁻¹ per g of catalyst or per cm²); open a record to see the printed values, the pH used and the
        source.
      </p>
      <FilterBar filters={filters} onChange={changeFilters} facets={facets} />
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {!data && !error && (
        <p className="loading" role="status">
          Loading records…
        </p>
      )}
      {data && (
        <>
          <div className="table-head">
            <p className="count" aria-live="polite">
              {data.total} records{data.total > PAGE ? `, showing ${offset + 1}–${Math.min(offset + PAGE, data.total)}` : ''}
              {loading && <span className="muted"> (updating…)</span>}
            </p>
            <p className="export" aria-label="export the filtered records">
              Export these {data.total}:{' '}
              <button type="button" className="link" disabled={exporting || !data.total} onClick={() => void exportAs('csv')}>
                CSV
              </button>{' '}
              ·{' '}
              <button type="button" className="link" disabled={exporting || !data.total} onClick={() => void exportAs('json')}>
                JSON
              </button>{' '}
              · sources as{' '}
              <button type="button" className="link" disabled={exporting || !data.total} onClick={() => void exportAs('bib')}>
                BibTeX
              </button>{' '}
              ·{' '}
              <button type="button" className="link" disabled={exporting || !data.total} onClick={() => void exportAs('ris')}>
                RIS
              </button>
            </p>
          </div>
          {data.total === 0 ? (
            <div className="empty-state">
              <p>No record matches these filters.</p>
              <button
                type="button"
                onClick={() => changeFilters({ product: '', strategy: '', nSource: '', cSource: '', minFePercent: '', origin: '', flagged: false, q: '' })}
              >
                Clear the filters
              </button>
            </div>
          ) : (
            <div className="table-wrap">
              <table className="records cards-on-phone">
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
                      <td data-label="Catalyst" className="primary">
                        <a href={`#/records/${encodeURIComponent(r.id)}`}>{r.catalyst}</a>
                        {r.origin === 'user' && <span className="badge">mine</span>}
                      </td>
                      <td data-label="Product">{r.productPrinted}</td>
                      <td data-label="Strategy">{r.strategy}</td>
                      <td data-label="N / C source">
                        {r.nitrogenSources.map(nameOf).join(', ') || '—'} / {r.carbonSources.map(nameOf).join(', ') || '—'}
                      </td>
                      <td data-label="FE" className="num">
                        {pct(r.normalized.faradaicEfficiency?.value)}
                        <ReadingMark reading={r.normalized.readings?.faradaicEfficiency} />
                        {(r.normalized.faradaicEfficiency?.value ?? 0) > 1 && (
                          <span className="warning" title="FE above 100 %: check the printed value">
                            {' '}
                            ⚠ above 100 %
                          </span>
                        )}
                      </td>
                      <td data-label="E (V vs RHE)" className="num">
                        {r.normalized.potentialVvsRHE === null ? '—' : r.normalized.potentialVvsRHE.toFixed(2)}
                        <ReadingMark reading={r.normalized.readings?.potentialVvsRHE} />
                      </td>
                      <td data-label="Yield" className="num">
                        {yieldText(r)}
                        <ReadingMark reading={r.normalized.readings?.yield} />
                      </td>
                      <td data-label="Source" className="src" title={plain(r.sourceCitation.replace(/\*/g, ''))}>
                        {r.sourceRef !== undefined ? `ref. ${r.sourceRef}, ` : ''}
                        {r.sourceLocation.replace('Table 1, row ', 'Table 1 r').replace(' text', '')}
                      </td>
                      <td data-label="Flags">
                        {r.flags.length + r.autoFlags.length ? (
                          <span className="flag" title={[...r.flags, ...r.autoFlags].map((f) => f.code).join(', ')}>
                            ⚑ {r.flags.length + r.autoFlags.length}
                          </span>
                        ) : (
                          ''
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {data.total > PAGE && (
            <div className="pager">
              <button type="button" disabled={offset === 0} onClick={() => setQuery({ from: offset - PAGE > 0 ? String(offset - PAGE + 1) : undefined })}>
                ← Previous
              </button>
              <button type="button" disabled={offset + PAGE >= data.total} onClick={() => setQuery({ from: String(offset + PAGE + 1) })}>
                Next →
              </button>
            </div>
          )}
        </>
      )}
    </section>
  );
}

/** Marks a value that rests on an assumed reading or is derived (issue 15.11): shown, but never as if printed. */
function ReadingMark({ reading }: { reading: 'printed' | 'corrected' | 'assumed' | 'derived' | null | undefined }) {
  const suffix = readingSuffix(reading);
  if (!suffix) return null;
  return (
    <span
      className="reading"
      title={reading === 'assumed' ? 'an assumed reading (see the record’s flags): not as printed' : 'derived from a comparison in the source’s text'}
    >
      {suffix}
    </span>
  );
}
