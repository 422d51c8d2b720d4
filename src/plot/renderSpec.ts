import type { TopLevelSpec } from 'vega-lite';

// vega, vega-lite and resvg load on first use: together they take ~0.35 s, which every CLI command
// that draws nothing would otherwise pay at start-up

/** Renders a Vega-Lite spec to an SVG document (no browser: vega's headless SVG renderer). */
export async function renderSvg(spec: TopLevelSpec): Promise<string> {
  const [vega, { compile }] = await Promise.all([import('vega'), import('vega-lite')]);
  const view = new vega.View(vega.parse(compile(spec).spec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/** Renders a Vega-Lite spec to PNG bytes at `scale` × its size (resvg, system fonts such as DejaVu Sans). */
export async function renderPng(spec: TopLevelSpec, scale = 2): Promise<Buffer> {
  const svg = await renderSvg(spec);
  const { Resvg } = await import('@resvg/resvg-js');
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: scale },
    background: 'white',
    font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' },
  });
  return resvg.render().asPng();
}
