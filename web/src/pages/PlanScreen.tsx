import { type FormEvent, useEffect, useMemo, useState } from 'react';
import { OPTIMIZE_DEFAULTS, defaultLocalBudget } from '../../../src/ml/optimizeDefaults.js';
import { DEFAULT_MULTI_OBJECTIVE_ACQUISITION } from '../../../src/ml/planDefaults.js';
import { api } from '../api.js';
import { CampaignBar, type CampaignRef, type SavedCampaign } from '../campaigns.js';
import { VegaChart } from '../chart.js';
import { Problems, explainError } from '../forms.js';
import { JobProgress, type JobState, runJob } from '../jobProgress.js';
import { ModelPicker, useModelRef, useModels } from '../models.js';
import { readRoute, useQueryForm, useTitle } from '../route.js';
import { textField } from '../textField.js';

/** One row of the parameter-space form (kept as text until the space is built). */
interface ParameterRow {
  name: string;
  type: 'continuous' | 'integer';
  low: string;
  high: string;
  log: boolean;
}
interface ObjectiveRow {
  name: string;
  goal: 'maximize' | 'minimize';
}
interface Suggestion {
  parameters: Record<string, number | string>;
  predictions: Record<string, { mean: number; sd: number }> | null;
  /** ln of the acquisition `method` names: EI (log-ei, parego) or EHVI (ehvi); null for space-filling. */
  logAcquisition: number | null;
}
interface AskResult {
  method: string;
  suggestions: Suggestion[];
  completedRuns: number;
  pendingRuns: number;
  warnings: string[];
}
interface StatusResult {
  completedRuns: number;
  pendingRuns: number;
  best: Record<string, { line: number; parameters: Record<string, number | string>; objectives: Record<string, number> }>;
  paritySpec: object | null;
  paretoSpec: object | null;
  warnings: string[];
}
interface Evaluation {
  inputs: Record<string, number>;
  /** `global`: asked of the Bayesian optimization; `local`: a line-search step of the local phase. */
  phase: 'global' | 'local';
  status: 'ok' | 'unconverged' | 'unresolved';
  value: number | null;
  message?: string;
  bestSoFar: number | null;
}
interface Quantity {
  median: number;
  p05: number;
  p95: number;
}
interface ScreenResult {
  product: string;
  topK: number;
  candidates: { name: string; log10Tof: Quantity; fe: Quantity; pTopK: number; failedFraction: number }[];
  warnings: string[];
}
/**
 * What "auto" local evaluations give for the form's evaluations and varied inputs (the API's rule, one definition:
 * src/ml/optimizeDefaults.ts), e.g. "auto: 0 (⌊0.3 × evaluations⌋ once there are 10 per varied input)".
 */
function localHint(form: { vary: string; budget: string }): string {
  const D = OPTIMIZE_DEFAULTS;
  const rule = `⌊${D.localShare} × evaluations⌋ once there are ${D.localMinBudgetPerInput} per varied input; 0: none`;
  const budget = Number(form.budget);
  const inputs = form.vary.trim().split(/\s+/).filter(Boolean).length;
  return Number.isInteger(budget) && budget >= 3 && inputs > 0 ? `auto: ${defaultLocalBudget(budget, inputs)} here (${rule})` : `auto: ${rule}`;
}

/** "auto" in the local-evaluations field (any case): the API's default rule, `localBudget` left out. */
const isAuto = (text: string) => text.trim().toLowerCase() === 'auto';

interface OptimizeResult {
  objective: { quantity: string; product: string };
  best: { inputs: Record<string, number>; value: number } | null;
  trace: Evaluation[];
  failures: number;
}

/**
 * Where this browser keeps its working copy of the campaign (space, runs, and which saved campaign it is) between
 * visits: the offline fallback. Campaigns are saved on the server with Save (`/api/campaigns`); a page opened with
 * `?campaign=<id>` shows the server's copy.
 */
const STORE = 'cncouple.planCampaign';

/**
 * The example campaign shown on a first visit: a made-up test function, not measurements,
 * y = x(1 − x) + 0.1·log10(c / mM), at five points.
 */
