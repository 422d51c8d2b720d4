import { type ReactNode, useEffect, useState } from 'react';
import { readHumanNumber } from '../../../src/chem/parseHumanNumber.js';
import { api } from '../api.js';
import { explainError } from '../forms.js';
import { useQueryForm, useTitle } from '../route.js';

/**
 * Posts `body` to `url` 250 ms after the last change; returns the result or the problems (in the words of the
 * card's labels). A body of `{ problems }` (numbers that could not be read) is shown without asking the API. A result
 * is returned only while `body` is still the one it was computed for (no old number beside new inputs while waiting).
 */
function useCalc<T>(url: string, body: unknown, labels: Record<string, string> = {}): { result: T | null; error: string | null } {
  const key = JSON.stringify(body);
  const [state, setState] = useState<{ key: string; result: T | null; error: string | null }>({ key: '', result: null, error: null });
  useEffect(() => {
    let live = true;
    const local = (body as { problems?: string[] }).problems;
    if (local?.length) {
      setState({ key, result: null, error: local.join('; ') });
      return;
    }
    const timer = setTimeout(() => {
      api.post<T>(url, body).then(
        (result) => live && setState({ key, result, error: null }),
        (e: Error) => live && setState({ key, result: null, error: explainError(e, labels).join('; ') }),
      );
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `key` is the serialized body (and so stands for body and labels): a new object each render must not re-post
  }, [url, key]);
  return state.key === key ? state : { result: null, error: null };
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

/**
 * Reads the numeric fields of a card as people type them ("−0.9", "1 250", "−900 mV"; "." is the decimal point); returns the numbers, or
 * `{ problems }` naming each field by its label.
 */
function numbers<K extends string>(
  fields: Record<K, { text: string; label: string; units?: Record<string, number>; optional?: boolean }>,
): Record<K, number | undefined> & { problems?: string[] } {
  const out = {} as Record<K, number | undefined> & { problems?: string[] };
  const problems: string[] = [];
  for (const [key, f] of Object.entries(fields) as [K, { text: string; label: string; units?: Record<string, number>; optional?: boolean }][]) {
    if (f.text.trim() === '' && f.optional) continue;
    const r = readHumanNumber(f.text, { units: f.units });
    if (r.ok) out[key] = r.value as never;
    else problems.push(r.problem === 'empty' ? `${f.label} is empty: type a number` : `${f.label}: ${r.problem} — type ${r.allowed}`);
  }
  if (problems.length) out.problems = problems;
  return out;
}

function FormulaCard() {
  const [{ formula }, setForm] = useQueryForm('formula', { formula: 'CO(NH2)2' });
  const setFormula = (v: string) => setForm({ formula: v });
  const { result, error } = useCalc<{ hill: string; molarMass: number; charge: number; counts: Record<string, number> }>(
    '/api/formula',
    { formula },
    { formula: 'Formula' },
  );
  return (
    <Card
      title="Formula"
      testId="formula"
      error={error}
      result={
        result && (
          <>
            Hill {result.hill} · charge {result.charge} · <strong>{result.molarMass.toFixed(3)} g/mol</strong> ·{' '}
            {Object.entries(result.counts)
              .map(([e, n]) => `${e} ${n}`)
              .join(', ')}
          </>
        )
      }
    >
      <label>
        Formula <input value={formula} onChange={(e) => setFormula(e.target.value)} aria-label="formula" />
      </label>
    </Card>
  );
}

function BalanceCard() {
  const [f, setF] = useQueryForm('balance', { from: 'CO2, NO3-', to: 'urea', medium: 'acidic' });
  const { from, to, medium } = f;
  const setFrom = (v: string) => setF({ ...f, from: v });
  const setTo = (v: string) => setF({ ...f, to: v });
  const setMedium = (v: string) => setF({ ...f, medium: v });
  const { result, error } = useCalc<{ equation: string; electronsExact: string; kind: string; warnings: string[] }>(
    '/api/balance',
    { from, to, medium },
    { from: 'Reactants', to: 'Product', medium: 'Medium' },
  );
  return (
    <Card
      title="Balance a half-reaction"
      testId="balance"
      error={error}
      result={
        result && (
          <>
            <strong>{result.equation}</strong>
            <br />
            {result.electronsExact} e⁻ per product ({result.kind})
            {result.warnings.map((w) => (
              <span key={w} className="warning" role="note">
                <br />⚠ {w}
              </span>
            ))}
          </>
        )
      }
    >
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
  const [f, setF] = useQueryForm('fe', { from: 'CO2, NO3-', to: 'urea', chargeC: '12.5', amountUmol: '6.1' });
  const { from, to, chargeC, amountUmol } = f;
  const setFrom = (v: string) => setF({ ...f, from: v });
  const setTo = (v: string) => setF({ ...f, to: v });
  const setCharge = (v: string) => setF({ ...f, chargeC: v });
  const setAmount = (v: string) => setF({ ...f, amountUmol: v });
  const n = numbers({
    chargeC: { text: chargeC, label: 'Charge (C)', units: { C: 1, mC: 1e-3 } },
    amountUmol: { text: amountUmol, label: 'Product (μmol)', units: { μmol: 1, umol: 1, nmol: 1e-3, mmol: 1000 } },
  });
  const body = n.problems ? { problems: n.problems } : { from, to, chargeC: n.chargeC, amountMol: n.amountUmol! * 1e-6 };
  const { result, error } = useCalc<{ faradaicEfficiency: number; electrons: number; warnings: string[] }>('/api/fe', body, {
    from: 'Reactants',
    to: 'Product',
    chargeC: 'Charge (C)',
    amountMol: 'Product (μmol)',
  });
  return (
    <Card
      title="Faradaic efficiency"
      testId="fe"
      error={error}
      result={
        result && (
          <>
            FE = <strong>{(result.faradaicEfficiency * 100).toFixed(2)} %</strong> (n = {result.electrons} e⁻)
            {/* the study's warnings: FE above 100 %, a neutral formula where an ion is likely meant */}
            {result.warnings.map((w) => (
              <span key={w} className="warning" role="note">
                <br />⚠ {w}
              </span>
            ))}
          </>
        )
      }
    >
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
  const [f, setF] = useQueryForm('potential', { value: '-0.9', from: 'Ag/AgCl (sat. KCl)', to: 'RHE', pH: '7' });
  const { value, from, to, pH } = f;
  const setValue = (v: string) => setF({ ...f, value: v });
  const setFrom = (v: string) => setF({ ...f, from: v });
  const setTo = (v: string) => setF({ ...f, to: v });
  const setPH = (v: string) => setF({ ...f, pH: v });
  const n = numbers({ value: { text: value, label: 'E (V)', units: { V: 1, mV: 1e-3 } }, pH: { text: pH, label: 'pH', optional: true } });
  const { result, error } = useCalc<{ potentialV: number }>(
    '/api/potential',
    n.problems ? { problems: n.problems } : { potentialV: n.value, from, to, pH: n.pH },
    { potentialV: 'E (V)', from: 'from', to: 'to', pH: 'pH' },
  );
  return (
    <Card
      title="Potential scales"
      testId="potential"
      error={error}
      result={
        result && (
          <>
            <strong>{result.potentialV.toFixed(4)} V</strong> vs {to}
          </>
        )
      }
    >
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
  const [f, setF] = useQueryForm('convert', { value: '0.78', fromUnit: 'mmol h-1 cm-2', toUnit: 'mg h-1 cm-2', species: 'cyclohexanone oxime' });
  const { value, fromUnit, toUnit, species } = f;
  const setValue = (v: string) => setF({ ...f, value: v });
  const setFromUnit = (v: string) => setF({ ...f, fromUnit: v });
  const setToUnit = (v: string) => setF({ ...f, toUnit: v });
  const setSpecies = (v: string) => setF({ ...f, species: v });
  const n = numbers({ value: { text: value, label: 'Value' } });
  const { result, error } = useCalc<{ value: number; unit: string }>(
    '/api/convert',
    n.problems ? { problems: n.problems } : { value: n.value, fromUnit, toUnit, species: species || undefined },
    { value: 'Value', fromUnit: 'from', toUnit: 'to', species: 'Product' },
  );
  return (
    <Card
      title="Yield-rate units"
      testId="convert"
      error={error}
      result={
        result && (
          <>
            <strong>{Number(result.value.toPrecision(6))}</strong> {result.unit}
          </>
        )
      }
    >
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
  const [f, setF] = useQueryForm('e0', { from: 'CO2, NO3-', to: 'urea', pH: '7' });
  const { from, to, pH } = f;
  const setFrom = (v: string) => setF({ ...f, from: v });
  const setTo = (v: string) => setF({ ...f, to: v });
  const setPH = (v: string) => setF({ ...f, pH: v });
  const n = numbers({ pH: { text: pH, label: 'pH', optional: true } });
  const { result, error } = useCalc<{ e0VsSHE: number; e0VsRHE: number; equation: string }>(
    '/api/e0',
    n.problems ? { problems: n.problems } : { from, to, pH: n.pH },
    { from: 'Reactants', to: 'Product', pH: 'pH' },
  );
  return (
    <Card
      title="Equilibrium potential E°"
      testId="e0"
      error={error}
      result={
        result && (
          <>
            E° = <strong>{result.e0VsSHE.toFixed(4)} V vs SHE</strong>; at pH {pH}: {result.e0VsRHE.toFixed(4)} V vs RHE
            <br />
            <span className="muted">{result.equation}</span>
          </>
        )
      }
    >
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
  useTitle('Calculators');
  return (
    <section>
      <h1>Calculators</h1>
      <p className="lead">
        Results update as you type. Species by name (urea, glyoxylic acid, DMF) or formula (CO(NH2)2, NO3-); numbers as printed (−0.9, 1 250, −900 mV), with "."
        as the decimal point.
      </p>
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
