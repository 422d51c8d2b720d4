import { type FormEvent, useEffect, useState } from 'react';
import { api } from '../api.js';
import { VegaChart } from '../chart.js';
import { JobProgress, type JobState, runJob } from '../jobProgress.js';
import { Problems, explainError, readNumbers } from '../forms.js';
import { textField } from '../textField.js';
import { ModelPicker, descriptorNames, useModelRef, useModels } from '../models.js';
import { ModelVsMeasurement } from '../modelVsMeasurement.js';
import { useQueryForm, useTitle } from '../route.js';

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
  const rows = points.flatMap((p) =>
    Object.entries(p.faradaicEfficiency).flatMap(([product, fe]) =>
      fe === null ? [] : [{ E: p.potentialVvsRHE, product, fe: 100 * fe, converged: p.converged }],
    ),
  );
  const current = points
    .filter((p) => p.converged && p.currentDensityAPerM2 !== 0)
    .map((p) => ({ E: p.potentialVvsRHE, j: Math.abs(p.currentDensityAPerM2) / 10 }));
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    config: { font },
    // side by side on a wide screen, one above the other on a phone
    [window.matchMedia('(max-width: 760px)').matches ? 'vconcat' : 'hconcat']: [
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
  /** FE per product, a fraction; null when no net electrons flowed in the period. */
  periods: { period: number; faradaicEfficiency: Record<string, number | null>; electronRatePerS: number }[];
  periodicFromPeriod: number | null;
  steps: number;
}

