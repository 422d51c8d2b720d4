import type { runDoubleLayerStudy } from '../../src/studies/doubleLayer.js';
import { chartHead } from '../../src/plot/chartStyle.js';

/**
 * Vega-Lite specs of the equilibrium double layer (POST /api/double-layer): potential, cation and OH⁻ profiles
 * from the outer Helmholtz plane (x = 0) into the solution. Pure functions of the API's answer, so the page
 * builds them once per result (useMemo), not on every render.
 */

/** The answer of POST /api/double-layer (JSON: non-finite numbers are null). */
export type DoubleLayerResponse = ReturnType<typeof runDoubleLayerStudy>;

const x = { field: 'xNm', type: 'quantitative' as const, title: 'Distance from the OHP (nm)' };
/** 4 significant digits: enough for a plot, short in the exported data. */
const round = (v: number) => Number(v.toPrecision(4));

/** Ion names as printed: K+ → K⁺, CO3^2- → CO₃²⁻. */
export function ionText(name: string): string {
  const sup: Record<string, string> = { '+': '⁺', '-': '⁻', '2': '²', '3': '³' };
  const m = /^(.*?)(?:\^(\d))?([+-])$/.exec(name);
  if (!m) return name;
  const body = m[1]!.replace(/\d/g, (d) => String.fromCharCode(0x2080 + Number(d)));
  return `${body}${m[2] ? (sup[m[2]] ?? m[2]) : ''}${sup[m[3]!]}`;
}

/** The three profile charts: potential vs bulk (mV), cation concentration (M, with the steric limit dashed) and OH⁻ (M, log scale). */
export function doubleLayerSpecs(r: DoubleLayerResponse): { potential: object; cations: object; hydroxide: object } {
  const p = r.profile;
  const at = (k: number) => round(p.xNm[k]!);
  const potential = {
    ...chartHead(
      'Potential across the diffuse layer',
      `OHP ${(1000 * r.ohp.potentialVvsBulk).toFixed(1)} mV vs bulk; Stern drop ${(1000 * r.ohp.sternDropV).toFixed(1)} mV; E − E_pzc ${r.potentialVvsPzc.toFixed(3)} V`,
    ),
    width: 300,
    height: 220,
    data: { values: p.potentialV.map((v, k) => ({ xNm: at(k), mV: round(1000 * v) })) },
    mark: 'line',
    encoding: { x, y: { field: 'mV', type: 'quantitative', title: 'Potential vs bulk (mV)' } },
  };
  const cationRows = r.cations.flatMap((ion) => (p.concentrationsMolPerM3[ion] ?? []).map((c, k) => ({ xNm: at(k), ion: ionText(ion), cM: round(c / 1000) })));
  const limits = r.cations.flatMap((ion) => {
    const limit = r.stericLimitMolPerM3[ion];
    return limit === null || limit === undefined ? [] : [{ ion: ionText(ion), limitM: round(limit / 1000) }];
  });
  const color = { field: 'ion', type: 'nominal' as const, title: 'Cation' };
  const cations = {
    ...chartHead(
      'Cations near the electrode',
      `${r.cations.map((ion) => `${ionText(ion)} ${(r.ohp.concentrationsMolPerM3[ion]! / 1000).toPrecision(3)} M at the OHP`).join('; ')}; dashed: steric limit`,
    ),
    width: 300,
    height: 220,
    layer: [
      { data: { values: cationRows }, mark: 'line', encoding: { x, y: { field: 'cM', type: 'quantitative', title: 'Concentration (M)' }, color } },
      ...(limits.length
        ? [{ data: { values: limits }, mark: { type: 'rule', strokeDash: [4, 4] }, encoding: { y: { field: 'limitM', type: 'quantitative' }, color } }]
        : []),
    ],
  };
  const oh = p.concentrationsMolPerM3['OH-'] ?? [];
  const ohp = r.ohp.hydroxideMolPerM3;
  const hydroxide = {
    ...chartHead(
      'OH⁻ near the electrode',
      `${ohp === null ? 'no OH⁻ value' : `${(ohp / 1000).toExponential(2)} M at the OHP`}; OHP pH ${r.ohp.pH.toFixed(2)} (bulk ${r.bulkPH.toFixed(2)})`,
    ),
    width: 300,
    height: 220,
    // a log axis cannot show zero: non-positive values (none expected) are left out rather than drawn as 0
    data: { values: oh.flatMap((c, k) => (c > 0 ? [{ xNm: at(k), cM: Number((c / 1000).toPrecision(4)) }] : [])) },
    mark: 'line',
    encoding: { x, y: { field: 'cM', type: 'quantitative', title: 'OH⁻ (M, log scale)', scale: { type: 'log' }, axis: { format: '.0e' } } },
  };
  return { potential, cations, hydroxide };
}
