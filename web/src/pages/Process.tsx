import { type FormEvent, useEffect, useState } from 'react';
import { api } from '../api.js';
import { VegaChart } from '../chart.js';
import { JobProgress, type JobState, runJob } from '../jobProgress.js';
import { textField } from '../textField.js';

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

/** Microenvironment (profiles with a current-density slider), flow reactor and techno-economics. */
export function Process() {
  const [preset, setPreset] = useState(Object.keys(PRESETS)[0]!);
  const [logJ, setLogJ] = useState(1); // log10 of mA cm-2
  const [migration, setMigration] = useState(false);
  const [micro, setMicro] = useState<{ results: MicroResult[]; spec: object } | null>(null);
  const [sweep, setSweep] = useState<{ spec: object } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const j = Number((10 ** logJ).toPrecision(3));
  useEffect(() => {
    let live = true;
    const timer = setTimeout(() => {
      const p = PRESETS[preset]!;
      api.post<{ results: MicroResult[]; spec: object }>('/api/microenv', { ...p, migration, currentDensitiesMAPerCm2: [j] }).then(
        (d) => live && (setMicro(d), setError(null)),
        (e: Error) => live && setError(e.message),
      );
    }, 150);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [preset, j, migration]);
  useEffect(() => {
    const p = PRESETS[preset]!;
    const currents = Array.from({ length: 13 }, (_, i) => Number((10 ** (i / 4)).toPrecision(3)));
    api.post<{ spec: object }>('/api/microenv', { ...p, migration, currentDensitiesMAPerCm2: currents }).then(setSweep, (e: Error) => setError(e.message));
  }, [preset, migration]);

  const [pulseForm, setPulseForm] = useState({ highMAPerCm2: '50', tHighS: '0.5', lowMAPerCm2: '0', tLowS: '0.5', periods: '5' });
  const [transientJob, setTransientJob] = useState<JobState | null>(null);
  const [transientSpec, setTransientSpec] = useState<object | null>(null);
  const runTransient = async (e: FormEvent) => {
    e.preventDefault();
    setTransientSpec(null);
    try {
      const pulse = Object.fromEntries(Object.entries(pulseForm).map(([k, v]) => [k, Number(v)]));
      const done = await runJob<JobState & { spec: object }>('/api/microenv/transient', { ...PRESETS[preset]!, migration, pulse }, setTransientJob, 200);
      setError(null);
      setTransientSpec(done.spec);
    } catch (err) {
      setError((err as Error).message);
    }
  };

  const [coupleForm, setCoupleForm] = useState({ fromMAPerCm2: '1', toMAPerCm2: '30', points: '5' });
  const [coupleJob, setCoupleJob] = useState<JobState | null>(null);
  const [coupleSpec, setCoupleSpec] = useState<object | null>(null);
  const runCouple = async (e: FormEvent) => {
    e.preventDefault();
    setCoupleSpec(null);
    const [from, to, n] = [Number(coupleForm.fromMAPerCm2), Number(coupleForm.toMAPerCm2), Math.round(Number(coupleForm.points))];
    const currents = Array.from({ length: n }, (_, i) => Number((from * (to / from) ** (n > 1 ? i / (n - 1) : 0)).toPrecision(3)));
    try {
      const body = { ...COUPLING_CASE, currentDensitiesMAPerCm2: currents };
      const done = await runJob<JobState & { spec: object }>('/api/couple', body, setCoupleJob);
      setError(null);
      setCoupleSpec(done.spec);
    } catch (err) {
      setError((err as Error).message);
    }
  };

  const [reactorForm, setReactorForm] = useState({ product: 'urea', electrons: '16', faradaicEfficiency: '0.5', inletConcentrationMolPerM3: '50', reactantPerProduct: '2', kineticCurrentDensityAPerM2: '200', targetTonnesPerDay: '1' });
  const [reactor, setReactor] = useState<Record<string, unknown> | null>(null);
  const [teaForm, setTeaForm] = useState({ product: 'urea', electrons: '16', faradaicEfficiency: '0.5', currentDensityAPerM2: '3000', cellVoltageV: '3.2', productionTonnesPerDay: '100' });
  const [tea, setTea] = useState<{
    result: { costUsdPerKg: number; breakdownUsdPerKg: Record<string, number>; energyKWhPerKg: number };
    tornadoSpec: object;
    costVsFaradaicEfficiency: { value: number; costUsdPerKg: number }[];
    defaults: Record<string, { value: number; unit: string; source: string }>;
  } | null>(null);
  const numbers = (f: Record<string, string>) => Object.fromEntries(Object.entries(f).map(([k, v]) => [k, k === 'product' ? v : Number(v)]));
  const runReactor = async (e?: FormEvent) => {
    e?.preventDefault();
    try {
      setReactor(await api.post('/api/reactor', numbers(reactorForm)));
    } catch (err) {
      setError((err as Error).message);
    }
  };
  const runTea = async (e?: FormEvent) => {
    e?.preventDefault();
    try {
      setTea(await api.post('/api/tea', numbers(teaForm)));
    } catch (err) {
      setError((err as Error).message);
    }
  };
  useEffect(() => {
    void runReactor();
    void runTea();
  }, []);
  const r = micro?.results[0];
  const ch = reactor?.channel as { conversion: number; productionMolPerS: number; meanPartialCurrentDensityAPerM2: number; regime: string } | undefined;
  const v = reactor?.voltage as { cellVoltageV: number } | undefined;
  return (
    <section>
      <h1>Microenvironment, reactor and cost</h1>
      <p className="lead">What the catalyst sees at the surface (diffusion with the carbonate, water and ammonium equilibria at finite rates), what a flow cell produces, and what the product costs.</p>
      {error && <p className="error" role="alert">{error}</p>}
      <h2>Electrode microenvironment</h2>
      <div className="controls">
        <label>
          Case
          <select value={preset} onChange={(e) => setPreset(e.target.value)} aria-label="microenvironment case">
            {Object.keys(PRESETS).map((k) => (
              <option key={k}>{k}</option>
            ))}
          </select>
        </label>
        <label>
          <input type="checkbox" checked={migration} onChange={(e) => setMigration(e.target.checked)} /> migration (Nernst–Planck)
        </label>
        <label className="slider">
          Current density: <strong>{j} mA cm⁻²</strong>
          <input type="range" min={0} max={3} step={0.05} value={logJ} onChange={(e) => setLogJ(Number(e.target.value))} aria-label="current density (log10 mA per cm2)" />
        </label>
      </div>
      {r && (
        <p data-testid="micro-summary">
          {r.converged ? `Surface pH ${r.surfacePH.toFixed(2)} (bulk ${r.bulkPH.toFixed(2)})` : `Not solved: ${r.message}`}
        </p>
      )}
      {micro && <VegaChart spec={micro.spec} label="concentration and pH profiles" />}
      {sweep && <VegaChart spec={sweep.spec} label="surface pH vs current density" />}
      <h3>Pulsed current: surface pH vs time</h3>
      <form className="inline-form" onSubmit={runTransient}>
        {textField(pulseForm, setPulseForm, 'highMAPerCm2', 'high j (mA cm⁻²)')}
        {textField(pulseForm, setPulseForm, 'tHighS', 'high for (s)')}
        {textField(pulseForm, setPulseForm, 'lowMAPerCm2', 'low j (mA cm⁻²)')}
        {textField(pulseForm, setPulseForm, 'tLowS', 'low for (s)')}
        {textField(pulseForm, setPulseForm, 'periods', 'periods')}
        <button type="submit">Simulate pulses</button>
      </form>
      {transientJob && <JobProgress job={transientJob} unit="ms simulated" label="transient progress" />}
      {transientSpec && <VegaChart spec={transientSpec} label="surface pH vs time" />}
      <h3>Transport–kinetics coupling: FE vs current density</h3>
      <p className="lead">The built-in urea model (Cu₄–CeO₂) in CO2-saturated 0.1 M KHCO3 + 0.05 M KNO3: its kinetics at the surface concentrations and pH, iterated with the transport model to self-consistency, against the same kinetics at bulk concentrations.</p>
      <form className="inline-form" onSubmit={runCouple}>
        {textField(coupleForm, setCoupleForm, 'fromMAPerCm2', 'from (mA cm⁻²)')}
        {textField(coupleForm, setCoupleForm, 'toMAPerCm2', 'to (mA cm⁻²)')}
        {textField(coupleForm, setCoupleForm, 'points', 'currents')}
        <button type="submit">Couple</button>
      </form>
      {coupleJob && <JobProgress job={coupleJob} unit="currents" label="coupling progress" />}
      {coupleSpec && <VegaChart spec={coupleSpec} label="FE vs current density with transport" />}
      <h2>Flow reactor</h2>
      <form className="inline-form" onSubmit={runReactor}>
        {textField(reactorForm, setReactorForm, 'product', 'product')}
        {textField(reactorForm, setReactorForm, 'electrons', 'electrons')}
        {textField(reactorForm, setReactorForm, 'faradaicEfficiency', 'FE (fraction)')}
        {textField(reactorForm, setReactorForm, 'inletConcentrationMolPerM3', 'inlet reactant (mol m⁻³)')}
        {textField(reactorForm, setReactorForm, 'reactantPerProduct', 'reactant per product')}
        {textField(reactorForm, setReactorForm, 'kineticCurrentDensityAPerM2', 'kinetic j (A m⁻²)')}
        {textField(reactorForm, setReactorForm, 'targetTonnesPerDay', 'target (t/day)')}
        <button type="submit">Evaluate</button>
      </form>
      {ch && v && (
        <p data-testid="reactor-summary">
          Conversion {(100 * ch.conversion).toFixed(2)} % per pass ({ch.regime} flow); partial current {(ch.meanPartialCurrentDensityAPerM2 / 10).toFixed(2)} mA cm⁻²; cell voltage {v.cellVoltageV.toFixed(2)} V;{' '}
          {((reactor!.energyJPerKg as number) / 3.6e6).toFixed(1)} kWh kg⁻¹; {(reactor!.scaleUp as { electrodeAreaM2: number }).electrodeAreaM2.toFixed(0)} m² for the target.
        </p>
      )}
      <h2>Techno-economics</h2>
      <form className="inline-form" onSubmit={runTea}>
        {textField(teaForm, setTeaForm, 'product', 'TEA product')}
        {textField(teaForm, setTeaForm, 'electrons', 'TEA electrons')}
        {textField(teaForm, setTeaForm, 'faradaicEfficiency', 'TEA FE (fraction)')}
        {textField(teaForm, setTeaForm, 'currentDensityAPerM2', 'j (A m⁻²)')}
        {textField(teaForm, setTeaForm, 'cellVoltageV', 'cell voltage (V)')}
        {textField(teaForm, setTeaForm, 'productionTonnesPerDay', 'capacity (t/day)')}
        <button type="submit">Cost it</button>
      </form>
      {tea && (
        <>
          <p data-testid="tea-summary">
            Levelized cost <strong>{tea.result.costUsdPerKg.toFixed(3)} USD/kg</strong> (
            {Object.entries(tea.result.breakdownUsdPerKg)
              .map(([k, v]) => `${k} ${v.toFixed(3)}`)
              .join(', ')}
            ); {tea.result.energyKWhPerKg.toFixed(1)} kWh/kg.
          </p>
          <details data-testid="tea-defaults">
            <summary>Economic defaults and their sources (override through the API or CLI)</summary>
            <table>
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
                    <td>{k}</td>
                    <td>
                      {d.value} {d.unit}
                    </td>
                    <td>{d.source}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
          <VegaChart spec={tea.tornadoSpec} label="tornado chart" />
          <VegaChart
            spec={{
              $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
              title: 'Break-even: cost vs faradaic efficiency',
              width: 420,
              height: 220,
              data: { values: tea.costVsFaradaicEfficiency },
              mark: { type: 'line', point: true },
              encoding: { x: { field: 'value', type: 'quantitative', title: 'Faradaic efficiency (fraction)' }, y: { field: 'costUsdPerKg', type: 'quantitative', title: 'Levelized cost (USD/kg)' } },
            }}
            label="cost vs FE"
          />
        </>
      )}
    </section>
  );
}
