import { StrictMode, Suspense, lazy } from 'react';
import { createRoot } from 'react-dom/client';
import { FILTER_KEYS } from './filters.js';
import { Literature } from './pages/Literature.js';
import { NotFound } from './pages/NotFound.js';
import { hashOf, useRoute } from './route.js';
import './styles.css';

// The pages with charts (Vega, about 1 MB) and the calculators load on first visit, in their own chunks.
const RecordPage = lazy(() => import('./pages/RecordPage.js').then((m) => ({ default: m.RecordPage })));
const Compare = lazy(() => import('./pages/Compare.js').then((m) => ({ default: m.Compare })));
const Calculators = lazy(() => import('./pages/Calculators.js').then((m) => ({ default: m.Calculators })));
const Mechanism = lazy(() => import('./pages/Mechanism.js').then((m) => ({ default: m.Mechanism })));
const Kinetics = lazy(() => import('./pages/Kinetics.js').then((m) => ({ default: m.Kinetics })));
const Process = lazy(() => import('./pages/Process.js').then((m) => ({ default: m.Process })));
const PlanScreen = lazy(() => import('./pages/PlanScreen.js').then((m) => ({ default: m.PlanScreen })));
const MyData = lazy(() => import('./pages/MyData.js').then((m) => ({ default: m.MyData })));

/** sessionStorage key of the last filters seen on Literature or Compare. */
const LAST_FILTERS = 'cncouple.lastFilters';

const PAGES = [
  { path: 'literature', label: 'Literature' },
  { path: 'compare', label: 'Compare' },
  { path: 'calculators', label: 'Calculators' },
  { path: 'mechanism', label: 'Mechanism' },
  { path: 'kinetics', label: 'Kinetics' },
  { path: 'process', label: 'Process' },
  { path: 'plan', label: 'Plan & screen' },
  { path: 'my-data', label: 'My data' },
] as const;

function App() {
  const { path, query } = useRoute();
  const [page = 'literature', id, editId] = path;
  // the Literature and Compare links keep the filters (they share them), also across a visit to another page
  const here = Object.fromEntries(FILTER_KEYS.map((k) => [k, query.get(k) ?? undefined]));
  const onFilteredPage = page === 'literature' || page === 'compare';
  if (onFilteredPage) sessionStorage.setItem(LAST_FILTERS, JSON.stringify(here));
  const filterQuery = onFilteredPage ? here : (JSON.parse(sessionStorage.getItem(LAST_FILTERS) ?? '{}') as Record<string, string | undefined>);
  const view = (() => {
    switch (page) {
      case 'literature':
        return id === undefined ? <Literature /> : null;
      case 'records':
        return id ? <RecordPage id={id} /> : null;
      case 'compare':
        return <Compare />;
      case 'calculators':
        return <Calculators />;
      case 'mechanism':
        return <Mechanism />;
      case 'kinetics':
        return <Kinetics />;
      case 'process':
        return <Process />;
      case 'plan':
        return <PlanScreen />;
      case 'my-data':
        return id === undefined || (id === 'edit' && editId) ? <MyData editId={id === 'edit' ? editId : undefined} /> : null;
      default:
        return null;
    }
  })();
  return (
    <>
      <a className="skip" href="#main" onClick={(e) => (e.preventDefault(), document.getElementById('main')?.focus())}>
        Skip to content
      </a>
      <header className="top">
        <a className="brand" href="#/literature">
          cncouple <span>electrocatalytic C–N coupling</span>
        </a>
        <nav aria-label="pages">
          {PAGES.map((p) => (
            <a
              key={p.path}
              href={p.path === 'literature' || p.path === 'compare' ? hashOf([p.path], filterQuery) : `#/${p.path}`}
              aria-current={page === p.path ? 'page' : undefined}
            >
              {p.label}
            </a>
          ))}
          <a href="/api/docs">API</a>
        </nav>
      </header>
      <main id="main" tabIndex={-1}>
        <Suspense
          fallback={
            <p className="loading" role="status">
              Loading the page…
            </p>
          }
        >
          {view ?? <NotFound path={path} />}
        </Suspense>
      </main>
      <footer>
        Data: Wang, Sun &amp; Han, <i>Inorg. Chem. Front.</i> 2025, 12, 6926 (doi:10.1039/d5qi01426c), Table 1 and text; every value keeps its printed form and
        source.
      </footer>
    </>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
