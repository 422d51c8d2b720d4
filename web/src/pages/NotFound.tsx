import { useTitle } from '../route.js';

/** The page of an address the app does not have, with the way back. */
export function NotFound({ path }: { path: string[] }) {
  useTitle('Page not found');
  return (
    <section>
      <h1>Page not found</h1>
      <p className="lead">
        There is no page at <code>#/{path.join('/')}</code>. The pages are listed above; records are at <code>#/records/&lt;id&gt;</code>.
      </p>
      <p>
        <a href="#/literature">Go to the literature explorer</a>
      </p>
    </section>
  );
}
