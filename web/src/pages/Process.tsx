import { type FormEvent, useEffect, useMemo, useState } from 'react';
import { PULSE_DEFAULTS } from '../../../src/reactor/inputDefaults.js';
import { DEFAULT_RATE_CONSTANT_SET, RATE_CONSTANT_SETS, RATE_CONSTANT_SET_IDS } from '../../../src/transport/transportData.js';
import { api } from '../api.js';
import { VegaChart } from '../chart.js';
import { DoubleLayerSection } from '../doubleLayer.js';
import { type NumberField, Problems, explainError, problemsByInput, readNumbers } from '../forms.js';
import { JobProgress, type JobState, runJob } from '../jobProgress.js';
import { RateConstantComparison } from '../rateConstantComparison.js';
import { useQueryForm, useQueryParam, useTitle } from '../route.js';
import { textField } from '../textField.js';
import { TeaPresetControls, TeaTerms, teaPresetBody } from '../process/TeaPresetControls.js';

interface MicroResult {
  converged: boolean;
  message?: string;
  /** Homogeneous rate-constant set the server used (null: no homogeneous reactions). */
  rateConstants: string | null;
  surfacePH: number;
  bulkPH: number;
  surface: Record<string, number>;
}

const PRESETS: Record<string, { electrolyte: string; co2Saturated: boolean; products: { to: string; from: string[]; faradaicEfficiency: number }[] }> = {
  'urea in CO2-saturated 0.1 M KHCO3 + 0.05 M KNO3': {
    electrolyte: '0.1 M KHCO3 + 0.05 M KNO3',
    co2Saturated: true,
    products: [
      { to: 'urea', from: ['CO2', 'NO3-'], faradaicEfficiency: 0.3 },
      { to: 'H2', from: ['H2O'], faradaicEfficiency: 0.7 },
    ],
  },
  'HER in CO2-saturated 0.5 M KHCO3': { electrolyte: '0.5 M KHCO3', co2Saturated: true, products: [{ to: 'H2', from: ['H2O'], faradaicEfficiency: 1 }] },
  'HER in 0.5 M K2SO4 (unbuffered)': { electrolyte: '0.5 M K2SO4', co2Saturated: false, products: [{ to: 'H2', from: ['H2O'], faradaicEfficiency: 1 }] },
};

/** The coupling case of the page: the built-in urea model, its electrolyte and product sources. */
const COUPLING_CASE = {
  model: 'urea-cu4-ceo2',
  electrolyte: '0.1 M KHCO3 + 0.05 M KNO3',
  co2Saturated: true,
  productSources: { urea: ['CO2', 'NO3-'], NH3: ['NO3-'], NO: ['NO3-'], CO: ['CO2'], H2: ['H2O'] },
};

/** Plain names of the cost parameters in the tornado chart (the API names them in code). */
const PARAMETER_NAMES: Record<string, string> = {
  faradaicEfficiency: 'Faradaic efficiency',
  currentDensityAPerM2: 'Current density',
  cellVoltageV: 'Cell voltage',
  electrolyzerCostUsdPerM2: 'Electrolyzer cost per m²',
  balanceOfPlantFraction: 'Balance of plant',
  electricityUsdPerKWh: 'Electricity price',
  discountRate: 'Discount rate',
  lifetimeYears: 'Plant life',
  capacityFactor: 'Capacity factor',
  fixedOpexFraction: 'Fixed O&M',
  feedstockUsdPerKg: 'Feedstock price',
  separationUsdPerKg: 'Separation cost',
};

/** The tornado spec with plain parameter names on its axis. */
function namedTornado(spec: object): object {
  const s = spec as { data?: { values?: { parameter: string }[] }; encoding?: { y?: { sort?: string[] } } };
  const name = (p: string) => PARAMETER_NAMES[p] ?? p;
  return {
    ...s,
    data: { ...s.data, values: s.data?.values?.map((v) => ({ ...v, parameter: name(v.parameter) })) },
    encoding: { ...s.encoding, y: { ...s.encoding?.y, sort: s.encoding?.y?.sort?.map(name) } },
  };
}

/** How a pulsed run ended (the transient result's `periodic` report): periods run, whether the last one was periodic. */
interface PeriodicReport {
  periods: number;
  converged: boolean;
  tolerance: number;
  /** Largest relative change of a period average between the last two periods (null after one period). */
  lastRelativeChange: number | null;
  periodAverageSurfacePH: number;
}

