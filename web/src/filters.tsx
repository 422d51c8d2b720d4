import { useEffect, useState } from 'react';
import { api } from './api.js';
import { STRATEGIES } from './types.js';

/** Filters shared by the Literature table and the Compare plots (kept in sessionStorage). */
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

const EMPTY: Filters = { product: '', strategy: '', nSource: '', cSource: '', minFePercent: '', origin: '', flagged: false, q: '' };
const KEY = 'cncouple.filters';
const EVENT = 'cncouple-filters';

function load(): Filters {
  try {
    return { ...EMPTY, ...(JSON.parse(sessionStorage.getItem(KEY) ?? '{}') as Partial<Filters>) };
  } catch {
    return EMPTY;
  }
}

/** The shared filters and a setter; every page using it sees the same values. */
export function useFilters(): [Filters, (f: Filters) => void] {
  const [filters, setLocal] = useState<Filters>(load);
  useEffect(() => {
    const onChange = () => setLocal(load());
    window.addEventListener(EVENT, onChange);
    return () => window.removeEventListener(EVENT, onChange);
  }, []);
  const set = (f: Filters) => {
    sessionStorage.setItem(KEY, JSON.stringify(f));
    window.dispatchEvent(new Event(EVENT));
  };
  return [filters, set];
}

/** Query parameters of the filters for /api/records and the plot endpoints. */
export function filterParams(f: Filters): Record<string, string | boolean | undefined> {
  return { product: f.product, strategy: f.strategy, nSource: f.nSource, cSource: f.cSource, minFePercent: f.minFePercent, origin: f.origin, flagged: f.flagged || undefined, q: f.q };
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

/** The filter bar; its species choices are the species the records use. */
export function FilterBar({ filters, onChange, facets }: { filters: Filters; onChange: (f: Filters) => void; facets: Facets }) {
  const field = (name: keyof Filters) => ({
    value: filters[name] as string,
    onChange: (e: { target: { value: string } }) => onChange({ ...filters, [name]: e.target.value }),
  });
  return (
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
        <input type="number" min={0} max={100} step={1} inputMode="decimal" {...field('minFePercent')} />
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
  );
}
