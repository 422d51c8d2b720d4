import { useEffect, useState } from 'react';

/**
 * The app's state lives in the URL hash — `#/literature?product=urea&sort=fe&order=desc` — so that any view
 * (filters, sort, selected model, slider values) can be bookmarked, shared and reloaded. Query changes
 * replace the history entry (typing does not fill the back button); page changes push one.
 */
export interface Route {
  /** Path segments, e.g. ["records", "cu-s-cyclohexanone-oxime"]. */
  path: string[];
  /** The hash's query parameters. */
  query: URLSearchParams;
}

const EVENT = 'cncouple-route';

/** The current route, read from `window.location.hash`. */
export function readRoute(): Route {
  const hash = window.location.hash.replace(/^#\/?/, '');
  const cut = hash.indexOf('?');
  const pathText = cut < 0 ? hash : hash.slice(0, cut);
  return { path: pathText.split('/').filter(Boolean).map(decodeURIComponent), query: new URLSearchParams(cut < 0 ? '' : hash.slice(cut + 1)) };
}

/** The current route; re-renders on navigation and on query changes made with {@link setQuery}. */
export function useRoute(): Route {
  const [route, setRoute] = useState(readRoute);
  useEffect(() => {
    const onChange = () => setRoute(readRoute());
    window.addEventListener('hashchange', onChange);
    window.addEventListener(EVENT, onChange);
    return () => {
      window.removeEventListener('hashchange', onChange);
      window.removeEventListener(EVENT, onChange);
    };
  }, []);
  return route;
}

/** The hash of `path` with `query` (empty values left out unless `keepEmpty`), e.g. `#/literature?product=urea`. */
export function hashOf(path: string[], query: URLSearchParams | Record<string, string | undefined>, options: { keepEmpty?: boolean } = {}): string {
  const q = new URLSearchParams();
  const entries = query instanceof URLSearchParams ? [...query.entries()] : Object.entries(query);
  for (const [k, v] of entries) if (v !== undefined && (v !== '' || options.keepEmpty)) q.set(k, v);
  const s = q.toString();
  return `#/${path.map(encodeURIComponent).join('/')}${s ? `?${s}` : ''}`;
}

/**
 * Sets (or, with undefined or '', removes) query parameters of the current page, replacing the history entry;
 * `keepEmpty` keeps '' as an empty parameter (a form field the user cleared).
 */
export function setQuery(updates: Record<string, string | undefined>, options: { keepEmpty?: boolean } = {}): void {
  const { path, query } = readRoute();
  for (const [k, v] of Object.entries(updates)) {
    if (v === undefined || (v === '' && !options.keepEmpty)) query.delete(k);
    else query.set(k, v);
  }
  const hash = hashOf(path, query, options);
  if (hash === window.location.hash) return;
  window.history.replaceState(window.history.state, '', hash);
  window.dispatchEvent(new Event(EVENT));
}

/** One query parameter as state: its value (or `fallback` when absent) and a setter that writes the URL. */
export function useQueryParam(key: string, fallback: string): [string, (value: string) => void] {
  const { query } = useRoute();
  const value = query.get(key) ?? fallback;
  return [value, (v: string) => setQuery({ [key]: v === fallback ? undefined : v })];
}

/** A group of text fields kept in the URL under `prefix.key` (only values that differ from the defaults). */
export function useQueryForm<T extends Record<string, string>>(prefix: string, defaults: T): [T, (form: T) => void] {
  const { query } = useRoute();
  const form = Object.fromEntries(Object.entries(defaults).map(([k, d]) => [k, query.get(`${prefix}.${k}`) ?? d])) as T;
  // a field cleared where the default is not empty stays empty (`prefix.key=` in the URL), not the default again
  const set = (next: T) =>
    setQuery(Object.fromEntries(Object.entries(next).map(([k, v]) => [`${prefix}.${k}`, v === defaults[k] ? undefined : v])), { keepEmpty: true });
  return [form, set];
}

/** Sets the document title to "`title` — cncouple" while the view is shown. */
export function useTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} — cncouple`;
  }, [title]);
}
