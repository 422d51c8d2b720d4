import { type FormEvent, useEffect, useMemo, useState } from 'react';
import { api } from '../api.js';
import { VegaChart } from '../chart.js';
import { type NumberField, Problems, explainError, readNumbers } from '../forms.js';
import { JobProgress, type JobState, runJob } from '../jobProgress.js';
import { useQueryForm, useQueryParam, useTitle } from '../route.js';
import { textField } from '../textField.js';
import { TeaPresetControls, TeaTerms, teaPresetBody } from '../process/TeaPresetControls.js';

interface MicroResult {
  converged: boolean;
  message?: string;
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

const FRACTION: NumberField['units'] = { '%': 0.01 };
const REACTOR_FIELDS: Record<string, NumberField> = {
  electrons: { label: 'electrons', integer: true, min: 1 },
  faradaicEfficiency: { label: 'FE (fraction)', units: FRACTION, min: 0, max: 1 },
  inletConcentrationMolPerM3: { label: 'inlet reactant (mol m⁻³)', units: { 'mol m-3': 1, mM: 1, M: 1000 }, min: 0 },
  reactantPerProduct: { label: 'reactant per product', min: 0 },
  kineticCurrentDensityAPerM2: { label: 'kinetic j (A m⁻²)', units: { 'A m-2': 1, 'mA cm-2': 10 }, min: 0 },
  targetTonnesPerDay: { label: 'target (t/day)', min: 0 },
};
const TEA_FIELDS: Record<string, NumberField> = {
  electrons: { label: 'TEA electrons', integer: true, min: 1 },
  faradaicEfficiency: { label: 'TEA FE (fraction)', units: FRACTION, min: 0, max: 1 },
  currentDensityAPerM2: { label: 'j (A m⁻²)', units: { 'A m-2': 1, 'mA cm-2': 10 }, min: 0 },
  cellVoltageV: { label: 'cell voltage (V)', units: { V: 1, mV: 1e-3 }, min: 0 },
  productionTonnesPerDay: { label: 'capacity (t/day)', min: 0 },
};
const labelsOf = (fields: Record<string, NumberField>, extra: Record<string, string> = {}) => ({ ...Object.fromEntries(Object.entries(fields).map(([k, f]) => [k, f.label])), ...extra });

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
  const [micro, setMicro] = useState<{ results: MicroResult[]; spec: object } | null>(null);
  const [sweep, setSweep] = useState<{ spec: object } | null>(null);
  const [microError, setMicroError] = useState<string[]>([]);
  const j = Number((10 ** logJ).toPrecision(3));
  useEffect(() => {
    let live = true;
    const timer = setTimeout(() => {
      const p = PRESETS[preset]!;
      api.post<{ results: MicroResult[]; spec: object }>('/api/microenv', { ...p, migration, currentDensitiesMAPerCm2: [j] }).then(
        (d) => live && (setMicro(d), setMicroError([])),
        (e: Error) => live && (setMicro(null), setMicroError(explainError(e))),
      );
    }, 150);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [preset, j, migration]);
  useEffect(() => {
    let live = true;
    const p = PRESETS[preset]!;
    const currents = Array.from({ length: 13 }, (_, i) => Number((10 ** (i / 4)).toPrecision(3)));
    api.post<{ spec: object }>('/api/microenv', { ...p, migration, currentDensitiesMAPerCm2: currents }).then(
      (d) => live && setSweep(d),
      (e: Error) => live && (setSweep(null), setMicroError(explainError(e))),
    );
    return () => {
      live = false;
    };
  }, [preset, migration]);

  const [pulseForm, setPulseForm] = useQueryForm('pulse', { highMAPerCm2: '50', tHighS: '0.5', lowMAPerCm2: '0', tLowS: '0.5', periods: '5' });
  const [transientJob, setTransientJob] = useState<JobState | null>(null);
  const [transientSpec, setTransientSpec] = useState<object | null>(null);
  const [transientProblems, setTransientProblems] = useState<string[]>([]);
  const PULSE_FIELDS: Record<keyof typeof pulseForm, NumberField> = {
    highMAPerCm2: { label: 'high j (mA cm⁻²)', units: { 'mA cm-2': 1 }, min: 0 },
    tHighS: { label: 'high for (s)', units: { s: 1, ms: 1e-3 }, min: 0 },
    lowMAPerCm2: { label: 'low j (mA cm⁻²)', units: { 'mA cm-2': 1 }, min: 0 },
    tLowS: { label: 'low for (s)', units: { s: 1, ms: 1e-3 }, min: 0 },
    periods: { label: 'periods', integer: true, min: 1 },
  };
  const runTransient = async (e: FormEvent) => {
    e.preventDefault();
    setTransientSpec(null);
    const { values, problems } = readNumbers(pulseForm, PULSE_FIELDS);
    if (problems.length) {
      setTransientJob(null);
      return setTransientProblems(problems);
    }
    setTransientProblems([]);
    try {
      const done = await runJob<JobState & { spec: object }>('/api/microenv/transient', { ...PRESETS[preset]!, migration, pulse: values }, setTransientJob, 200);
      setTransientSpec(done.spec);
    } catch (err) {
      setTransientProblems(explainError(err, labelsOf(PULSE_FIELDS, { pulse: 'pulse' })));
    }
  };

  const [coupleForm, setCoupleForm] = useQueryForm('couple', { fromMAPerCm2: '1', toMAPerCm2: '30', points: '5' });
  const [coupleJob, setCoupleJob] = useState<JobState | null>(null);
  const [coupleSpec, setCoupleSpec] = useState<object | null>(null);
  const [coupleProblems, setCoupleProblems] = useState<string[]>([]);
  const COUPLE_FIELDS: Record<keyof typeof coupleForm, NumberField> = {
    fromMAPerCm2: { label: 'from (mA cm⁻²)', units: { 'mA cm-2': 1 }, min: Number.MIN_VALUE },
    toMAPerCm2: { label: 'to (mA cm⁻²)', units: { 'mA cm-2': 1 }, min: Number.MIN_VALUE },
    points: { label: 'currents', integer: true, min: 1, max: 40 },
  };
  const runCouple = async (e: FormEvent) => {
    e.preventDefault();
    setCoupleSpec(null);
    const { values, problems } = readNumbers(coupleForm, COUPLE_FIELDS);
    if (problems.length) {
      setCoupleJob(null);
      return setCoupleProblems(problems.map((p) => p.replace(/at least 5e-324/, 'above 0')));
    }
    const [from, to, n] = [values.fromMAPerCm2!, values.toMAPerCm2!, values.points!];
    const currents = Array.from({ length: n }, (_, i) => Number((from * (to / from) ** (n > 1 ? i / (n - 1) : 0)).toPrecision(3)));
    setCoupleProblems([]);
    try {
      const body = { ...COUPLING_CASE, currentDensitiesMAPerCm2: currents };
      const done = await runJob<JobState & { spec: object }>('/api/couple', body, setCoupleJob);
      setCoupleSpec(done.spec);
    } catch (err) {
      setCoupleProblems(explainError(err, labelsOf(COUPLE_FIELDS, { currentDensitiesMAPerCm2: 'currents' })));
    }
  };

  const [reactorForm, setReactorForm] = useQueryForm('reactor', { product: 'urea', electrons: '16', faradaicEfficiency: '0.5', inletConcentrationMolPerM3: '50', reactantPerProduct: '2', kineticCurrentDensityAPerM2: '200', targetTonnesPerDay: '1' });
  const [reactor, setReactor] = useState<Record<string, unknown> | null>(null);
  const [reactorProblems, setReactorProblems] = useState<string[]>([]);
  const [teaForm, setTeaForm] = useQueryForm('tea', { preset: '', product: 'urea', electrons: '16', faradaicEfficiency: '0.5', currentDensityAPerM2: '3000', cellVoltageV: '3.2', productionTonnesPerDay: '100' });
  const [tea, setTea] = useState<{
    result: { costUsdPerKg: number; breakdownUsdPerKg: Record<string, number>; energyKWhPerKg: number };
    tornadoSpec: object;
    costVsFaradaicEfficiency: { value: number; costUsdPerKg: number }[];
    defaults: Record<string, { value: number; unit: string; source: string }>;
  } | null>(null);
  const [teaProblems, setTeaProblems] = useState<string[]>([]);
  /** Posts a form's numbers; on any problem the old result goes (it no longer matches the form) and the problems show beside the form. */
  const runForm = async (form: Record<string, string>, fields: Record<string, NumberField>, url: string, set: (r: never) => void, setProblems: (p: string[]) => void, productLabel: string, extra: object = {}) => {
    const { values, problems } = readNumbers(form, fields);
    if (!form.product?.trim()) problems.unshift(`${productLabel} is required`);
    if (problems.length) {
      set(null as never);
      return setProblems(problems);
    }
    try {
      set((await api.post(url, { ...values, product: form.product!.trim(), ...extra })) as never);
      setProblems([]);
    } catch (err) {
      set(null as never);
      setProblems(explainError(err, labelsOf(fields, { product: productLabel })));
    }
  };
  const runReactor = (e?: FormEvent) => {
    e?.preventDefault();
    return runForm(reactorForm, REACTOR_FIELDS, '/api/reactor', setReactor, setReactorProblems, 'product');
  };
  const runTea = (e?: FormEvent) => {
    e?.preventDefault();
    return runForm(teaForm, TEA_FIELDS, '/api/tea', setTea, setTeaProblems, 'TEA product', teaPresetBody(teaForm));
  };
  useEffect(() => {
    void runReactor();
    void runTea();
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
        data: { values: tea.costVsFaradaicEfficiency },
        mark: { type: 'line', point: true },
        encoding: { x: { field: 'value', type: 'quantitative', title: 'Faradaic efficiency (fraction)' }, y: { field: 'costUsdPerKg', type: 'quantitative', title: 'Levelized cost (USD/kg)' } },
      },
    [tea],
  );
  const r = micro?.results[0];
  const ch = reactor?.channel as { conversion: number; productionMolPerS: number; meanPartialCurrentDensityAPerM2: number; regime: string } | undefined;
  const v = reactor?.voltage as { cellVoltageV: number } | undefined;
  return (
    <section>
      <h1>Microenvironment, reactor and cost</h1>
      <p className="lead">What the catalyst sees at the surface (diffusion with the carbonate, water and ammonium equilibria at finite rates), what a flow cell produces, and what the product costs.</p>
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
          <input type="range" min={0} max={3} step={0.05} value={logJ} onChange={(e) => setLogJ(e.target.value)} aria-label="current density (log10 mA per cm2)" />
        </label>
      </div>
      <Problems problems={microError} label="microenvironment problems" />
      {!micro && !microError.length && (
        <p className="loading" role="status">
          Solving the boundary layer…
        </p>
      )}
      {r && (
        <p data-testid="micro-summary">
          {r.converged ? `Surface pH ${r.surfacePH.toFixed(2)} (bulk ${r.bulkPH.toFixed(2)})` : `Not solved: ${r.message}`}
        </p>
      )}
      {micro && <VegaChart spec={micro.spec} label="concentration and pH profiles" name={`cncouple-profiles-${j}mAcm2`} />}
      {sweep && <VegaChart spec={sweep.spec} label="surface pH vs current density" name="cncouple-surface-ph-vs-j" />}
      <h3>Pulsed current: surface pH vs time</h3>
      <form className="inline-form" onSubmit={runTransient} aria-label="pulsed current">
        {textField(pulseForm, setPulseForm, 'highMAPerCm2', 'high j (mA cm⁻²)')}
        {textField(pulseForm, setPulseForm, 'tHighS', 'high for (s)')}
        {textField(pulseForm, setPulseForm, 'lowMAPerCm2', 'low j (mA cm⁻²)')}
        {textField(pulseForm, setPulseForm, 'tLowS', 'low for (s)')}
        {textField(pulseForm, setPulseForm, 'periods', 'periods')}
        <button type="submit" disabled={transientJob?.status === 'running'}>
          Simulate pulses
        </button>
      </form>
      <Problems problems={transientProblems} label="pulsed current problems" />
      {transientJob && <JobProgress job={transientJob} unit="ms simulated" label="transient progress" />}
      {transientSpec && <VegaChart spec={transientSpec} label="surface pH vs time" name="cncouple-surface-ph-pulses" />}
      <h3>Transport–kinetics coupling: FE vs current density</h3>
      <p className="lead">The built-in urea model (Cu₄–CeO₂) in CO2-saturated 0.1 M KHCO3 + 0.05 M KNO3: its kinetics at the surface concentrations and pH, iterated with the transport model to self-consistency, against the same kinetics at bulk concentrations.</p>
      <form className="inline-form" onSubmit={runCouple} aria-label="transport–kinetics coupling">
        {textField(coupleForm, setCoupleForm, 'fromMAPerCm2', 'from (mA cm⁻²)')}
        {textField(coupleForm, setCoupleForm, 'toMAPerCm2', 'to (mA cm⁻²)')}
        {textField(coupleForm, setCoupleForm, 'points', 'currents')}
        <button type="submit" disabled={coupleJob?.status === 'running'}>
          Couple
        </button>
      </form>
      <Problems problems={coupleProblems} label="coupling problems" />
      {coupleJob && <JobProgress job={coupleJob} unit="currents" label="coupling progress" />}
      {coupleSpec && <VegaChart spec={coupleSpec} label="FE vs current density with transport" name="cncouple-fe-vs-j-coupled" />}
      <h2>Flow reactor</h2>
      <form className="inline-form" onSubmit={runReactor} aria-label="flow reactor">
        {textField(reactorForm, setReactorForm, 'product', 'product')}
        {textField(reactorForm, setReactorForm, 'electrons', 'electrons')}
        {textField(reactorForm, setReactorForm, 'faradaicEfficiency', 'FE (fraction)')}
        {textField(reactorForm, setReactorForm, 'inletConcentrationMolPerM3', 'inlet reactant (mol m⁻³)')}
        {textField(reactorForm, setReactorForm, 'reactantPerProduct', 'reactant per product')}
        {textField(reactorForm, setReactorForm, 'kineticCurrentDensityAPerM2', 'kinetic j (A m⁻²)')}
        {textField(reactorForm, setReactorForm, 'targetTonnesPerDay', 'target (t/day)')}
        <button type="submit">Evaluate</button>
      </form>
      <Problems problems={reactorProblems} label="flow reactor problems" />
      {ch && v && (
        <p data-testid="reactor-summary">
          Conversion {(100 * ch.conversion).toFixed(2)} % per pass ({ch.regime} flow); partial current {(ch.meanPartialCurrentDensityAPerM2 / 10).toFixed(2)} mA cm⁻²; cell voltage {v.cellVoltageV.toFixed(2)} V;{' '}
          {((reactor!.energyJPerKg as number) / 3.6e6).toFixed(1)} kWh kg⁻¹; {(reactor!.scaleUp as { electrodeAreaM2: number }).electrodeAreaM2.toFixed(0)} m² for the target.
        </p>
      )}
      <h2>Techno-economics</h2>
      <form className="inline-form" onSubmit={runTea} aria-label="techno-economics">
        <TeaPresetControls form={teaForm} setForm={setTeaForm} />
        {textField(teaForm, setTeaForm, 'product', 'TEA product')}
        {textField(teaForm, setTeaForm, 'electrons', 'TEA electrons')}
        {textField(teaForm, setTeaForm, 'faradaicEfficiency', 'TEA FE (fraction)')}
        {textField(teaForm, setTeaForm, 'currentDensityAPerM2', 'j (A m⁻²)')}
        {textField(teaForm, setTeaForm, 'cellVoltageV', 'cell voltage (V)')}
        {textField(teaForm, setTeaForm, 'productionTonnesPerDay', 'capacity (t/day)')}
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
