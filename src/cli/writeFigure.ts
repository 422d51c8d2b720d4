import { writeFileSync } from 'node:fs';
import { InputError } from '../chem/index.js';
import { renderPng, renderSvg } from '../plot/renderSpec.js';

/**
 * Renders a Vega-Lite spec to `out` as SVG or PNG, chosen by the extension; returns the bytes written.
 * @throws {InputError} for another extension (field `--out`)
 */
export async function writeFigure(spec: Parameters<typeof renderSvg>[0], out: string): Promise<number> {
  if (!/\.(svg|png)$/i.test(out)) throw new InputError('--out', 'a file name ending in .svg or .png', `got "${out}"`);
  const bytes = /\.png$/i.test(out) ? await renderPng(spec) : await renderSvg(spec);
  writeFileSync(out, bytes);
  return Buffer.byteLength(bytes);
}