const EXAMPLE_PARAMETERS: ParameterRow[] = [
  { name: 'x', type: 'continuous', low: '0', high: '1', log: false },
  { name: 'c_mM', type: 'continuous', low: '1', high: '1000', log: true },
];
const EXAMPLE_OBJECTIVES: ObjectiveRow[] = [{ name: 'y', goal: 'maximize' }];
const EXAMPLE_RUNS = 'x,c_mM,y\n0.1,10,0.19\n0.3,300,0.4577\n0.5,30,0.3977\n0.7,3,0.2577\n0.9,100,0.29\n';

const font = 'DejaVu Sans, Helvetica, Arial, sans-serif';
const fmt = (x: number | null | undefined, d = 4) => (x === null || x === undefined || !Number.isFinite(x) ? '—' : Number(x.toPrecision(d)).toString());

/** The space of the form as the API's object (numbers parsed; a bad number stays text, so the server names it). */
function spaceFromForm(parameters: ParameterRow[], objectives: ObjectiveRow[]) {
  const num = (s: string) => (s.trim() !== '' && Number.isFinite(Number(s)) ? Number(s) : s);
  return {
    parameters: parameters.map((p) => ({ name: p.name, type: p.type, low: num(p.low), high: num(p.high), ...(p.log ? { scale: 'log' } : {}) })),
    objectives: objectives.map((o) => ({ name: o.name, goal: o.goal })),
  };
}

/** Best-so-far and every evaluation's value against the evaluation number (failed evaluations are not drawn). */
function bestSoFarSpec(trace: Evaluation[], label: string) {
  const rows = trace.flatMap((t, i) => [
    ...(t.value !== null ? [{ n: i + 1, v: t.value, series: 'evaluation' }] : []),
    ...(t.bestSoFar !== null ? [{ n: i + 1, v: t.bestSoFar, series: 'best so far' }] : []),
  ]);
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    config: { font },
    title: { text: 'Virtual-lab optimization', subtitle: 'best so far (line) and each successful evaluation (points)' },
    width: 'container',
    height: 260,
    data: { values: rows },
    layer: [
      {
        transform: [{ filter: "datum.series === 'best so far'" }],
        mark: { type: 'line', interpolate: 'step-after' },
        encoding: {
          x: { field: 'n', type: 'quantitative', title: 'evaluation' },
          y: { field: 'v', type: 'quantitative', title: label, scale: { zero: false } },
          color: { field: 'series', type: 'nominal', title: null },
        },
      },
      {
        transform: [{ filter: "datum.series === 'evaluation'" }],
        mark: { type: 'point', filled: true },
        encoding: {
          x: { field: 'n', type: 'quantitative' },
          y: { field: 'v', type: 'quantitative' },
          color: { field: 'series', type: 'nominal', title: null },
        },
      },
    ],
  };
}

/** Gap of the best-so-far to the best value found: a regret curve against the best found (the model's true optimum is not known here). */
function gapSpec(trace: Evaluation[], label: string) {
  const best = Math.max(...trace.flatMap((t) => (t.value === null ? [] : [t.value])));
  const rows = trace.flatMap((t, i) => (t.bestSoFar === null ? [] : [{ n: i + 1, gap: best - t.bestSoFar }]));
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    config: { font },
    title: { text: 'Gap to the best value found', subtitle: 'regret against the best found, not the model’s true optimum (unknown here)' },
    width: 'container',
    height: 220,
    data: { values: rows },
    mark: { type: 'line', point: true, interpolate: 'step-after' },
    encoding: { x: { field: 'n', type: 'quantitative', title: 'evaluation' }, y: { field: 'gap', type: 'quantitative', title: `gap (${label})` } },
  };
}

/**
 * The form rows of a saved space, when the form can show it (continuous and integer parameters with numeric
 * bounds, objectives, nothing else); null for text, categorical parameters, constraints or units.
 */
