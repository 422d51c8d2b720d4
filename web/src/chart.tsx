import { useEffect, useRef, useState } from 'react';
import embed, { type Result } from 'vega-embed';

type Spec = Record<string, unknown>;

/** Every inline data array of a spec (top level and nested views); null when the spec has none inline. */
function inlineData(spec: Spec): unknown[][] | null {
  const found: unknown[][] = [];
  const walk = (s: unknown) => {
    if (!s || typeof s !== 'object') return;
    const o = s as Spec;
    const values = (o.data as { values?: unknown } | undefined)?.values;
    if (Array.isArray(values)) found.push(values);
    for (const key of ['hconcat', 'vconcat', 'concat', 'layer']) if (Array.isArray(o[key])) (o[key] as unknown[]).forEach(walk);
    if (o.spec) walk(o.spec);
  };
  walk(spec);
  return found.length ? found : null;
}

/**
 * A single-view spec widened to its container when the container is wider than the spec asks for; on a
 * narrower screen the chart keeps its layout and scales down as a whole (CSS), so that axis labels and
 * legends keep their room. Composite specs always scale.
 */
function responsive(spec: Spec, containerWidthPx: number): Spec {
  const composite = ['hconcat', 'vconcat', 'concat', 'facet', 'repeat'].some((k) => k in spec);
  if (composite || typeof spec.width !== 'number' || containerWidthPx < spec.width + 160) return spec;
  return { ...spec, width: 'container', autosize: { type: 'fit-x', contains: 'padding' } };
}

/**
 * Renders a Vega-Lite spec with vega-embed (re-rendered when the spec changes) at the width of its container,
 * with an empty state when there is nothing to plot and PNG (1×, 2× or 3×) and SVG export named after the
 * chart (`name.png`, `name@2x.png`, `name.svg`).
 */
export function VegaChart({
  spec,
  label,
  name,
  empty = 'Nothing to plot for these settings.',
}: {
  spec: object | null;
  label: string;
  name: string;
  empty?: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const [view, setView] = useState<Result['view'] | null>(null);
  const [scale, setScale] = useState(2);
  const data = spec ? inlineData(spec as Spec) : null;
  const isEmpty = data !== null && data.every((d) => d.length === 0);
  useEffect(() => {
    if (!spec || isEmpty || !ref.current) return;
    let result: Result | undefined;
    let live = true;
    embed(ref.current, responsive(spec as Spec, ref.current.clientWidth) as never, {
      actions: { export: true, source: false, compiled: false, editor: false },
      renderer: 'svg',
      downloadFileName: name,
      scaleFactor: { png: scale, svg: 1 },
      ast: true, // vega's interpreter: no eval, so the CSP needs no 'unsafe-eval'
    }).then((r) => {
      if (live) {
        result = r;
        setView(r.view);
      } else r.finalize();
    });
    return () => {
      live = false;
      result?.finalize();
      setView(null);
    };
  }, [spec, isEmpty, scale, name]);
  const save = async (type: 'png' | 'svg') => {
    if (!view) return;
    const url = await view.toImageURL(type, type === 'png' ? scale : 1);
    const a = document.createElement('a');
    a.href = url;
    a.download = `${name}${type === 'png' && scale !== 1 ? `@${scale}x` : ''}.${type}`;
    document.body.append(a);
    a.click();
    a.remove();
  };
  if (!spec) return null;
  if (isEmpty)
    return (
      <figure className="chart empty" aria-label={label}>
        <p className="muted">{empty}</p>
      </figure>
    );
  return (
    <figure className="chart">
      <div ref={ref} role="img" aria-label={label} className="chart-canvas" />
      <figcaption className="chart-export">
        <label className="inline">
          PNG size
          <select value={scale} onChange={(e) => setScale(Number(e.target.value))} aria-label={`${label}: PNG scale`}>
            <option value={1}>1×</option>
            <option value={2}>2×</option>
            <option value={3}>3×</option>
          </select>
        </label>
        <button type="button" className="small secondary" onClick={() => void save('png')} disabled={!view}>
          Save PNG
        </button>
        <button type="button" className="small secondary" onClick={() => void save('svg')} disabled={!view}>
          Save SVG
        </button>
      </figcaption>
    </figure>
  );
}
