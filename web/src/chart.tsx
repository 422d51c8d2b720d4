import { useEffect, useRef } from 'react';
import embed, { type Result } from 'vega-embed';

/** Renders a Vega-Lite spec (object) with vega-embed; re-renders when the spec changes. */
export function VegaChart({ spec, label }: { spec: object | null; label: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!spec || !ref.current) return;
    let result: Result | undefined;
    let live = true;
    embed(ref.current, spec as never, { actions: { export: true, source: false, compiled: false, editor: false }, renderer: 'svg', ast: true /* vega's interpreter: no eval, so the CSP needs no 'unsafe-eval' */ }).then((r) => {
      if (live) result = r;
      else r.finalize();
    });
    return () => {
      live = false;
      result?.finalize();
    };
  }, [spec]);
  return (
    <figure className="chart">
      <div ref={ref} role="img" aria-label={label} />
    </figure>
  );
}
