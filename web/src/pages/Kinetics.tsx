import { type FormEvent, useEffect, useState } from 'react';
import { api } from '../api.js';
import { VegaChart } from '../chart.js';
import { JobProgress, type JobState, runJob } from '../jobProgress.js';
import { textField } from '../textField.js';
import { ModelPicker, useModels } from '../models.js';

interface SteadyPoint {
  potentialVvsRHE: number;
  converged: boolean;
  currentDensityAPerM2: number;
  /** null where undefined (no electrons transferred). */
  faradaicEfficiency: Record<string, number | null>;
  residual: number;
}

const font = 'DejaVu Sans, Helvetica, Arial, sans-serif';

/** FE (%) and |j| (mA cm⁻², log) vs potential. */
function polarizationSpec(points: SteadyPoint[]) {
  // an undefined FE (null) is left out, not drawn as 0
  const rows = points.flatMap((p) => Object.entries(p.faradaicEfficiency).flatMap(([product, fe]) => (fe === null ? [] : [{ E: p.potentialVvsRHE, product, fe: 100 * fe, converged: p.converged }])));
  const current = points.filter((p) => p.converged && p.currentDensityAPerM2 !== 0).map((p) => ({ E: p.potentialVvsRHE, j: Math.abs(p.currentDensityAPerM2) / 10 }));
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    config: { font },
    hconcat: [
      {
        title: 'Faradaic efficiency',
        width: 380,
        height: 260,
        data: { values: rows },
        mark: { type: 'line', point: true },
        encoding: {
          x: { field: 'E', type: 'quantitative', title: 'Potential (V vs RHE)' },
          y: { field: 'fe', type: 'quantitative', title: 'FE (%)', scale: { domain: [0, 100] } },
          color: { field: 'product', type: 'nominal', title: 'Product' },
          tooltip: [{ field: 'E' }, { field: 'product' }, { field: 'fe', format: '.2f', title: 'FE (%)' }],
        },
      },
      {
        title: 'Polarization curve',
        width: 380,
        height: 260,
        data: { values: current },
        mark: { type: 'line', point: true },
        encoding: {
          x: { field: 'E', type: 'quantitative', title: 'Potential (V vs RHE)' },
          y: { field: 'j', type: 'quantitative', title: '|j| (mA cm⁻², log scale)', scale: { type: 'log' } },
          tooltip: [{ field: 'E' }, { field: 'j', format: '.3g', title: '|j| (mA cm⁻²)' }],
        },
      },
    ],
  };
}

interface PulseResult {
  periods: { period: number; faradaicEfficiency: Record<string, number>; electronRatePerS: number }[];
  periodicFromPeriod: number | null;
  steps: number;
}

function pulseSpec(r: PulseResult) {
  const rows = r.periods.flatMap((p) => Object.entries(p.faradaicEfficiency).map(([product, fe]) => ({ period: p.period, product, fe: 100 * fe })));
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    config: { font },
    title: 'Period-averaged faradaic efficiency',
    width: 560,
    height: 240,
    data: { values: rows },
    mark: { type: 'line', point: true },
    encoding: {
      x: { field: 'period', type: 'quantitative', title: 'Period' },
      y: { field: 'fe', type: 'quantitative', title: 'FE (%)' },
      color: { field: 'product', type: 'nominal', title: 'Product' },
    },
  };
}

