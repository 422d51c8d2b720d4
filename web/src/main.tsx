import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { Calculators } from './pages/Calculators.js';
import { Compare } from './pages/Compare.js';
import { Kinetics } from './pages/Kinetics.js';
import { Literature } from './pages/Literature.js';
import { Mechanism } from './pages/Mechanism.js';
import { MyData } from './pages/MyData.js';
import { Process } from './pages/Process.js';
import { RecordPage } from './pages/RecordPage.js';
import './styles.css';

const PAGES = [
  { path: 'literature', label: 'Literature' },
  { path: 'compare', label: 'Compare' },
  { path: 'calculators', label: 'Calculators' },
  { path: 'mechanism', label: 'Mechanism' },
  { path: 'kinetics', label: 'Kinetics' },
  { path: 'process', label: 'Process' },
  { path: 'my-data', label: 'My data' },
] as const;

/** The hash route, e.g. "#/records/cu-s-cyclohexanone-oxime" → ["records", "cu-s-cyclohexanone-oxime"]. */
function useRoute(): string[] {
  const read = () => window.location.hash.replace(/^#\/?/, '').split('?')[0]!.split('/').filter(Boolean).map(decodeURIComponent);
  const [route, setRoute] = useState(read);
  useEffect(() => {
    const onChange = () => setRoute(read());
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}

function App() {
  const [page = 'literature', id, editId] = useRoute();
  return (
    <>
      <header className="top">
        <a className="brand" href="#/literature">
          cncouple <span>electrocatalytic C–N coupling</span>
        </a>
        <nav aria-label="pages">
          {PAGES.map((p) => (
            <a key={p.path} href={`#/${p.path}`} aria-current={page === p.path ? 'page' : undefined}>
              {p.label}
            </a>
          ))}
          <a href="/api/docs">API</a>
        </nav>
      </header>
      <main>
        {page === 'literature' && <Literature />}
        {page === 'records' && id && <RecordPage id={id} />}
        {page === 'compare' && <Compare />}
        {page === 'calculators' && <Calculators />}
        {page === 'mechanism' && <Mechanism />}
        {page === 'kinetics' && <Kinetics />}
        {page === 'process' && <Process />}
        {page === 'my-data' && <MyData editId={id === 'edit' ? editId : undefined} />}
      </main>
      <footer>
        Data: Wang, Sun &amp; Han, <i>Inorg. Chem. Front.</i> 2025, 12, 6926 (doi:10.1039/d5qi01426c), Table 1 and text; every value keeps its printed form and source.
      </footer>
    </>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