function pulseSpec(r: PulseResult) {
  const rows = r.periods.flatMap((p) =>
    Object.entries(p.faradaicEfficiency).map(([product, fe]) => ({ period: p.period, product, fe: fe === null ? null : 100 * fe })),
  ); // null: no net electrons in the period
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

const VOLT = { V: 1, mV: 1e-3 };
const EV = { eV: 1 };
const SECOND = { s: 1, ms: 1e-3 };

/** Polarization curves, pulse simulations and descriptor sweeps of a model (model and forms kept in the URL). */
export function Kinetics() {
  useTitle('Kinetics');
  const models = useModels();
  const [ref, setRef] = useModelRef();
  const [range, setRange] = useQueryForm('steady', { from: '-0.8', to: '0', step: '0.05' });
  // each result keeps the inputs it was solved for and is shown only while they are still the form's inputs
  const [steadyResult, setSteady] = useState<{ key: string; points: SteadyPoint[] } | null>(null);
  const steadyKey = JSON.stringify([ref, range]);
  const steady = steadyResult?.key === steadyKey ? steadyResult.points : null;
  const [steadyProblems, setSteadyProblems] = useState<string[]>([]);
  const [steadyBusy, setSteadyBusy] = useState(false);
  const [pulse, setPulse] = useQueryForm('pulse', { e1: '-0.5', t1: '1', e2: '-0.1', t2: '1', periods: '20' });
  const [pulseKeyed, setPulseResult] = useState<{ key: string; result: PulseResult } | null>(null);
  const pulseKey = JSON.stringify([ref, pulse]);
  const pulseResult = pulseKeyed?.key === pulseKey ? pulseKeyed.result : null;
  const [pulseProblems, setPulseProblems] = useState<string[]>([]);
  const [pulseBusy, setPulseBusy] = useState(false);
  const descriptors = descriptorNames(ref, models);
  const [sweepForm, setSweep] = useQueryForm('sweep', { x: 'dG_NO', xFrom: '-1.5', xTo: '0.5', y: 'dG_CO', yFrom: '-0.5', yTo: '1.0', points: '40' });
  // a descriptor the model does not have falls back to the model's first (or second) one
  const sweep = {
    ...sweepForm,
    x: descriptors.includes(sweepForm.x) ? sweepForm.x : (descriptors[0] ?? sweepForm.x),
    y: descriptors.includes(sweepForm.y) ? sweepForm.y : (descriptors[1] ?? descriptors[0] ?? sweepForm.y),
  };
  const [job, setJob] = useState<JobState | null>(null);
  const [sweepResult, setSweepSpec] = useState<{ key: string; spec: object } | null>(null);
  const sweepKey = JSON.stringify([ref, sweep]);
  const sweepSpec = sweepResult?.key === sweepKey ? sweepResult.spec : null;
  const [sweepProblems, setSweepProblems] = useState<string[]>([]);
  const modelLabels = { modelText: 'Model file', model: 'Model' };
  const pasting = ref.modelText !== undefined && ref.modelText.trim() === '';

  const runSteady = async (e?: FormEvent) => {
    e?.preventDefault();
    const { values, problems } = readNumbers(range, {
      from: { label: 'from (V vs RHE)', units: VOLT },
      to: { label: 'to (V vs RHE)', units: VOLT },
      step: { label: 'step (V)', units: VOLT },
    });
    if (values.step !== undefined && values.step === 0) problems.push('step (V) must not be 0');
    if (pasting) problems.push('Model file is empty: paste a model or copy a built-in one first');
    if (problems.length) {
      setSteady(null);
      return setSteadyProblems(problems);
    }
    const [from, to, step] = [values.from!, values.to!, Math.abs(values.step!)];
    const n = Math.floor(Math.abs(to - from) / step + 1e-9) + 1;
    if (n > 400) {
      setSteady(null);
      return setSteadyProblems([`from, to and step give ${n} potentials; at most 400 — use a larger step (V)`]);
    }
    const potentials = Array.from({ length: n }, (_, i) => from + Math.sign(to - from || 1) * i * step);
    setSteadyBusy(true);
    try {
      setSteady({ key: steadyKey, points: await api.post<SteadyPoint[]>('/api/kinetics/steady', { ...ref, potentialsVvsRHE: potentials }) });
      setSteadyProblems([]);
    } catch (err) {
      setSteady(null);
      setSteadyProblems(explainError(err, { ...modelLabels, potentialsVvsRHE: 'Potentials' }));
    } finally {
      setSteadyBusy(false);
    }
  };
  // another model: the previous model's results go (a pasted model starts blank until solved)
  useEffect(() => {
    setSteady(null);
    setPulseResult(null);
    setSweepSpec(null);
    setJob(null);
    if (ref.model) void runSteady();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only another model clears and re-solves; runSteady is a new function every render
  }, [ref.model]);

  const runPulse = async (e: FormEvent) => {
    e.preventDefault();
    const { values, problems } = readNumbers(pulse, {
      e1: { label: 'E1 (V vs RHE)', units: VOLT },
      t1: { label: 't1 (s)', units: SECOND, min: 0 },
      e2: { label: 'E2 (V vs RHE)', units: VOLT },
      t2: { label: 't2 (s)', units: SECOND, min: 0 },
      periods: { label: 'periods', integer: true, min: 1 },
    });
    if (pasting) problems.push('Model file is empty: paste a model or copy a built-in one first');
    if (problems.length) {
      setPulseResult(null);
      return setPulseProblems(problems);
    }
    setPulseBusy(true);
    try {
      setPulseResult({
        key: pulseKey,
        result: await api.post<PulseResult>('/api/kinetics/pulse', {
          ...ref,
          e1V: values.e1,
          t1S: values.t1,
          e2V: values.e2,
          t2S: values.t2,
          periods: values.periods,
        }),
      });
      setPulseProblems([]);
    } catch (err) {
      setPulseResult(null);
      setPulseProblems(explainError(err, { ...modelLabels, e1V: 'E1 (V vs RHE)', t1S: 't1 (s)', e2V: 'E2 (V vs RHE)', t2S: 't2 (s)', periods: 'periods' }));
    } finally {
      setPulseBusy(false);
    }
  };

  /** Runs the volcano sweep; `resumeFrom` (a cancelled sweep's id) keeps the rows that one finished. */
  const runSweep = async (resumeFrom?: string) => {
    setSweepSpec(null);
    const { xFrom, xTo, yFrom, yTo, points } = sweep;
    const { values: v, problems } = readNumbers(
      { xFrom, xTo, yFrom, yTo, points },
      {
        xFrom: { label: 'x from (eV)', units: EV },
        xTo: { label: 'x to (eV)', units: EV },
        yFrom: { label: 'y from (eV)', units: EV },
        yTo: { label: 'y to (eV)', units: EV },
        points: { label: 'points per axis', integer: true, min: 2 },
      },
    );
    if (!descriptors.length)
      problems.push(pasting ? 'Model file is empty: paste a model or copy a built-in one first' : 'the model has no descriptors to sweep');
    if (problems.length) {
      setJob(null);
      return setSweepProblems(problems);
    }
    try {
      const body = {
        ...ref,
        x: { name: sweep.x, from: v.xFrom, to: v.xTo, points: v.points },
        y: { name: sweep.y, from: v.yFrom, to: v.yTo, points: v.points },
        ...(resumeFrom ? { resumeFrom } : {}),
      };
      setSweepProblems([]);
      const done = await runJob('/api/kinetics/sweeps', body, setJob);
      const result = await api.get<{ spec: object }>(`/api/kinetics/sweeps/${done.id}/result`);
      setSweepSpec({ key: sweepKey, spec: result.spec });
    } catch (err) {
      setSweepProblems(explainError(err, { ...modelLabels, x: 'x', y: 'y' }));
    }
  };
  return (
    <section>
      <h1>Kinetics</h1>
      <p className="lead">
        Mean-field microkinetics: steady states by Newton on log-coverages (verified residuals), pulsed potentials by stiff (Rosenbrock) integration, descriptor
        volcanoes on worker threads.
      </p>
      <div className="controls">
        <ModelPicker models={models} value={ref} onChange={setRef} />
      </div>
      <h2>Polarization curve and FE vs potential</h2>
      <form className="inline-form" onSubmit={runSteady} aria-label="polarization curve">
        {textField(range, setRange, 'from', 'from (V vs RHE)')}
        {textField(range, setRange, 'to', 'to (V vs RHE)')}
        {textField(range, setRange, 'step', 'step (V)')}
        <button type="submit" disabled={steadyBusy}>
          {steadyBusy ? 'Solving…' : 'Solve'}
        </button>
      </form>
      <Problems problems={steadyProblems} label="polarization curve problems" />
      {steady && (
        <>
          <p className="muted small" data-testid="steady-summary">
            {steady.filter((p) => p.converged).length} of {steady.length} potentials converged; largest residual{' '}
            {Math.max(...steady.map((p) => p.residual)).toExponential(1)}
          </p>
          <VegaChart spec={polarizationSpec(steady)} label="FE and current vs potential" name={`cncouple-polarization-${ref.model ?? 'pasted-model'}`} />
        </>
      )}
      <h2>Pulsed potential</h2>
      <form className="inline-form" onSubmit={runPulse} aria-label="pulsed potential">
        {textField(pulse, setPulse, 'e1', 'E1 (V vs RHE)')}
        {textField(pulse, setPulse, 't1', 't1 (s)')}
        {textField(pulse, setPulse, 'e2', 'E2 (V vs RHE)')}
        {textField(pulse, setPulse, 't2', 't2 (s)')}
        {textField(pulse, setPulse, 'periods', 'periods')}
        <button type="submit" disabled={pulseBusy} aria-busy={pulseBusy}>
          {pulseBusy ? 'Simulating…' : 'Simulate'}
        </button>
      </form>
      {pulseBusy && (
        <p className="loading" role="status">
          Integrating the pulse program…
        </p>
      )}
      <Problems problems={pulseProblems} label="pulse problems" />
      {pulseResult && (
        <>
          <p className="muted small" data-testid="pulse-summary">
            Periodic steady state from period {pulseResult.periodicFromPeriod ?? '— (not reached)'}; {pulseResult.steps} integration steps. Last period:{' '}
            {Object.entries(pulseResult.periods.at(-1)!.faradaicEfficiency)
              .map(([p, fe]) => `${p} ${fe === null ? '— (no net electrons)' : `${(100 * fe).toFixed(1)} %`}`)
              .join(', ')}
          </p>
          <VegaChart spec={pulseSpec(pulseResult)} label="period-averaged FE" name={`cncouple-pulse-fe-${ref.model ?? 'pasted-model'}`} />
        </>
      )}
      <h2>Descriptor volcano</h2>
      <form
        className="inline-form"
        aria-label="descriptor volcano"
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
        <button type="submit" disabled={job?.status === 'running'}>
          Run sweep
        </button>
      </form>
      <Problems problems={sweepProblems} label="sweep problems" />
      {job && <JobProgress job={job} unit="points" label="sweep progress" />}
      {job?.status === 'running' && (
        <button
          type="button"
          onClick={() => void api.del<JobState>(`/api/kinetics/sweeps/${job.id}`).then(setJob, (err: Error) => setSweepProblems([err.message]))}
        >
          Cancel sweep
        </button>
      )}
      {job?.status === 'cancelled' && (
        <button type="button" onClick={() => void runSweep(job.id)}>
          Resume sweep (the rows it finished are kept)
        </button>
      )}
      {sweepSpec && <VegaChart spec={sweepSpec} label="volcano heat map" name={`cncouple-volcano-${sweep.x}-${sweep.y}`} />}
      <h2>Model vs measurement</h2>
      <ModelVsMeasurement models={models} modelRef={ref} />
    </section>
  );
}