function formRowsOf(space: SavedCampaign['space']): { parameters: ParameterRow[]; objectives: ObjectiveRow[] } | null {
  if (typeof space === 'string') return null;
  const only = (o: object, keys: string[]) => Object.keys(o).every((k) => keys.includes(k));
  const { parameters, objectives, constraints } = space as { parameters?: unknown; objectives?: unknown; constraints?: unknown };
  if (!Array.isArray(parameters) || !Array.isArray(objectives) || !only(space, ['parameters', 'objectives', 'constraints'])) return null;
  if (constraints !== undefined && !(Array.isArray(constraints) && constraints.length === 0)) return null;
  const rows: ParameterRow[] = [];
  for (const p of parameters as Record<string, unknown>[]) {
    if (typeof p !== 'object' || p === null || !only(p, ['name', 'type', 'low', 'high', 'scale'])) return null;
    if ((p.type !== 'continuous' && p.type !== 'integer') || typeof p.name !== 'string' || typeof p.low !== 'number' || typeof p.high !== 'number') return null;
    if (p.scale !== undefined && p.scale !== 'linear' && !(p.scale === 'log' && p.type === 'continuous')) return null;
    rows.push({ name: p.name, type: p.type, low: String(p.low), high: String(p.high), log: p.scale === 'log' });
  }
  const goals: ObjectiveRow[] = [];
  for (const o of objectives as Record<string, unknown>[]) {
    if (typeof o !== 'object' || o === null || !only(o, ['name', 'goal']) || typeof o.name !== 'string' || (o.goal !== 'maximize' && o.goal !== 'minimize'))
      return null;
    goals.push({ name: o.name, goal: o.goal });
  }
  return { parameters: rows, objectives: goals };
}

function loadStored(): {
  parameters: ParameterRow[];
  objectives: ObjectiveRow[];
  spaceText: string;
  mode: 'form' | 'text';
  runs: string;
  campaign: CampaignRef;
} {
  const fallback = {
    parameters: EXAMPLE_PARAMETERS,
    objectives: EXAMPLE_OBJECTIVES,
    spaceText: '',
    mode: 'form' as const,
    runs: EXAMPLE_RUNS,
    campaign: { id: null, name: '' } as CampaignRef,
  };
  try {
    return { ...fallback, ...(JSON.parse(localStorage.getItem(STORE) ?? '{}') as Partial<typeof fallback>) };
  } catch {
    return fallback;
  }
}