/** "auto" in the periods field (any case): pulses until periodic, as the API's `periods: "auto"`. */
const isAutoPeriods = (text: string) => text.trim().toLowerCase() === 'auto';

/** The periods a pulsed run used, in words: how many, and whether they settled (asked: "auto" or a count). */
function periodsUsed(p: PeriodicReport, auto: boolean, maxPeriods: number): string {
  const change = p.lastRelativeChange === null ? 'not measured after one period' : `changed ${p.lastRelativeChange.toExponential(1)}`;
  const settled = p.converged
    ? `periodic: the period averages ${change} (tolerance ${p.tolerance})`
    : `not periodic: the period averages ${change} (tolerance ${p.tolerance})`;
  const why = auto ? (p.converged ? 'until periodic' : `the cap of ${maxPeriods} for "auto"`) : 'as asked';
  return `${p.periods} ${p.periods === 1 ? 'period' : 'periods'} simulated (${why}); ${settled}; period-average surface pH ${p.periodAverageSurfacePH.toFixed(3)}.`;
}

/** FE typed in % (as everywhere in the app); the API takes a fraction. */
const PERCENT: NumberField['units'] = { '%': 1 };
/** Current density typed in mA cm⁻² (as everywhere in the app), A m⁻² accepted; the API takes A m⁻² (1 mA cm⁻² = 10 A m⁻²). */
const MA_PER_CM2: NumberField['units'] = { 'mA cm-2': 1, 'A m-2': 0.1 };
const REACTOR_FIELDS: Record<string, NumberField> = {
  electrons: { label: 'electrons', integer: true, min: 1 },
  faradaicEfficiencyPercent: { label: 'FE (%)', units: PERCENT, min: 0, max: 100 },
  inletConcentrationMolPerM3: { label: 'inlet reactant (mol m⁻³)', units: { 'mol m-3': 1, mM: 1, M: 1000 }, min: 0 },
  reactantPerProduct: { label: 'reactant per product', min: 0, optional: true },
  diffusionM2PerS: { label: 'reactant D (m² s⁻¹)', min: 0, optional: true },
  kineticCurrentDensityMAPerCm2: { label: 'kinetic j (mA cm⁻²)', units: MA_PER_CM2, min: 0 },
  targetTonnesPerDay: { label: 'target (t/day)', min: 0 },
};
const TEA_FIELDS: Record<string, NumberField> = {
  electrons: { label: 'TEA electrons', integer: true, min: 1 },
  faradaicEfficiencyPercent: { label: 'TEA FE (%)', units: PERCENT, min: 0, max: 100 },
  currentDensityMAPerCm2: { label: 'TEA j (mA cm⁻²)', units: MA_PER_CM2, min: 0 },
  cellVoltageV: { label: 'cell voltage (V)', units: { V: 1, mV: 1e-3 }, min: 0 },
  productionTonnesPerDay: { label: 'capacity (t/day)', min: 0 },
};
/** Form fields in the page's units → the API's field names and units. */
const TO_API: Record<string, [string, number]> = {
  faradaicEfficiencyPercent: ['faradaicEfficiency', 0.01],
  kineticCurrentDensityMAPerCm2: ['kineticCurrentDensityAPerM2', 10],
  currentDensityMAPerCm2: ['currentDensityAPerM2', 10],
};
const toApi = (values: Record<string, number | undefined>) =>
  Object.fromEntries(Object.entries(values).map(([k, v]) => (TO_API[k] && v !== undefined ? [TO_API[k][0], v * TO_API[k][1]] : [k, v])));
/** API field → form field, for showing a rejected field beside its input. */
const inputsOf = (fields: Record<string, NumberField>, texts: readonly string[] = []) => ({
  product: 'product',
  ...Object.fromEntries(texts.map((k) => [k, k])),
  ...Object.fromEntries(Object.keys(fields).map((k) => [TO_API[k]?.[0] ?? k, k])),
});
/** Text inputs of the flow-reactor form sent as they are (trimmed; left out when empty). */
const REACTOR_TEXTS = ['limitingReactant'] as const;
const labelsOf = (fields: Record<string, NumberField>, extra: Record<string, string> = {}) => ({
  ...Object.fromEntries(Object.entries(fields).flatMap(([k, f]) => [[k, f.label], ...(TO_API[k] ? [[TO_API[k][0], f.label]] : [])])),
  ...extra,
});
/** "= 3000 A m⁻²" beside a current density typed in mA cm⁻² (nothing when it does not read as a number). */
function aPerM2Hint(text: string): string | undefined {
  const { values, problems } = readNumbers({ j: text }, { j: { label: 'j', units: MA_PER_CM2 } });
  return problems.length || values.j === undefined ? undefined : `= ${Number((values.j * 10).toPrecision(4))} A m⁻²`;
}

