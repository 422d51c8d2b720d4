import { useState } from 'react';
import { RATE_CONSTANT_SET_IDS } from '../../src/transport/transportData.js';
import { api } from './api.js';
import { ionText } from './doubleLayerSpecs.js';
import { Problems, explainError } from './forms.js';

/** One set's surface values at the compared current. */
interface Row {
  set: string;
  converged: boolean;
  message?: string;
  surfacePH: number | null;
  surface: Record<string, number | null>;
}

/** What the case of the page sends to POST /api/microenv besides the current and the set. */
export interface MicroenvCase {
  electrolyte: string;
  co2Saturated: boolean;
  products: { to: string; from: string[]; faradaicEfficiency: number }[];
  migration: boolean;
}

/** Solutes whose surface concentration the comparison lists, when the case has them. */
const SHOWN = ['CO2', 'HCO3-', 'CO3^2-', 'OH-', 'NH3', 'NH4+'];

/**
 * On request, the microenvironment of the page's case at its current density with every rate-constant set side by
 * side (surface pH and concentrations in mM), so the reader sees how much the choice of set moves the answer
 * (the CLI's `microenv --sensitivity`). The table shows only while case, migration and current still match.
 */
export function RateConstantComparison({ body, currentMAPerCm2 }: { body: MicroenvCase; currentMAPerCm2: number }) {
  const key = JSON.stringify([body, currentMAPerCm2]);
  const [rows, setRows] = useState<{ key: string; rows: Row[] } | null>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const [running, setRunning] = useState(false);
  const shown = rows?.key === key ? rows.rows : null;
  const compare = async () => {
    setRows(null);
    setProblems([]);
    setRunning(true);
    try {
      const results = await Promise.all(
        RATE_CONSTANT_SET_IDS.map((set) =>
          api
            .post<{ results: Omit<Row, 'set'>[] }>('/api/microenv', { ...body, rateConstants: set, currentDensitiesMAPerCm2: [currentMAPerCm2] })
            .then((d) => ({ set, ...d.results[0]! })),
        ),
      );
      setRows({ key, rows: results });
    } catch (err) {
      setProblems(explainError(err, { rateConstants: 'rate constants' }));
    } finally {
      setRunning(false);
    }
  };
  const species = shown ? SHOWN.filter((s) => shown.some((r) => r.surface[s] !== undefined)) : [];
  const mM = (v: number | null | undefined) => (v === null || v === undefined || !Number.isFinite(v) ? '—' : v.toPrecision(4));
  return (
    <div className="rate-comparison">
      <button type="button" className="small secondary" onClick={() => void compare()} disabled={running}>
        {running ? 'Comparing…' : `Compare the rate-constant sets at ${currentMAPerCm2} mA cm⁻²`}
      </button>
      <Problems problems={problems} label="rate-constant comparison problems" />
      {shown && (
        <table className="compare" data-testid="rate-constant-comparison" aria-label="surface values with each rate-constant set">
          <caption>
            Surface values at {currentMAPerCm2} mA cm⁻² ({Number((10 * currentMAPerCm2).toPrecision(3))} A m⁻²); concentrations in mM (mol m⁻³)
          </caption>
          <thead>
            <tr>
              <th scope="col">set</th>
              <th scope="col">surface pH</th>
              {species.map((s) => (
                <th key={s} scope="col">
                  {ionText(s)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {shown.map((r) => (
              <tr key={r.set} data-set={r.set}>
                <th scope="row">{r.set}</th>
                <td>{r.converged && r.surfacePH !== null ? r.surfacePH.toFixed(3) : `not solved: ${r.message ?? ''}`}</td>
                {species.map((s) => (
                  <td key={s}>{mM(r.surface[s])}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