/** Polarization curves, pulse simulations and descriptor sweeps of a model. */
export function Kinetics() {
  const models = useModels();
  const [ref, setRef] = useState<{ model?: string; modelText?: string }>({ model: 'urea-cu4-ceo2' });
  const [range, setRange] = useState({ from: '-0.8', to: '0', step: '0.05' });
  const [steady, setSteady] = useState<SteadyPoint[] | null>(null);
  const [pulse, setPulse] = useState({ e1: '-0.5', t1: '1', e2: '-0.1', t2: '1', periods: '20' });
  const [pulseResult, setPulseResult] = useState<PulseResult | null>(null);
  const [sweep, setSweep] = useState({ x: 'dG_NO', xFrom: '-1.5', xTo: '0.5', y: 'dG_CO', yFrom: '-0.5', yTo: '1.0', points: '40' });
  const [job, setJob] = useState<JobState | null>(null);
  const [sweepSpec, setSweepSpec] = useState<object | null>(null);
  const [error, setError] = useState<string | null>(null);
  const descriptors = Object.keys(models.find((m) => m.name === ref.model)?.descriptors ?? {});

  const runSteady = async (e?: FormEvent) => {
    e?.preventDefault();
    const [from, to, step] = [Number(range.from), Number(range.to), Math.abs(Number(range.step))];
    const n = Math.floor(Math.abs(to - from) / step + 1e-9) + 1;
    const potentials = Array.from({ length: Math.min(n, 400) }, (_, i) => from + Math.sign(to - from || 1) * i * step);
    try {
      setSteady(await api.post<SteadyPoint[]>('/api/kinetics/steady', { ...ref, potentialsVvsRHE: potentials }));
      setError(null);
    } catch (err) {
      setError((err as Error).message);
    }
  };
  useEffect(() => {
    if (ref.model) void runSteady();
  }, [ref.model]);

  const runPulse = async (e: FormEvent) => {
    e.preventDefault();
    try {
      setPulseResult(await api.post<PulseResult>('/api/kinetics/pulse', { ...ref, e1V: Number(pulse.e1), t1S: Number(pulse.t1), e2V: Number(pulse.e2), t2S: Number(pulse.t2), periods: Number(pulse.periods) }));
      setError(null);
    } catch (err) {
      setError((err as Error).message);
    }
  };

  /** Runs the volcano sweep; `resumeFrom` (a cancelled sweep's id) keeps the rows that one finished. */
  const runSweep = async (resumeFrom?: string) => {
    setSweepSpec(null);
    const points = Number(sweep.points);
    try {
      const body = { ...ref, x: { name: sweep.x, from: Number(sweep.xFrom), to: Number(sweep.xTo), points }, y: { name: sweep.y, from: Number(sweep.yFrom), to: Number(sweep.yTo), points }, ...(resumeFrom ? { resumeFrom } : {}) };
      const done = await runJob('/api/kinetics/sweeps', body, setJob);
      setError(null);
      const result = await api.get<{ spec: object }>(`/api/kinetics/sweeps/${done.id}/result`);
      setSweepSpec(result.spec);
    } catch (err) {
      setError((err as Error).message);
    }
  };
  return (
    <section>
      <h1>Kinetics</h1>
      <p className="lead">Mean-field microkinetics: steady states by Newton on log-coverages (verified residuals), pulsed potentials by stiff (Rosenbrock) integration, descriptor volcanoes on worker threads.</p>
      <div className="controls">
        <ModelPicker models={models} value={ref} onChange={setRef} />
      </div>
      {error && <p className="error" role="alert">{error}</p>}
      <h2>Polarization curve and FE vs potential</h2>
      <form className="inline-form" onSubmit={runSteady}>
        {textField(range, setRange, 'from', 'from (V vs RHE)')}
        {textField(range, setRange, 'to', 'to (V vs RHE)')}
        {textField(range, setRange, 'step', 'step (V)')}
        <button type="submit">Solve</button>
      </form>
      {steady && (
        <>
          <p className="muted small" data-testid="steady-summary">
            {steady.filter((p) => p.converged).length} of {steady.length} potentials converged; largest residual {Math.max(...steady.map((p) => p.residual)).toExponential(1)}
          </p>
          <VegaChart spec={polarizationSpec(steady)} label="FE and current vs potential" />
        </>
      )}
      <h2>Pulsed potential</h2>
      <form className="inline-form" onSubmit={runPulse}>
        {textField(pulse, setPulse, 'e1', 'E1 (V vs RHE)')}
        {textField(pulse, setPulse, 't1', 't1 (s)')}
        {textField(pulse, setPulse, 'e2', 'E2 (V vs RHE)')}
        {textField(pulse, setPulse, 't2', 't2 (s)')}
        {textField(pulse, setPulse, 'periods', 'periods')}
        <button type="submit">Simulate</button>
      </form>
      {pulseResult && (
        <>
          <p className="muted small" data-testid="pulse-summary">
            Periodic steady state from period {pulseResult.periodicFromPeriod ?? '— (not reached)'}; {pulseResult.steps} integration steps. Last period:{' '}
            {Object.entries(pulseResult.periods.at(-1)!.faradaicEfficiency)
              .map(([p, fe]) => `${p} ${(100 * fe).toFixed(1)} %`)
              .join(', ')}
          </p>
          <VegaChart spec={pulseSpec(pulseResult)} label="period-averaged FE" />
        </>
      )}
      <h2>Descriptor volcano</h2>
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          void runSweep();
        }}
      >
        <label>
          x descriptor
          <select value={sweep.x} onChange={(e) => setSweep({ ...sweep, x: e.target.value })} aria-label="x descriptor">
            {descriptors.map((d) => (
              <option key={d}>{d}</option>
            ))}
          </select>
        </label>
        {textField(sweep, setSweep, 'xFrom', 'x from (eV)')}
        {textField(sweep, setSweep, 'xTo', 'x to (eV)')}
        <label>
          y descriptor
          <select value={sweep.y} onChange={(e) => setSweep({ ...sweep, y: e.target.value })} aria-label="y descriptor">
            {descriptors.map((d) => (
              <option key={d}>{d}</option>
            ))}
          </select>
        </label>
        {textField(sweep, setSweep, 'yFrom', 'y from (eV)')}
        {textField(sweep, setSweep, 'yTo', 'y to (eV)')}
        {textField(sweep, setSweep, 'points', 'points per axis')}
        <button type="submit">Run sweep</button>
      </form>
      {job && <JobProgress job={job} unit="points" label="sweep progress" />}
      {job?.status === 'running' && (
        <button type="button" onClick={() => void api.del<JobState>(`/api/kinetics/sweeps/${job.id}`).then(setJob, (err: Error) => setError(err.message))}>
          Cancel sweep
        </button>
      )}
      {job?.status === 'cancelled' && (
        <button type="button" onClick={() => void runSweep(job.id)}>
          Resume sweep (the rows it finished are kept)
        </button>
      )}
      {sweepSpec && <VegaChart spec={sweepSpec} label="volcano heat map" />}
    </section>
  );
}