/** Microenvironment (profiles with a current-density slider), flow reactor and techno-economics; each form shows its own problems. */
export function Process() {
  useTitle('Process');
  const cases = Object.keys(PRESETS);
  const [caseText, setCase] = useQueryParam('case', '0');
  const preset = cases[Math.min(cases.length - 1, Math.max(0, Number(caseText) || 0))]!;
  const [logJText, setLogJ] = useQueryParam('logj', '1'); // log10 of mA cm-2
  const logJ = Math.min(3, Math.max(0, Number(logJText) || 0));
  const [migrationText, setMigration] = useQueryParam('migration', '0');
  const migration = migrationText === '1';
  const [ratesText, setRates] = useQueryParam('rates', DEFAULT_RATE_CONSTANT_SET);
  const rateConstants = (RATE_CONSTANT_SET_IDS as readonly string[]).includes(ratesText)
    ? (ratesText as keyof typeof RATE_CONSTANT_SETS)
    : DEFAULT_RATE_CONSTANT_SET;
  // every result is kept with the inputs it was computed for and shown only while they still hold
  const [micro, setMicro] = useState<{ key: string; results: MicroResult[]; spec: object } | null>(null);
  const [sweep, setSweep] = useState<{ key: string; spec: object } | null>(null);
  const [microError, setMicroError] = useState<string[]>([]);
  const j = Number((10 ** logJ).toPrecision(3));
  const microKey = JSON.stringify([preset, j, migration, rateConstants]);
  const sweepKey = JSON.stringify([preset, migration, rateConstants]);
  useEffect(() => {
    let live = true;
    setMicroError([]);
    const timer = setTimeout(() => {
      const p = PRESETS[preset]!;
      api.post<{ results: MicroResult[]; spec: object }>('/api/microenv', { ...p, migration, rateConstants, currentDensitiesMAPerCm2: [j] }).then(
        (d) => live && (setMicro({ key: microKey, ...d }), setMicroError([])),
        (e: Error) => live && (setMicro(null), setMicroError(explainError(e, { rateConstants: 'rate constants' }))),
      );
    }, 150);
    return () => {
      live = false;
      clearTimeout(timer);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `microKey` serializes every input the request reads (preset, j, migration, rateConstants)
  }, [microKey]);
  useEffect(() => {
    let live = true;
    const p = PRESETS[preset]!;
    const currents = Array.from({ length: 13 }, (_, i) => Number((10 ** (i / 4)).toPrecision(3)));
    api.post<{ spec: object }>('/api/microenv', { ...p, migration, rateConstants, currentDensitiesMAPerCm2: currents }).then(
      (d) => live && setSweep({ key: sweepKey, ...d }),
      (e: Error) => live && (setSweep(null), setMicroError(explainError(e, { rateConstants: 'rate constants' }))),
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `sweepKey` serializes every input the request reads (preset, migration, rateConstants)
  }, [sweepKey]);
  const microShown = micro?.key === microKey ? micro : null;
  const sweepShown = sweep?.key === sweepKey ? sweep : null;

  // periods start at the study's default ("auto": until periodic)
  const [pulseForm, setPulseForm] = useQueryForm('pulse', {
    highMAPerCm2: '50',
    tHighS: '0.5',
    lowMAPerCm2: '0',
    tLowS: '0.5',
    periods: String(PULSE_DEFAULTS.periods),
  });
  const [transientJob, setTransientJob] = useState<JobState | null>(null);
  const [transient, setTransient] = useState<{
    key: string;
    spec: object;
    rateConstants: string | null;
    periodic: PeriodicReport | null;
    auto: boolean;
  } | null>(null);
  const [transientProblems, setTransientProblems] = useState<string[]>([]);
  const [transientByInput, setTransientByInput] = useState<Record<string, string>>({});
  const transientKey = JSON.stringify([preset, migration, rateConstants, pulseForm]);
  const transientShown = transient?.key === transientKey ? transient : null;
  const PULSE_FIELDS: Record<keyof typeof pulseForm, NumberField> = {
    highMAPerCm2: { label: 'high j (mA cm⁻²)', units: { 'mA cm-2': 1 }, min: 0 },
    tHighS: { label: 'high for (s)', units: { s: 1, ms: 1e-3 }, min: 0 },
    lowMAPerCm2: { label: 'low j (mA cm⁻²)', units: { 'mA cm-2': 1 }, min: 0 },
    tLowS: { label: 'low for (s)', units: { s: 1, ms: 1e-3 }, min: 0 },
    periods: { label: 'periods', integer: true, min: 1 },
  };
  const runTransient = async (e: FormEvent) => {
    e.preventDefault();
    setTransient(null);
    // periods: "auto" (until periodic) or a whole number; the other fields are numbers
    const auto = isAutoPeriods(pulseForm.periods);
    const { periods: periodsField, ...numberFields } = PULSE_FIELDS;
    const read = readNumbers<keyof typeof numberFields>(pulseForm, numberFields);
    const count = auto ? undefined : readNumbers({ periods: pulseForm.periods }, { periods: periodsField });
    const orAuto = (problem: string) => `${problem}, or "auto" (until periodic)`;
    const problems = [...read.problems, ...(count?.problems ?? []).map(orAuto)];
    const byField: Record<string, string> = { ...read.byField, ...(count?.byField.periods ? { periods: orAuto(count.byField.periods) } : {}) };
    const values = { ...read.values, periods: auto ? 'auto' : count!.values.periods };
    setTransientByInput(byField);
    if (problems.length) {
      setTransientJob(null);
      return setTransientProblems(problems);
    }
    setTransientProblems([]);
    const key = transientKey;
    try {
      const done = await runJob<JobState<{ rateConstants: string | null; periodic?: PeriodicReport }> & { spec: object }>(
        '/api/microenv/transient',
        { ...PRESETS[preset]!, migration, rateConstants, pulse: values },
        setTransientJob,
        200,
      );
      setTransient({ key, spec: done.spec, rateConstants: done.result?.rateConstants ?? null, periodic: done.result?.periodic ?? null, auto });
    } catch (err) {
      setTransientProblems(explainError(err, labelsOf(PULSE_FIELDS, { pulse: 'pulse', rateConstants: 'rate constants' })));
      setTransientByInput(problemsByInput(err, Object.fromEntries(Object.keys(PULSE_FIELDS).map((k) => [`pulse.${k}`, k]))));
    }
  };

  const [coupleForm, setCoupleForm] = useQueryForm('couple', { fromMAPerCm2: '1', toMAPerCm2: '30', points: '5' });
  const [coupleJob, setCoupleJob] = useState<JobState | null>(null);
  const [couple, setCouple] = useState<{ key: string; spec: object; rateConstants: string | null } | null>(null);
  const [coupleProblems, setCoupleProblems] = useState<string[]>([]);
  const [coupleByInput, setCoupleByInput] = useState<Record<string, string>>({});
  const coupleKey = JSON.stringify([rateConstants, coupleForm]);
  const coupleShown = couple?.key === coupleKey ? couple : null;
  const COUPLE_FIELDS: Record<keyof typeof coupleForm, NumberField> = {
    fromMAPerCm2: { label: 'from (mA cm⁻²)', units: { 'mA cm-2': 1 }, min: Number.MIN_VALUE },
    toMAPerCm2: { label: 'to (mA cm⁻²)', units: { 'mA cm-2': 1 }, min: Number.MIN_VALUE },
    points: { label: 'currents', integer: true, min: 1, max: 40 },
  };
  const runCouple = async (e: FormEvent) => {
    e.preventDefault();
    setCouple(null);
    const { values, problems, byField } = readNumbers(coupleForm, COUPLE_FIELDS);
    const above0 = (p: string) => p.replace(/at least 5e-324/, 'above 0');
    setCoupleByInput(Object.fromEntries(Object.entries(byField).map(([k, p]) => [k, above0(p as string)])));
    if (problems.length) {
      setCoupleJob(null);
      return setCoupleProblems(problems.map(above0));
    }
    const [from, to, n] = [values.fromMAPerCm2!, values.toMAPerCm2!, values.points!];
    const currents = Array.from({ length: n }, (_, i) => Number((from * (to / from) ** (n > 1 ? i / (n - 1) : 0)).toPrecision(3)));
    setCoupleProblems([]);
    const key = coupleKey;
    try {
      const body = { ...COUPLING_CASE, rateConstants, currentDensitiesMAPerCm2: currents };
      const done = await runJob<JobState<{ rateConstants: string }[]> & { spec: object }>('/api/couple', body, setCoupleJob);
      setCouple({ key, spec: done.spec, rateConstants: done.result?.[0]?.rateConstants ?? null });
    } catch (err) {
      setCoupleProblems(explainError(err, labelsOf(COUPLE_FIELDS, { currentDensitiesMAPerCm2: 'currents', rateConstants: 'rate constants' })));
      setCoupleByInput(problemsByInput(err, { currentDensitiesMAPerCm2: 'points' }));
    }
  };

  const [reactorForm, setReactorForm] = useQueryForm('reactor', {
    product: 'urea',
    electrons: '16',
    faradaicEfficiencyPercent: '50',
    inletConcentrationMolPerM3: '50',
    limitingReactant: 'NO3-',
    reactantPerProduct: '',
    diffusionM2PerS: '',
    kineticCurrentDensityMAPerCm2: '20',
    targetTonnesPerDay: '1',
  });
  const [reactorResult, setReactor] = useState<{ key: string; value: Record<string, unknown> } | null>(null);
  const reactor = reactorResult?.key === JSON.stringify(reactorForm) ? reactorResult.value : null;
  const [reactorProblems, setReactorProblems] = useState<string[]>([]);
  const [reactorByInput, setReactorByInput] = useState<Record<string, string>>({});
  const [teaForm, setTeaForm] = useQueryForm('tea', {
    preset: '',
    product: 'urea',
    electrons: '16',
    faradaicEfficiencyPercent: '50',
    currentDensityMAPerCm2: '300',
    cellVoltageV: '3.2',
    productionTonnesPerDay: '100',
  });
  const [teaResult, setTea] = useState<{
    key: string;
    value: {
      result: { costUsdPerKg: number; breakdownUsdPerKg: Record<string, number>; energyKWhPerKg: number };
      tornadoSpec: object;
      costVsFaradaicEfficiency: { value: number; costUsdPerKg: number }[];
      defaults: Record<string, { value: number; unit: string; source: string }>;
    };
  } | null>(null);
  const tea = teaResult?.key === JSON.stringify(teaForm) ? teaResult.value : null;
  const [teaProblems, setTeaProblems] = useState<string[]>([]);
  const [teaByInput, setTeaByInput] = useState<Record<string, string>>({});
  /**
   * Posts a form's numbers (converted to the API's units); the old result goes when a run starts, a result is
   * shown only while the form still holds what it was computed for, and problems show under the form and beside
   * their inputs. `extra` goes into the body as it is (e.g. a TEA preset id).
   */
  const runForm = async (
    form: Record<string, string>,
    fields: Record<string, NumberField>,
    url: string,
    set: (r: never) => void,
    setProblems: (p: string[]) => void,
    productLabel: string,
    extra: object = {},
    setByInput: (p: Record<string, string>) => void = () => {},
    texts: readonly string[] = [],
  ) => {
    set(null as never);
    const { values, problems, byField } = readNumbers(form, fields);
    const local = { ...byField } as Record<string, string>;
    if (!form.product?.trim()) {
      problems.unshift(`${productLabel} is required`);
      local.product = `${productLabel} is required`;
    }
    setByInput(local);
    if (problems.length) return setProblems(problems);
    try {
      const given = Object.fromEntries(texts.flatMap((k) => (form[k]?.trim() ? [[k, form[k].trim()]] : [])));
      const value = await api.post(url, { ...toApi(values), ...given, product: form.product!.trim(), ...extra });
      set({ key: JSON.stringify(form), value } as never);
      setProblems([]);
    } catch (err) {
      setProblems(explainError(err, labelsOf(fields, { product: productLabel, limitingReactant: 'limiting reactant' })));
      setByInput(problemsByInput(err, inputsOf(fields, texts)));
    }
  };
  const runReactor = (e?: FormEvent) => {
    e?.preventDefault();
    return runForm(reactorForm, REACTOR_FIELDS, '/api/reactor', setReactor, setReactorProblems, 'product', {}, setReactorByInput, REACTOR_TEXTS);
  };
  const runTea = (e?: FormEvent) => {
    e?.preventDefault();
    return runForm(teaForm, TEA_FIELDS, '/api/tea', setTea, setTeaProblems, 'TEA product', teaPresetBody(teaForm), setTeaByInput);
  };
  useEffect(() => {
    void runReactor();
    void runTea();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- mount only: both forms evaluated once with their URL/default values; later runs are the buttons
  }, []);
  // built once per result, so that the charts are not redrawn on every keystroke
  const tornadoChart = useMemo(() => (tea ? namedTornado(tea.tornadoSpec) : null), [tea]);
  const breakEvenChart = useMemo(
    () =>
      tea && {
        $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
        title: 'Break-even: cost vs faradaic efficiency',
        width: 420,
        height: 220,
        data: { values: tea.costVsFaradaicEfficiency.map((p) => ({ fePercent: 100 * p.value, costUsdPerKg: p.costUsdPerKg })) },
        mark: { type: 'line', point: true },
        encoding: {
          x: { field: 'fePercent', type: 'quantitative', title: 'Faradaic efficiency (%)' },
          y: { field: 'costUsdPerKg', type: 'quantitative', title: 'Levelized cost (USD/kg)' },
        },
      },
    [tea],
  );
  const r = microShown?.results[0];
  const rateSet = RATE_CONSTANT_SETS[rateConstants];
  /** The set a result was computed with, in words. */
  const ratesUsed = (id: string | null | undefined) => (id ? `rate constants ${id}` : 'no homogeneous reactions');
  const ch = reactor?.channel as { conversion: number; productionMolPerS: number; meanPartialCurrentDensityAPerM2: number; regime: string } | undefined;
  const v = reactor?.voltage as { cellVoltageV: number } | undefined;
  return (
    <section>
      <h1>Microenvironment, reactor and cost</h1>
      <p className="lead">
        What the catalyst sees at the surface (diffusion with the carbonate, water and ammonium equilibria at finite rates), what a flow cell produces, and what
        the product costs.
      </p>
      <h2>Electrode microenvironment</h2>
      <div className="controls">
        <label>
          Case
          <select value={preset} onChange={(e) => setCase(String(cases.indexOf(e.target.value)))} aria-label="microenvironment case">
            {cases.map((k) => (
              <option key={k}>{k}</option>
            ))}
          </select>
        </label>
        <label className="check">
          <input type="checkbox" checked={migration} onChange={(e) => setMigration(e.target.checked ? '1' : '0')} /> migration (Nernst–Planck)
        </label>
        <label className="slider">
          Current density: <strong>{j} mA cm⁻²</strong>
          <input
            type="range"
            min={0}
            max={3}
            step={0.05}
            value={logJ}
            onChange={(e) => setLogJ(e.target.value)}
            aria-label="current density (log10 mA per cm2)"
          />
          <small className="muted field-hint">= {Number((10 * j).toPrecision(3))} A m⁻²</small>
        </label>
        <label>
          Homogeneous rate constants
          <select value={rateConstants} onChange={(e) => setRates(e.target.value)} aria-label="rate-constant set">
            {RATE_CONSTANT_SET_IDS.map((id) => (
              <option key={id} value={id}>
                {id}
                {id === DEFAULT_RATE_CONSTANT_SET ? ' (default)' : ''}
              </option>
            ))}
          </select>
        </label>
      </div>
      <p className="muted" data-testid="rate-constant-set">
        {rateConstants}: {rateSet.description}. Used by the profiles, the pulses and the coupling below.
      </p>
      <Problems problems={microError} label="microenvironment problems" />
      {!microShown && !microError.length && (
        <p className="loading" role="status">
          Solving the boundary layer…
        </p>
      )}
      {r && (
        <p data-testid="micro-summary">
          {r.converged ? `Surface pH ${r.surfacePH.toFixed(2)} (bulk ${r.bulkPH.toFixed(2)})` : `Not solved: ${r.message}`} at {j} mA cm⁻² (
          {Number((10 * j).toPrecision(3))} A m⁻²); {ratesUsed(r.rateConstants)}.
        </p>
      )}
      <RateConstantComparison body={{ ...PRESETS[preset]!, migration }} currentMAPerCm2={j} />
      {microShown && <VegaChart spec={microShown.spec} label="concentration and pH profiles" name={`cncouple-profiles-${j}mAcm2`} />}
      {sweepShown && <VegaChart spec={sweepShown.spec} label="surface pH vs current density" name="cncouple-surface-ph-vs-j" />}
      <h3>Pulsed current: surface pH vs time</h3>
      <form className="inline-form" onSubmit={runTransient} aria-label="pulsed current">
        {textField(pulseForm, setPulseForm, 'highMAPerCm2', 'high j (mA cm⁻²)', transientByInput.highMAPerCm2)}
        {textField(pulseForm, setPulseForm, 'tHighS', 'high for (s)', transientByInput.tHighS)}
        {textField(pulseForm, setPulseForm, 'lowMAPerCm2', 'low j (mA cm⁻²)', transientByInput.lowMAPerCm2)}
        {textField(pulseForm, setPulseForm, 'tLowS', 'low for (s)', transientByInput.tLowS)}
        {textField(pulseForm, setPulseForm, 'periods', 'periods', transientByInput.periods, 'a whole number, or auto: until periodic')}
        <button type="submit" disabled={transientJob?.status === 'running'}>
          Simulate pulses
        </button>
      </form>
      <Problems problems={transientProblems} label="pulsed current problems" />
      {transientJob && <JobProgress job={transientJob} unit="ms simulated" label="transient progress" />}
      {transientShown && (
        <>
          <p className="muted" data-testid="transient-rates">
            Pulses solved with {ratesUsed(transientShown.rateConstants)}.
          </p>
          {transientShown.periodic && (
            <p data-testid="transient-periods">{periodsUsed(transientShown.periodic, transientShown.auto, PULSE_DEFAULTS.maxPeriods)}</p>
          )}
          <VegaChart spec={transientShown.spec} label="surface pH vs time" name="cncouple-surface-ph-pulses" />
        </>
      )}
      <h3>Transport–kinetics coupling: FE vs current density</h3>
      <p className="lead">
        The built-in urea model (Cu₄–CeO₂) in CO2-saturated 0.1 M KHCO3 + 0.05 M KNO3: its kinetics at the surface concentrations and pH, iterated with the
        transport model to self-consistency, against the same kinetics at bulk concentrations.
      </p>
      <form className="inline-form" onSubmit={runCouple} aria-label="transport–kinetics coupling">
        {textField(coupleForm, setCoupleForm, 'fromMAPerCm2', 'from (mA cm⁻²)', coupleByInput.fromMAPerCm2)}
        {textField(coupleForm, setCoupleForm, 'toMAPerCm2', 'to (mA cm⁻²)', coupleByInput.toMAPerCm2)}
        {textField(coupleForm, setCoupleForm, 'points', 'currents', coupleByInput.points)}
        <button type="submit" disabled={coupleJob?.status === 'running'}>
          Couple
        </button>
      </form>
      <Problems problems={coupleProblems} label="coupling problems" />
      {coupleJob && <JobProgress job={coupleJob} unit="currents" label="coupling progress" />}
      {coupleShown && (
        <>
          <p className="muted" data-testid="couple-rates">
            Coupled with {ratesUsed(coupleShown.rateConstants)}.
          </p>
          <VegaChart spec={coupleShown.spec} label="FE vs current density with transport" name="cncouple-fe-vs-j-coupled" />
        </>
      )}
      <DoubleLayerSection />
      <h2>Flow reactor</h2>
      <form className="inline-form" onSubmit={runReactor} aria-label="flow reactor">
        {textField(reactorForm, setReactorForm, 'product', 'product', reactorByInput.product)}
        {textField(reactorForm, setReactorForm, 'electrons', 'electrons', reactorByInput.electrons)}
        {textField(reactorForm, setReactorForm, 'faradaicEfficiencyPercent', 'FE (%)', reactorByInput.faradaicEfficiencyPercent)}
        {textField(reactorForm, setReactorForm, 'inletConcentrationMolPerM3', 'inlet reactant (mol m⁻³)', reactorByInput.inletConcentrationMolPerM3)}
        {textField(reactorForm, setReactorForm, 'limitingReactant', 'limiting reactant', reactorByInput.limitingReactant)}
        {textField(reactorForm, setReactorForm, 'reactantPerProduct', 'reactant per product (empty: from the reaction)', reactorByInput.reactantPerProduct)}
        {textField(reactorForm, setReactorForm, 'diffusionM2PerS', 'reactant D, m² s⁻¹ (empty: of the limiting reactant)', reactorByInput.diffusionM2PerS)}
        {textField(
          reactorForm,
          setReactorForm,
          'kineticCurrentDensityMAPerCm2',
          'kinetic j (mA cm⁻²)',
          reactorByInput.kineticCurrentDensityMAPerCm2,
          aPerM2Hint(reactorForm.kineticCurrentDensityMAPerCm2),
        )}
        {textField(reactorForm, setReactorForm, 'targetTonnesPerDay', 'target (t/day)', reactorByInput.targetTonnesPerDay)}
        <button type="submit">Evaluate</button>
      </form>
      <Problems problems={reactorProblems} label="flow reactor problems" />
      {ch && v && (
        <p data-testid="reactor-summary">
          Conversion {(100 * ch.conversion).toFixed(2)} % per pass ({ch.regime} flow); partial current {(ch.meanPartialCurrentDensityAPerM2 / 10).toFixed(2)} mA
          cm⁻² ({ch.meanPartialCurrentDensityAPerM2.toFixed(1)} A m⁻²); cell voltage {v.cellVoltageV.toFixed(2)} V;{' '}
          {((reactor!.energyJPerKg as number) / 3.6e6).toFixed(1)} kWh kg⁻¹; {(reactor!.scaleUp as { electrodeAreaM2: number }).electrodeAreaM2.toFixed(0)} m²
          for the target.
        </p>
      )}
      {reactor && (
        <p data-testid="reactor-stoichiometry">
          Reactant per product {(reactor.stoichiometry as { reactantPerProduct: number; from: string }).reactantPerProduct} (
          {(reactor.stoichiometry as { reactantPerProduct: number; from: string }).from}).
          <br />
          <span data-testid="reactor-diffusion">
            Reactant diffusion coefficient {(reactor.diffusion as { diffusionM2PerS: number }).diffusionM2PerS.toExponential(3)} m² s⁻¹
            {(reactor.diffusion as { species?: string }).species ? ` of ${(reactor.diffusion as { species?: string }).species}` : ''} (
            {(reactor.diffusion as { from: string }).from}).
          </span>
          {/* the study's warnings: an assumed reactant per product or diffusion coefficient */}
          {((reactor.warnings as string[] | undefined) ?? []).map((w) => (
            <span key={w} className="warning" role="note">
              <br />⚠ {w}
            </span>
          ))}
        </p>
      )}
      <h2>Techno-economics</h2>
      <form className="inline-form" onSubmit={runTea} aria-label="techno-economics">
        <TeaPresetControls form={teaForm} setForm={setTeaForm} />
        {textField(teaForm, setTeaForm, 'product', 'TEA product', teaByInput.product)}
        {textField(teaForm, setTeaForm, 'electrons', 'TEA electrons', teaByInput.electrons)}
        {textField(teaForm, setTeaForm, 'faradaicEfficiencyPercent', 'TEA FE (%)', teaByInput.faradaicEfficiencyPercent)}
        {textField(
          teaForm,
          setTeaForm,
          'currentDensityMAPerCm2',
          'TEA j (mA cm⁻²)',
          teaByInput.currentDensityMAPerCm2,
          aPerM2Hint(teaForm.currentDensityMAPerCm2),
        )}
        {textField(teaForm, setTeaForm, 'cellVoltageV', 'cell voltage (V)', teaByInput.cellVoltageV)}
        {textField(teaForm, setTeaForm, 'productionTonnesPerDay', 'capacity (t/day)', teaByInput.productionTonnesPerDay)}
        <button type="submit">Cost it</button>
      </form>
      <Problems problems={teaProblems} label="techno-economics problems" />
      {tea && (
        <>
          <p data-testid="tea-summary">
            Levelized cost <strong>{tea.result.costUsdPerKg.toFixed(3)} USD/kg</strong> (
            {Object.entries(tea.result.breakdownUsdPerKg)
              .map(([k, v]) => `${k} ${v.toFixed(3)}`)
              .join(', ')}
            ); {tea.result.energyKWhPerKg.toFixed(1)} kWh/kg.
          </p>
          <TeaTerms result={tea.result} />
          <details data-testid="tea-defaults">
            <summary>Economic defaults and their sources (override through the API or CLI)</summary>
            <table className="cards-on-phone">
              <thead>
                <tr>
                  <th>parameter</th>
                  <th>value</th>
                  <th>source</th>
                </tr>
              </thead>
              <tbody>
                {Object.entries(tea.defaults).map(([k, d]) => (
                  <tr key={k}>
                    <td data-label="parameter">{PARAMETER_NAMES[k] ?? k}</td>
                    <td data-label="value">
                      {d.value} {d.unit}
                    </td>
                    <td data-label="source">{d.source}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
          <VegaChart spec={tornadoChart} label="tornado chart" name="cncouple-cost-tornado" />
          <VegaChart spec={breakEvenChart} label="cost vs FE" name="cncouple-cost-vs-fe" />
        </>
      )}
    </section>
  );
}