/** Plan & screen: ask/tell experiment planning over a parameter space, and the virtual-lab optimizer. */
export function PlanScreen() {
  useTitle('Plan & screen');
  const stored = useMemo(loadStored, []);
  const [parameters, setParameters] = useState<ParameterRow[]>(stored.parameters);
  const [objectives, setObjectives] = useState<ObjectiveRow[]>(stored.objectives);
  const [mode, setMode] = useState<'form' | 'text'>(stored.mode);
  const [spaceText, setSpaceText] = useState(stored.spaceText);
  const [runs, setRuns] = useState(stored.runs);
  const [campaign, setCampaign] = useState<CampaignRef>(stored.campaign);
  useEffect(() => {
    localStorage.setItem(STORE, JSON.stringify({ parameters, objectives, spaceText, mode, runs, campaign }));
  }, [parameters, objectives, spaceText, mode, runs, campaign]);
  const initialCampaignId = useMemo(() => readRoute().query.get('campaign'), []);
  const [askForm, setAskForm] = useQueryForm('plan', { batch: '3', seed: '0', acquisition: DEFAULT_MULTI_OBJECTIVE_ACQUISITION as string });
  const [planProblems, setPlanProblems] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);

  const space = () => (mode === 'form' ? spaceFromForm(parameters, objectives) : spaceText);
  // suggestions and status keep the space, runs and settings they were fitted to and are shown only while those are the page's
  const [plan, setPlan] = useState<{ key: string; ask: AskResult; status: StatusResult } | null>(null);
  const planKey = JSON.stringify([space(), runs, askForm]);
  const ask = plan?.key === planKey ? plan.ask : null;
  const status = plan?.key === planKey ? plan.status : null;
  const toText = () => {
    setSpaceText(JSON.stringify(spaceFromForm(parameters, objectives), null, 2));
    setMode('text');
  };
  const showCampaign = (c: SavedCampaign) => {
    const rows = formRowsOf(c.space);
    if (rows) {
      setParameters(rows.parameters);
      setObjectives(rows.objectives);
      setMode('form');
    } else {
      setSpaceText(typeof c.space === 'string' ? c.space : JSON.stringify(c.space, null, 2));
      setMode('text');
    }
    setRuns(c.runs);
    setCampaign({ id: c.id, name: c.name });
    setPlan(null);
    setPlanProblems([]);
  };
  const setParam = (i: number, patch: Partial<ParameterRow>) => setParameters(parameters.map((p, k) => (k === i ? { ...p, ...patch } : p)));
  const setObjective = (i: number, patch: Partial<ObjectiveRow>) => setObjectives(objectives.map((o, k) => (k === i ? { ...o, ...patch } : o)));

  const suggest = async (e: FormEvent) => {
    e.preventDefault();
    const batch = Number(askForm.batch);
    const seed = Number(askForm.seed);
    const problems = [
      ...(Number.isInteger(batch) && batch >= 1 && batch <= 50 ? [] : [`suggestions: an integer from 1 to 50 (got "${askForm.batch}")`]),
      ...(Number.isInteger(seed) && seed >= 0 ? [] : [`seed: a whole number ≥ 0 (got "${askForm.seed}")`]),
    ];
    if (problems.length) return setPlanProblems(problems);
    setBusy(true);
    setPlanProblems([]);
    try {
      const body = { space: space(), runs, seed };
      const [a, s] = await Promise.all([
        // only a non-default choice is sent: the default applies to two objectives and one objective uses log-EI
        api.post<AskResult>('/api/plan/ask', {
          ...body,
          batch,
          ...(askForm.acquisition !== DEFAULT_MULTI_OBJECTIVE_ACQUISITION ? { acquisition: askForm.acquisition } : {}),
        }),
        api.post<StatusResult>('/api/plan/status', body),
      ]);
      setPlan({ key: planKey, ask: a, status: s });
    } catch (err) {
      setPlan(null);
      setPlanProblems(explainError(err, { space: 'parameter space', runs: 'runs CSV', acquisition: 'two objectives by' }));
    } finally {
      setBusy(false);
    }
  };

  const objectiveNames = ask?.suggestions.find((s) => s.predictions)?.predictions ? Object.keys(ask.suggestions.find((s) => s.predictions)!.predictions!) : [];
  const parameterNames = ask?.suggestions[0] ? Object.keys(ask.suggestions[0].parameters) : [];

  // virtual lab
  const models = useModels();
  const [modelRef, setModelRef] = useModelRef();
  // local evaluations start at the API's default rule ("auto": localBudget left out; src/ml/optimizeDefaults.ts)
  const [labForm, setLabForm] = useQueryForm('lab', { vary: 'dG_NO:-1.5:0.5', objective: 'log10Tof:urea', budget: '12', localBudget: 'auto', seed: '0' });
  // a job keeps the key of the model and settings it ran with; its result shows only while they are the page's (as the suggestions)
  const [labJob, setLabJob] = useState<(JobState<OptimizeResult> & { spec?: object | null; key: string }) | null>(null);
  const labKey = JSON.stringify([modelRef, labForm]);
  const [labProblems, setLabProblems] = useState<string[]>([]);
  const runLab = async (e: FormEvent) => {
    e.preventDefault();
    const vary = labForm.vary
      .trim()
      .split(/\s+/)
      .map((t) => t.split(':'));
    const problems = vary.flatMap((v, i) =>
      v.length === 3 && v[0] && v.slice(1).every((x) => x.trim() !== '' && Number.isFinite(Number(x)))
        ? []
        : [`vary: NAME:low:high separated by spaces, e.g. dG_NO:-1.5:0.5 (item ${i + 1}: "${v.join(':')}")`],
    );
    const budget = Number(labForm.budget);
    if (!(Number.isInteger(budget) && budget >= 3 && budget <= 200)) problems.push(`evaluations: an integer from 3 to 200 (got "${labForm.budget}")`);
    const autoLocal = isAuto(labForm.localBudget);
    const localBudget = autoLocal ? undefined : labForm.localBudget.trim() === '' ? NaN : Number(labForm.localBudget);
    if (!autoLocal && !(Number.isInteger(localBudget) && localBudget! >= 0 && localBudget! <= Math.max(0, budget - 3)))
      problems.push(
        `local evaluations: a whole number from 0 to evaluations − 3${Number.isInteger(budget) ? ` (${Math.max(0, budget - 3)})` : ''}, or "auto" (got "${labForm.localBudget}")`,
      );
    const seed = Number(labForm.seed);
    if (!(Number.isInteger(seed) && seed >= 0)) problems.push(`seed: a whole number ≥ 0 (got "${labForm.seed}")`);
    if (problems.length) return setLabProblems(problems);
    setLabProblems([]);
    setLabJob(null);
    const key = labKey;
    try {
      const body = {
        ...modelRef,
        vary: vary.map(([name, low, high]) => ({ name, low: Number(low), high: Number(high) })),
        objective: labForm.objective,
        budget,
        ...(localBudget === undefined ? {} : { localBudget }),
        seed,
      };
      await runJob<JobState<OptimizeResult> & { spec?: object | null }>('/api/kinetics/optimize', body, (state) => setLabJob({ ...state, key }), 300);
    } catch (err) {
      setLabProblems(explainError(err, { vary: 'vary', objective: 'objective', model: 'model', budget: 'evaluations', localBudget: 'local evaluations' }));
    }
  };
  const cancelLab = async () => {
    if (labJob) await api.del(`/api/kinetics/optimize/${encodeURIComponent(labJob.id)}`).catch(() => {});
  };
  // screening
  const [screenText, setScreenText] = useState('name,dG_NO,dG_CO\nA,-1.0,-0.1\nB,-0.6,0.3\nC,-1.2,0.1\n');
  const [screenForm, setScreenForm] = useQueryForm('screen', { sigmaEv: '0.1', samples: '200', topK: '1', seed: '0' });
  const [screenJob, setScreenJob] = useState<(JobState<ScreenResult> & { spec?: object; key: string }) | null>(null);
  const screenKey = JSON.stringify([modelRef, screenText, screenForm]);
  const [screenProblems, setScreenProblems] = useState<string[]>([]);
  const runScreen = async (e: FormEvent) => {
    e.preventDefault();
    const [sigmaEv, samples, topK, seed] = (['sigmaEv', 'samples', 'topK', 'seed'] as const).map((k) => Number(screenForm[k]));
    const problems = [
      ...(Number.isFinite(sigmaEv) && sigmaEv! >= 0 ? [] : [`σ: a number ≥ 0 in eV (got "${screenForm.sigmaEv}")`]),
      ...(Number.isInteger(samples) && samples! >= 10 && samples! <= 20000 ? [] : [`samples: an integer from 10 to 20000 (got "${screenForm.samples}")`]),
      ...(Number.isInteger(topK) && topK! >= 1 ? [] : [`top k: a whole number ≥ 1 (got "${screenForm.topK}")`]),
      ...(Number.isInteger(seed) && seed! >= 0 ? [] : [`seed: a whole number ≥ 0 (got "${screenForm.seed}")`]),
    ];
    if (problems.length) return setScreenProblems(problems);
    setScreenProblems([]);
    setScreenJob(null);
    const key = screenKey;
    try {
      await runJob<JobState<ScreenResult> & { spec?: object }>(
        '/api/screen',
        { ...modelRef, candidates: screenText, sigmaEv, samples, topK, seed },
        (state) => setScreenJob({ ...state, key }),
        300,
      );
    } catch (err) {
      setScreenProblems(explainError(err, { candidates: 'candidates CSV', model: 'model' }));
    }
  };
  const result = labJob?.key === labKey ? labJob.result : undefined;
  const screened = screenJob?.key === screenKey ? screenJob : null;
  const label = result ? (result.objective.quantity === 'fe' ? `FE of ${result.objective.product}` : `log10 TOF of ${result.objective.product} (s⁻¹)`) : '';

  return (
    <section className="plan-screen">
      <h1>Plan &amp; screen</h1>
      <p className="lead">
        Plan the next experiments of a campaign (Gaussian-process surrogate; space-filling start, then log expected improvement, expected hypervolume
        improvement for two objectives; see docs/ml.md), and optimize a kinetic model in a virtual lab. Save a campaign (its space and runs) on the server to
        find it again after a restart or on another device; this browser also keeps its working copy. The example runs are a made-up test function, y = x(1 − x)
        + 0.1·log10(c/mM), to show the format.
      </p>
      <h2>Experiment planning</h2>
      <CampaignBar value={campaign} onChange={setCampaign} current={() => ({ space: space(), runs })} onLoad={showCampaign} initialId={initialCampaignId} />
      <form onSubmit={suggest} aria-label="experiment planning">
        <fieldset>
          <legend>Parameter space</legend>
          {mode === 'form' ? (
            <>
              <div className="table-wrap">
                <table>
                  <thead>
                    <tr>
                      <th>parameter</th>
                      <th>type</th>
                      <th>low</th>
                      <th>high</th>
                      <th>log</th>
                      <th />
                    </tr>
                  </thead>
                  <tbody>
                    {parameters.map((p, i) => (
                      <tr key={i}>
                        <td>
                          <input value={p.name} onChange={(e) => setParam(i, { name: e.target.value })} aria-label={`parameter ${i + 1} name`} size={12} />
                        </td>
                        <td>
                          <select
                            value={p.type}
                            onChange={(e) => setParam(i, { type: e.target.value as ParameterRow['type'] })}
                            aria-label={`parameter ${i + 1} type`}
                          >
                            <option>continuous</option>
                            <option>integer</option>
                          </select>
                        </td>
                        <td>
                          <input
                            value={p.low}
                            onChange={(e) => setParam(i, { low: e.target.value })}
                            inputMode="decimal"
                            aria-label={`parameter ${i + 1} low`}
                            size={6}
                          />
                        </td>
                        <td>
                          <input
                            value={p.high}
                            onChange={(e) => setParam(i, { high: e.target.value })}
                            inputMode="decimal"
                            aria-label={`parameter ${i + 1} high`}
                            size={6}
                          />
                        </td>
                        <td>
                          <input
                            type="checkbox"
                            checked={p.log}
                            onChange={(e) => setParam(i, { log: e.target.checked })}
                            aria-label={`parameter ${i + 1} log scale`}
                          />
                        </td>
                        <td>
                          <button type="button" onClick={() => setParameters(parameters.filter((_, k) => k !== i))} aria-label={`remove parameter ${i + 1}`}>
                            ×
                          </button>
                        </td>
                      </tr>
                    ))}
                    {objectives.map((o, i) => (
                      <tr key={`o${i}`}>
                        <td>
                          <input value={o.name} onChange={(e) => setObjective(i, { name: e.target.value })} aria-label={`objective ${i + 1} name`} size={12} />
                        </td>
                        <td colSpan={4}>
                          <select
                            value={o.goal}
                            onChange={(e) => setObjective(i, { goal: e.target.value as ObjectiveRow['goal'] })}
                            aria-label={`objective ${i + 1} goal`}
                          >
                            <option>maximize</option>
                            <option>minimize</option>
                          </select>{' '}
                          (objective)
                        </td>
                        <td>
                          <button
                            type="button"
                            onClick={() => setObjectives(objectives.filter((_, k) => k !== i))}
                            aria-label={`remove objective ${i + 1}`}
                            disabled={objectives.length === 1}
                          >
                            ×
                          </button>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <div className="inline-form">
                <button
                  type="button"
                  onClick={() => setParameters([...parameters, { name: `x${parameters.length + 1}`, type: 'continuous', low: '0', high: '1', log: false }])}
                >
                  Add parameter
                </button>
                <button
                  type="button"
                  onClick={() => setObjectives([...objectives, { name: `y${objectives.length + 1}`, goal: 'maximize' }])}
                  disabled={objectives.length >= 2}
                >
                  Add objective
                </button>
                <button type="button" onClick={toText}>
                  Edit as YAML/JSON (categorical parameters, constraints)
                </button>
              </div>
            </>
          ) : (
            <>
              <label className="block">
                Space as YAML or JSON (docs/ml.md)
                <textarea
                  value={spaceText}
                  onChange={(e) => setSpaceText(e.target.value)}
                  rows={10}
                  spellCheck={false}
                  aria-label="parameter space (YAML or JSON)"
                />
              </label>
              <button type="button" onClick={() => setMode('form')}>
                Back to the form (the text is not read into it)
              </button>
            </>
          )}
        </fieldset>
        <fieldset>
          <legend>Runs so far</legend>
          <label className="block">
            CSV: one column per parameter and objective; an empty objective = run in flight
            <textarea value={runs} onChange={(e) => setRuns(e.target.value)} rows={8} spellCheck={false} aria-label="runs CSV" />
          </label>
          <label>
            or upload a CSV file{' '}
            <input
              type="file"
              accept=".csv,text/csv,text/plain"
              aria-label="upload runs CSV"
              onChange={(e) => void e.target.files?.[0]?.text().then(setRuns)}
            />
          </label>
        </fieldset>
        <div className="inline-form">
          {textField(askForm, setAskForm, 'batch', 'suggestions')}
          {textField(askForm, setAskForm, 'seed', 'seed')}
          <label>
            two objectives by
            <select
              value={askForm.acquisition}
              onChange={(e) => setAskForm({ ...askForm, acquisition: e.target.value })}
              aria-label="two-objective acquisition"
            >
              <option value="ehvi">expected hypervolume improvement</option>
              <option value="parego">ParEGO (scalarizations)</option>
            </select>
          </label>
          <button type="submit" disabled={busy}>
            {busy ? 'Fitting…' : 'Suggest next runs'}
          </button>
        </div>
      </form>
      <Problems problems={planProblems} label="planning problems" />
      {ask && (
        <>
          <p data-testid="ask-summary">
            {ask.suggestions.length} suggestion(s) by {ask.method} from {ask.completedRuns} finished and {ask.pendingRuns} in-flight run(s).
          </p>
          <div className="table-wrap">
            <table aria-label="suggestions">
              <thead>
                <tr>
                  <th>#</th>
                  {parameterNames.map((n) => (
                    <th key={n}>{n}</th>
                  ))}
                  {objectiveNames.map((n) => (
                    <th key={n}>{n} predicted (mean ± sd)</th>
                  ))}
                  <th>{ask.method === 'ehvi' ? 'ln EHVI' : 'ln EI'}</th>
                </tr>
              </thead>
              <tbody>
                {ask.suggestions.map((s, i) => (
                  <tr key={i}>
                    <td>{i + 1}</td>
                    {parameterNames.map((n) => (
                      <td key={n}>{typeof s.parameters[n] === 'number' ? fmt(s.parameters[n] as number) : s.parameters[n]}</td>
                    ))}
                    {objectiveNames.map((n) => (
                      <td key={n}>{s.predictions?.[n] ? `${fmt(s.predictions[n].mean)} ± ${fmt(s.predictions[n].sd, 2)}` : '—'}</td>
                    ))}
                    <td>{fmt(s.logAcquisition, 3)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {ask.warnings.map((w) => (
            <p key={w} className="note">
              Note: {w}
            </p>
          ))}
        </>
      )}
      {status && (
        <>
          {Object.entries(status.best).map(([name, run]) => (
            <p key={name}>
              Best {name}: {fmt(run.objectives[name])} (line {run.line}:{' '}
              {Object.entries(run.parameters)
                .map(([k, v]) => `${k} = ${typeof v === 'number' ? fmt(v) : v}`)
                .join(', ')}
              )
            </p>
          ))}
          {status.paritySpec && <VegaChart spec={status.paritySpec} label="surrogate parity (leave-one-out)" name="cncouple-plan-parity" />}
          {status.paretoSpec && <VegaChart spec={status.paretoSpec} label="Pareto front" name="cncouple-plan-pareto" />}
          {status.warnings
            .filter((w) => !ask?.warnings.includes(w))
            .map((w) => (
              <p key={w} className="note">
                Note: {w}
              </p>
            ))}
        </>
      )}

      <h2>Virtual lab: optimize a kinetic model</h2>
      <p className="lead">
        Bayesian optimization through the steady state of a model: each evaluation is one steady-state solve; failed solves are reported and never used as
        numbers.
      </p>
      <ModelPicker models={models} value={modelRef} onChange={setModelRef} />
      <form className="inline-form" onSubmit={runLab} aria-label="virtual lab">
        <label>
          vary (NAME:low:high …)
          <input className="wide" value={labForm.vary} onChange={(e) => setLabForm({ ...labForm, vary: e.target.value })} aria-label="vary" />
        </label>
        <label>
          objective
          <input value={labForm.objective} onChange={(e) => setLabForm({ ...labForm, objective: e.target.value })} aria-label="objective" />
        </label>
        {textField(labForm, setLabForm, 'budget', 'evaluations')}
        {textField(labForm, setLabForm, 'localBudget', 'local evaluations', undefined, localHint(labForm))}
        {textField(labForm, setLabForm, 'seed', 'seed')}
        <button type="submit" disabled={labJob?.status === 'running'}>
          Optimize
        </button>
        {labJob?.status === 'running' && (
          <button type="button" onClick={() => void cancelLab()}>
            Cancel
          </button>
        )}
      </form>
      <Problems problems={labProblems} label="virtual lab problems" />
      {labJob && <JobProgress job={labJob} unit="evaluations" label="optimization progress" />}
      {result && (
        <>
          <p data-testid="lab-summary">
            {result.best
              ? `Best ${label}: ${fmt(result.best.value, 6)} at ${Object.entries(result.best.inputs)
                  .map(([k, v]) => `${k} = ${fmt(v)}`)
                  .join(', ')}`
              : 'No evaluation succeeded'}
            ; {result.failures} failed evaluation(s); {result.trace.filter((t) => t.phase === 'local').length} in the local phase.
          </p>
          <VegaChart spec={bestSoFarSpec(result.trace, label)} label="best so far vs evaluation" name="cncouple-lab-best-so-far" />
          {result.best && <VegaChart spec={gapSpec(result.trace, label)} label="gap to the best found vs evaluation" name="cncouple-lab-gap" />}
          {labJob?.spec && <VegaChart spec={labJob.spec} label="belief map" name="cncouple-lab-belief" />}
        </>
      )}

      <h2>Screen candidate surfaces</h2>
      <p className="lead">
        Each candidate’s descriptors (eV) are sampled with the given standard deviation (or its own sigma_&lt;descriptor&gt; columns) and solved through the
        model above; P(top k) is the fraction of samples in which it ranks among the k best by log10 TOF.
      </p>
      <form onSubmit={runScreen} aria-label="screening">
        <label className="block">
          Candidates CSV: name, descriptor columns (eV), optional sigma_&lt;descriptor&gt; columns
          <textarea value={screenText} onChange={(e) => setScreenText(e.target.value)} rows={5} spellCheck={false} aria-label="candidates CSV" />
        </label>
        <div className="inline-form">
          {textField(screenForm, setScreenForm, 'sigmaEv', 'σ (eV)')}
          {textField(screenForm, setScreenForm, 'samples', 'samples')}
          {textField(screenForm, setScreenForm, 'topK', 'top k')}
          {textField(screenForm, setScreenForm, 'seed', 'seed')}
          <button type="submit" disabled={screenJob?.status === 'running'}>
            Screen
          </button>
        </div>
      </form>
      <Problems problems={screenProblems} label="screening problems" />
      {screenJob && <JobProgress job={screenJob} unit="candidates" label="screening progress" />}
      {screened?.result && (
        <>
          <div className="table-wrap">
            <table aria-label="screened candidates">
              <thead>
                <tr>
                  <th>candidate</th>
                  <th>log10 TOF {screened.result.product} median [5–95 %]</th>
                  <th>FE median [5–95 %]</th>
                  <th>P(top {screened.result.topK})</th>
                  <th>failed</th>
                </tr>
              </thead>
              <tbody>
                {[...screened.result.candidates]
                  .sort((a, b) => b.pTopK - a.pTopK)
                  .map((c) => (
                    <tr key={c.name}>
                      <td>{c.name}</td>
                      <td>{`${fmt(c.log10Tof.median, 3)} [${fmt(c.log10Tof.p05, 3)}, ${fmt(c.log10Tof.p95, 3)}]`}</td>
                      <td>{`${fmt(c.fe.median, 3)} [${fmt(c.fe.p05, 3)}, ${fmt(c.fe.p95, 3)}]`}</td>
                      <td>{c.pTopK.toFixed(3)}</td>
                      <td>{(100 * c.failedFraction).toFixed(1)} %</td>
                    </tr>
                  ))}
              </tbody>
            </table>
          </div>
          {screened.result.warnings.map((w) => (
            <p key={w} className="note">
              Note: {w}
            </p>
          ))}
          {screened.spec && <VegaChart spec={screened.spec} label="screened candidates" name="cncouple-screen" />}
        </>
      )}
    </section>
  );
}
