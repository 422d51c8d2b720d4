import { type ReactNode, useEffect, useState } from 'react';
import { api } from '../api.js';

/** Posts `body` to `url` 250 ms after the last change; returns the result or the error message. */
function useCalc<T>(url: string, body: unknown): { result: T | null; error: string | null } {
  const [state, setState] = useState<{ result: T | null; error: string | null }>({ result: null, error: null });
  const key = JSON.stringify(body);
  useEffect(() => {
    let live = true;
    const timer = setTimeout(() => {
      api.post<T>(url, body).then(
        (result) => live && setState({ result, error: null }),
        (e: Error) => live && setState({ result: null, error: e.message }),
      );
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [url, key]);
  return state;
}

function Card({ title, children, result, error, testId }: { title: string; children: ReactNode; result: ReactNode; error: string | null; testId: string }) {
  return (
    <section className="card" aria-labelledby={`${testId}-title`}>
      <h2 id={`${testId}-title`}>{title}</h2>
      <div className="inputs">{children}</div>
      <output className={error ? 'error' : 'result'} data-testid={testId} aria-live="polite">
        {error ?? result}
      </output>
    </section>
  );
}

const num = (s: string) => (s.trim() === '' ? undefined : Number(s));

function FormulaCard() {
  const [formula, setFormula] = useState('CO(NH2)2');
  const { result, error } = useCalc<{ hill: string; molarMass: number; charge: number; counts: Record<string, number> }>('/api/formula', { formula });
  return (
    <Card title="Formula" testId="formula" error={error} result={result && <>Hill {result.hill} · charge {result.charge} · <strong>{result.molarMass.toFixed(3)} g/mol</strong> · {Object.entries(result.counts).map(([e, n]) => `${e} ${n}`).join(', ')}</>}>
      <label>
        Formula <input value={formula} onChange={(e) => setFormula(e.target.value)} aria-label="formula" />
      </label>
    </Card>
  );
}

function BalanceCard() {
  const [from, setFrom] = useState('CO2, NO3-');
  const [to, setTo] = useState('urea');
  const [medium, setMedium] = useState('acidic');
  const { result, error } = useCalc<{ equation: string; electronsExact: string; kind: string }>('/api/balance', { from, to, medium });
  return (
    <Card title="Balance a half-reaction" testId="balance" error={error} result={result && <><strong>{result.equation}</strong><br />{result.electronsExact} e⁻ per product ({result.kind})</>}>
      <label>
        Reactants <input value={from} onChange={(e) => setFrom(e.target.value)} aria-label="reactants" />
      </label>
      <label>
        Product <input value={to} onChange={(e) => setTo(e.target.value)} aria-label="product" />
      </label>
      <label>
        Medium
        <select value={medium} onChange={(e) => setMedium(e.target.value)}>
          <option>acidic</option>
          <option>alkaline</option>
        </select>
      </label>
    </Card>
  );
}

function FeCard() {
  const [from, setFrom] = useState('CO2, NO3-');
  const [to, setTo] = useState('urea');
  const [chargeC, setCharge] = useState('12.5');
  const [amountUmol, setAmount] = useState('6.1');
  const { result, error } = useCalc<{ faradaicEfficiency: number; electrons: number }>('/api/fe', { from, to, chargeC: num(chargeC), amountMol: (num(amountUmol) ?? NaN) * 1e-6 });
  return (
    <Card title="Faradaic efficiency" testId="fe" error={error} result={result && <>FE = <strong>{(result.faradaicEfficiency * 100).toFixed(2)} %</strong> (n = {result.electrons} e⁻)</>}>
      <label>
        Reactants <input value={from} onChange={(e) => setFrom(e.target.value)} aria-label="FE reactants" />
      </label>
      <label>
        Product <input value={to} onChange={(e) => setTo(e.target.value)} aria-label="FE product" />
      </label>
      <label>
        Charge (C) <input value={chargeC} onChange={(e) => setCharge(e.target.value)} inputMode="decimal" aria-label="charge in coulomb" />
      </label>
      <label>
        Product (μmol) <input value={amountUmol} onChange={(e) => setAmount(e.target.value)} inputMode="decimal" aria-label="product amount in micromol" />
      </label>
    </Card>
  );
}

function PotentialCard() {
  // the reference electrodes the library knows (RHE, which depends on the pH, first)
  const [scales, setScales] = useState<string[]>(['RHE', 'SHE', 'Ag/AgCl (sat. KCl)']);
  useEffect(() => {
    api.get<{ name: string }[]>('/api/reference-electrodes').then(
      (list) => setScales(['RHE', ...list.map((r) => r.name)]),
      () => {}, // the short list above stays usable
    );
  }, []);
  const [value, setValue] = useState('-0.9');
  const [from, setFrom] = useState('Ag/AgCl (sat. KCl)');
  const [to, setTo] = useState('RHE');
  const [pH, setPH] = useState('7');
  const { result, error } = useCalc<{ potentialV: number }>('/api/potential', { potentialV: num(value), from, to, pH: num(pH) });
  return (
    <Card title="Potential scales" testId="potential" error={error} result={result && <><strong>{result.potentialV.toFixed(4)} V</strong> vs {to}</>}>
      <label>
        E (V) <input value={value} onChange={(e) => setValue(e.target.value)} inputMode="decimal" aria-label="potential in volt" />
      </label>
      <label>
        from
        <select value={from} onChange={(e) => setFrom(e.target.value)} aria-label="from scale">
          {scales.map((s) => (
            <option key={s}>{s}</option>
          ))}
        </select>
      </label>
      <label>
        to
        <select value={to} onChange={(e) => setTo(e.target.value)} aria-label="to scale">
          {scales.map((s) => (
            <option key={s}>{s}</option>
          ))}
        </select>
      </label>
      <label>
        pH <input value={pH} onChange={(e) => setPH(e.target.value)} inputMode="decimal" aria-label="pH" />
      </label>
    </Card>
  );
}

function ConvertCard() {
  const [value, setValue] = useState('0.78');
  const [fromUnit, setFromUnit] = useState('mmol h-1 cm-2');
  const [toUnit, setToUnit] = useState('mg h-1 cm-2');
  const [species, setSpecies] = useState('cyclohexanone oxime');
  const { result, error } = useCalc<{ value: number; unit: string }>('/api/convert', { value: num(value), fromUnit, toUnit, species: species || undefined });
  return (
    <Card title="Yield-rate units" testId="convert" error={error} result={result && <><strong>{Number(result.value.toPrecision(6))}</strong> {result.unit}</>}>
      <label>
        Value <input value={value} onChange={(e) => setValue(e.target.value)} inputMode="decimal" aria-label="value" />
      </label>
      <label>
        from <input value={fromUnit} onChange={(e) => setFromUnit(e.target.value)} aria-label="from unit" />
      </label>
      <label>
        to <input value={toUnit} onChange={(e) => setToUnit(e.target.value)} aria-label="to unit" />
      </label>
      <label>
        Product <input value={species} onChange={(e) => setSpecies(e.target.value)} aria-label="product species" />
      </label>
    </Card>
  );
}

function E0Card() {
  const [from, setFrom] = useState('CO2, NO3-');
  const [to, setTo] = useState('urea');
  const [pH, setPH] = useState('7');
  const { result, error } = useCalc<{ e0VsSHE: number; e0VsRHE: number; equation: string }>('/api/e0', { from, to, pH: num(pH) });
  return (
    <Card title="Equilibrium potential E°" testId="e0" error={error} result={result && <>E° = <strong>{result.e0VsSHE.toFixed(4)} V vs SHE</strong>; at pH {pH}: {result.e0VsRHE.toFixed(4)} V vs RHE<br /><span className="muted">{result.equation}</span></>}>
      <label>
        Reactants <input value={from} onChange={(e) => setFrom(e.target.value)} aria-label="E0 reactants" />
      </label>
      <label>
        Product <input value={to} onChange={(e) => setTo(e.target.value)} aria-label="E0 product" />
      </label>
      <label>
        pH <input value={pH} onChange={(e) => setPH(e.target.value)} inputMode="decimal" aria-label="E0 pH" />
      </label>
    </Card>
  );
}

/** The calculators of the chemistry core, with results as you type. */
export function Calculators() {
  return (
    <section>
      <h1>Calculators</h1>
      <p className="lead">Results update as you type. Species by name (urea, glyoxylic acid, DMF) or formula (CO(NH2)2, NO3-).</p>
      <div className="cards">
        <FormulaCard />
        <BalanceCard />
        <FeCard />
        <PotentialCard />
        <ConvertCard />
        <E0Card />
      </div>
    </section>
  );
}
