import { useEffect, useState } from 'react';
import { readHumanNumber } from '../../src/chem/parseHumanNumber.js';
import { api } from './api.js';
import { setQuery, useRoute } from './route.js';
import { STRATEGIES } from './types.js';

/** Filters shared by the Literature table and the Compare plots, kept in the page's URL (bookmarkable). */
export interface Filters {
  product: string;
  strategy: string;
  nSource: string;
  cSource: string;
  minFePercent: string;
  origin: string;
  flagged: boolean;
  q: string;
}

/** URL query key of each filter. */
const KEYS: Record<keyof Filters, string> = {
  product: 'product',
  strategy: 'strategy',
  nSource: 'n',
  cSource: 'c',
  minFePercent: 'minFe',
  origin: 'origin',
  flagged: 'flagged',
  q: 'q',
};
/** The URL query keys that hold filters (the Literature and Compare links carry them). */
export const FILTER_KEYS = Object.values(KEYS);

/** The filters in a URL query. */
function fromQuery(query: URLSearchParams): Filters {
  const get = (k: keyof Filters) => query.get(KEYS[k]) ?? '';
  return {
    product: get('product'),
    strategy: get('strategy'),
    nSource: get('nSource'),
    cSource: get('cSource'),
    minFePercent: get('minFePercent'),
    origin: get('origin'),
    flagged: get('flagged') === '1',
    q: get('q'),
  };
}

/** The shared filters (from the URL) and a setter that writes them to the URL. */
export function useFilters(): [Filters, (f: Filters) => void] {
  const { query } = useRoute();
  const filters = fromQuery(query);
  const set = (f: Filters) =>
    setQuery(
      Object.fromEntries((Object.keys(KEYS) as (keyof Filters)[]).map((k) => [KEYS[k], k === 'flagged' ? (f.flagged ? '1' : undefined) : (f[k] as string)])),
    );
  return [filters, set];
}

/** The minimum FE filter read as a number (percent), or the reason it cannot be. */
export function readMinFe(f: Filters): { value?: number; problem?: string } {
  if (f.minFePercent.trim() === '') return {};
  const r = readHumanNumber(f.minFePercent, { units: { '%': 1 } });
  if (!r.ok) return { problem: `Min FE (%): ${r.problem} — type ${r.allowed}` };
  if (r.value < 0 || r.value > 100) return { problem: `Min FE (%) must be from 0 to 100, not ${r.value}` };
  return { value: r.value };
}

/** Query parameters of the filters for /api/records and the plot endpoints. */
export function filterParams(f: Filters): Record<string, string | number | boolean | undefined> {
  return {
    product: f.product,
    strategy: f.strategy,
    nSource: f.nSource,
    cSource: f.cSource,
    minFePercent: readMinFe(f).value,
    origin: f.origin,
    flagged: f.flagged || undefined,
    q: f.q,
  };
}

/** A species the records name (GET /api/records/facets). */
interface SpeciesFacet {
  id: string;
  name: string;
  formula: string;
  records: number;
}
/** The species the records name, per role. */
export type Facets = Record<'products' | 'nitrogenSources' | 'carbonSources', SpeciesFacet[]>;

/** Options of a species filter: every species the records name, most used first, with its record count. */
function speciesOptions(list: SpeciesFacet[], withFormula: boolean) {
  return list.map((s) => (
    <option key={s.id} value={s.name}>
      {withFormula && s.formula !== s.name ? `${s.formula} — ${s.name}` : s.name} ({s.records})
    </option>
  ));
}

/** The species the records name (empty until loaded; if loading fails the filters offer only "any"). */
export function useSpeciesFacets(): Facets {
  const [facets, setFacets] = useState<Facets>({ products: [], nitrogenSources: [], carbonSources: [] });
  useEffect(() => {
    api.get<Facets>('/api/records/facets').then(setFacets, () => {});
  }, []);
  return facets;
}

/** Registry id → name (e.g. `pyruvic-acid` → `pyruvic acid`) of every species in the facets; unknown ids as they are. */
export function speciesNamer(facets: Facets): (id: string) => string {
  const names = new Map([...facets.products, ...facets.nitrogenSources, ...facets.carbonSources].map((f) => [f.id, f.name]));
  return (id) => names.get(id) ?? id;
}

const EMPTY: Filters = { product: '', strategy: '', nSource: '', cSource: '', minFePercent: '', origin: '', flagged: false, q: '' };

/** The filter bar; its species choices are the species the records use. */
export function FilterBar({ filters, onChange, facets }: { filters: Filters; onChange: (f: Filters) => void; facets: Facets }) {
  const field = (name: keyof Filters) => ({
    value: filters[name] as string,
    onChange: (e: { target: { value: string } }) => onChange({ ...filters, [name]: e.target.value }),
  });
  const active = Object.entries(filters).filter(([, v]) => v !== '' && v !== false).length;
  const minFe = readMinFe(filters);
  // on a phone the filters start folded so that the results are on the first screen
  const [open] = useState(() => window.matchMedia('(min-width: 761px)').matches || active > 0);
  return (
    <details className="filters-box" open={open}>
      <summary>Filters{active ? ` (${active} active)` : ''}</summary>
      <form className="filters" onSubmit={(e) => e.preventDefault()} aria-label="filters">
        <label>
          Search catalyst
          <input type="search" placeholder="e.g. CeO2" {...field('q')} />
        </label>
        <label>
          Product
          <select {...field('product')}>
            <option value="">any</option>
            {speciesOptions(facets.products, false)}
          </select>
        </label>
        <label>
          Strategy
          <select {...field('strategy')}>
            <option value="">any</option>
            {STRATEGIES.map((s) => (
              <option key={s}>{s}</option>
            ))}
          </select>
        </label>
        <label>
          N source
          <select {...field('nSource')}>
            <option value="">any</option>
            {speciesOptions(facets.nitrogenSources, true)}
          </select>
        </label>
        <label>
          C source
          <select {...field('cSource')}>
            <option value="">any</option>
            {speciesOptions(facets.carbonSources, true)}
          </select>
        </label>
        <label>
          Min FE (%)
          <input inputMode="decimal" {...field('minFePercent')} aria-invalid={minFe.problem ? true : undefined} />
        </label>
        <label>
          Origin
          <select {...field('origin')}>
            <option value="">all</option>
            <option value="literature">literature</option>
            <option value="user">my records</option>
          </select>
        </label>
        <label className="check">
          <input type="checkbox" checked={filters.flagged} onChange={(e) => onChange({ ...filters, flagged: e.target.checked })} />
          flagged only
        </label>
        <button type="button" onClick={() => onChange(EMPTY)}>
          Clear
        </button>
      </form>
      {minFe.problem && (
        <p className="error" role="alert">
          {minFe.problem}
        </p>
      )}
    </details>
  );
}
