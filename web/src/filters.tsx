import { useEffect, useState } from 'react';
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

const PRODUCTS = ['urea', 'cyclohexanone oxime', 'cyclopentanone oxime', 'benzaldoxime', 'pyridine-2-aldoxime', 'glycine', 'alanine', 'valine', 'formamide', 'DMF', 'HMTA', 'ammonia'];
const N_SOURCES = ['NO3-', 'NO2-', 'NO', 'N2', 'NH3', 'NH2OH'];
const C_SOURCES = ['CO2', 'HCHO', 'CH3OH', 'cyclohexanone', 'cyclopentanone', 'phenol', 'benzaldehyde', 'glyoxylic acid', 'pyruvic acid', 'dimethylamine'];

/** The filter bar. */
export function FilterBar({ filters, onChange }: { filters: Filters; onChange: (f: Filters) => void }) {
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
          {PRODUCTS.map((p) => (
            <option key={p}>{p}</option>
          ))}
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
          {N_SOURCES.map((s) => (
            <option key={s}>{s}</option>
          ))}
        </select>
      </label>
      <label>
        C source
        <select {...field('cSource')}>
          <option value="">any</option>
          {C_SOURCES.map((s) => (
            <option key={s}>{s}</option>
          ))}
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
