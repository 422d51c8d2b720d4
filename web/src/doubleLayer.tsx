import { type FormEvent, useEffect, useMemo, useState } from 'react';
import { api } from './api.js';
import { VegaChart } from './chart.js';
import { type DoubleLayerResponse, doubleLayerSpecs, ionText } from './doubleLayerSpecs.js';
import { type NumberField, Problems, explainError, problemsByInput, readNumbers } from './forms.js';
import { useQueryForm } from './route.js';
import { textField } from './textField.js';

/** Text fields of the double-layer form (kept in the URL under `dl.`); potentials in V, the Stern capacitance in µF cm⁻². */
const DEFAULTS = {
  electrolyte: '0.1 M KHCO3',
  reference: 'pzc',
  potentialVvsPzc: '-0.5',
  potentialVvsSHE: '-1.0',
  pzcVvsSHE: '-0.5',
  sternCapacitanceUFPerCm2: '20',
  temperatureK: '298.15',
  co2Saturated: '0',
};
type Form = typeof DEFAULTS;
type NumberKey = 'potentialVvsPzc' | 'potentialVvsSHE' | 'pzcVvsSHE' | 'sternCapacitanceUFPerCm2' | 'temperatureK';

const VOLT = { V: 1, mV: 1e-3 };
/** Ranges are the API's (src/studies/doubleLayer.ts): the server judges them and its message shows beside the input. */
const FIELDS: Record<NumberKey, NumberField> = {
  potentialVvsPzc: { label: 'potential vs PZC (V)', units: VOLT },
  potentialVvsSHE: { label: 'potential (V vs SHE)', units: VOLT },
  pzcVvsSHE: { label: 'PZC (V vs SHE)', units: VOLT },
  // 1 µF cm⁻² = 0.01 F m⁻²; the API's default 0.2 F m⁻² is 20 µF cm⁻²
  // checked here, in the unit typed: the API's bounds (0, 100] F m⁻² are (0, 10000] µF cm⁻²
  sternCapacitanceUFPerCm2: { label: 'Stern capacitance (µF cm⁻²)', units: { 'µF cm-2': 1, 'uF cm-2': 1, 'F m-2': 100 }, min: 0, max: 10000 },
  temperatureK: { label: 'temperature (K)', units: { K: 1 } },
};
const ELECTROLYTE_LABEL = 'double-layer electrolyte';
/** API field → the input that shows its problem. */
const INPUT_OF: Record<string, string> = {
  electrolyte: 'electrolyte',
  potentialVvsPzc: 'potentialVvsPzc',
  potentialVvsSHE: 'potentialVvsSHE',
  pzcVvsSHE: 'pzcVvsSHE',
  sternCapacitanceFPerM2: 'sternCapacitanceUFPerCm2',
  temperatureK: 'temperatureK',
};
const LABELS: Record<string, string> = {
  electrolyte: ELECTROLYTE_LABEL,
  ...Object.fromEntries(Object.entries(FIELDS).map(([k, f]) => [k, f.label])),
  sternCapacitanceFPerM2: 'Stern capacitance (F m⁻²)',
};

/** The fields sent for a reference: vs PZC, or vs SHE with the PZC vs SHE. */
const numberKeys = (reference: string): NumberKey[] => [
  ...(reference === 'she' ? (['potentialVvsSHE', 'pzcVvsSHE'] as const) : (['potentialVvsPzc'] as const)),
  'sternCapacitanceUFPerCm2',
  'temperatureK',
];

/** mol m⁻³ with 4 significant digits (and the M value alongside; below 0.01 as 1.234e-5), or an em dash. */
function molar(c: number | null | undefined): string {
  if (c === null || c === undefined || !Number.isFinite(c)) return '—';
  const digits = (v: number, n: number) => (v !== 0 && Math.abs(v) < 0.01 ? v.toExponential(n - 1) : v.toPrecision(n));
  return `${digits(c, 4)} mol m⁻³ (${digits(c / 1000, 3)} M)`;
}

/**
 * The double-layer model on the Process page: a form (electrolyte, potential vs the PZC or vs SHE with the PZC,
 * Stern capacitance, temperature, CO2 saturation), the OHP values and the potential, cation and OH⁻ profiles.
 * A result shows only while the form still says what it was computed for; problems show beside their inputs.
 */
export function DoubleLayerSection() {
  const [form, setForm] = useQueryForm('dl', DEFAULTS);
  const [result, setResult] = useState<{ key: string; r: DoubleLayerResponse } | null>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const [byInput, setByInput] = useState<Record<string, string>>({});
  const [running, setRunning] = useState(false);
  const key = JSON.stringify(form);
  const shown = result && result.key === key ? result.r : null;
  const specs = useMemo(() => (shown ? doubleLayerSpecs(shown) : null), [shown]);

  const run = async (e?: FormEvent, current: Form = form) => {
    e?.preventDefault();
    setResult(null);
    const keys = numberKeys(current.reference);
    const {
      values,
      problems: found,
      byField,
    } = readNumbers(
      Object.fromEntries(keys.map((k) => [k, current[k]])) as Record<NumberKey, string>,
      Object.fromEntries(keys.map((k) => [k, FIELDS[k]])) as Record<NumberKey, NumberField>,
    );
    const local: Record<string, string> = { ...byField };
    if (values.sternCapacitanceUFPerCm2 === 0) {
      const zero = `${FIELDS.sternCapacitanceUFPerCm2.label} must be above 0`;
      found.push(zero);
      local.sternCapacitanceUFPerCm2 = zero;
    }
    if (!current.electrolyte.trim()) {
      found.unshift(`${ELECTROLYTE_LABEL} is required`);
      local.electrolyte = 'is required';
    }
    if (found.length) {
      setProblems(found);
      return setByInput(local);
    }
    const body = {
      electrolyte: current.electrolyte.trim(),
      ...(current.reference === 'she' ? { potentialVvsSHE: values.potentialVvsSHE, pzcVvsSHE: values.pzcVvsSHE } : { potentialVvsPzc: values.potentialVvsPzc }),
      sternCapacitanceFPerM2: values.sternCapacitanceUFPerCm2! / 100,
      temperatureK: values.temperatureK,
      co2Saturated: current.co2Saturated === '1',
    };
    setProblems([]);
    setByInput({});
    setRunning(true);
    try {
      const r = await api.post<DoubleLayerResponse>('/api/double-layer', body);
      setResult({ key: JSON.stringify(current), r });
    } catch (err) {
      setProblems(explainError(err, LABELS));
      setByInput(problemsByInput(err, INPUT_OF));
    } finally {
      setRunning(false);
    }
  };
  useEffect(() => {
    void run();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- mount only: the default input solved once on opening; later runs are the button
  }, []);

  const field = (k: NumberKey) => textField(form, setForm, k, FIELDS[k].label, byInput[k]);
  return (
    <>
      <h3>Double layer at the electrode: cations and OH⁻ at the outer Helmholtz plane</h3>
      <p className="lead">
        Equilibrium generalized modified Poisson–Boltzmann model (zero current): Bikerman-sized solvated ions, a Stern layer of the capacitance you give, and
        the potential of zero charge as the reference (Bohra et al., Energy Environ. Sci. 2019, 12, 3380; Ringe et al., Energy Environ. Sci. 2019, 12, 3001).
        Li⁺, Na⁺, K⁺ or Cs⁺ salts.
      </p>
      <form className="inline-form" onSubmit={(e) => void run(e)} aria-label="double layer">
        <label>
          {ELECTROLYTE_LABEL}
          <input
            value={form.electrolyte}
            onChange={(e) => setForm({ ...form, electrolyte: e.target.value })}
            list="double-layer-electrolytes"
            aria-label={ELECTROLYTE_LABEL}
            aria-invalid={byInput.electrolyte ? true : undefined}
            aria-describedby={byInput.electrolyte ? 'problem-double-layer-electrolyte' : undefined}
          />
          {byInput.electrolyte && (
            <small className="field-error" id="problem-double-layer-electrolyte">
              {byInput.electrolyte}
            </small>
          )}
        </label>
        <datalist id="double-layer-electrolytes">
          {['0.1 M LiHCO3', '0.1 M NaHCO3', '0.1 M KHCO3', '0.1 M CsHCO3', '0.5 M K2SO4'].map((v) => (
            <option key={v} value={v} />
          ))}
        </datalist>
        <label>
          potential reference
          <select value={form.reference} onChange={(e) => setForm({ ...form, reference: e.target.value })} aria-label="potential reference">
            <option value="pzc">vs PZC</option>
            <option value="she">vs SHE, with the PZC</option>
          </select>
        </label>
        {form.reference === 'she' ? (
          <>
            {field('potentialVvsSHE')}
            {field('pzcVvsSHE')}
          </>
        ) : (
          field('potentialVvsPzc')
        )}
        {field('sternCapacitanceUFPerCm2')}
        {field('temperatureK')}
        <label className="check">
          <input type="checkbox" checked={form.co2Saturated === '1'} onChange={(e) => setForm({ ...form, co2Saturated: e.target.checked ? '1' : '0' })} />{' '}
          CO2-saturated
        </label>
        <button type="submit" disabled={running}>
          {running ? 'Solving…' : 'Solve double layer'}
        </button>
      </form>
      <Problems problems={problems} label="double layer problems" />
      {shown && (
        <>
          <table className="compare" data-testid="double-layer-ohp" aria-label="values at the outer Helmholtz plane">
            <caption>
              At the OHP, {shown.electrolyte}, E − E<sub>pzc</sub> = {shown.potentialVvsPzc.toFixed(3)} V, C<sub>S</sub> ={' '}
              {(100 * shown.sternCapacitanceFPerM2).toPrecision(3)} µF cm⁻² ({shown.sternCapacitanceFPerM2} F m⁻²)
            </caption>
            <tbody>
              {[
                ['potential vs bulk', `${(1000 * shown.ohp.potentialVvsBulk).toFixed(2)} mV`, 'potentialVvsBulk'],
                ['Stern-layer drop', `${(1000 * shown.ohp.sternDropV).toFixed(2)} mV`, 'sternDropV'],
                ['field', `${shown.ohp.fieldVPerNm.toFixed(4)} V nm⁻¹`, 'fieldVPerNm'],
                ['surface charge', `${shown.surfaceChargeUCPerCm2.toFixed(3)} µC cm⁻²`, 'surfaceChargeUCPerCm2'],
                ...shown.cations.map((ion) => [`${ionText(ion)}`, molar(shown.ohp.concentrationsMolPerM3[ion]), `cation-${ion}`]),
                ['OH⁻', molar(shown.ohp.hydroxideMolPerM3), 'hydroxideMolPerM3'],
                ['pH (H⁺ activity, Boltzmann)', shown.ohp.pH.toFixed(3), 'pH'],
                ['pH from [H⁺]', shown.ohp.concentrationPH === null ? '—' : shown.ohp.concentrationPH.toFixed(3), 'concentrationPH'],
                ['bulk pH', shown.bulkPH.toFixed(3), 'bulkPH'],
                ['Debye length', `${shown.debyeLengthNm.toFixed(3)} nm`, 'debyeLengthNm'],
              ].map(([name, value, id]) => (
                <tr key={id}>
                  <th scope="row">{name}</th>
                  <td data-label={name} data-testid={`ohp-${id}`}>
                    {value}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {shown.warnings.length > 0 && (
            <ul className="muted" aria-label="double layer warnings">
              {shown.warnings.map((w) => (
                <li key={w}>{w}</li>
              ))}
            </ul>
          )}
        </>
      )}
      {specs && (
        <div className="chart-row">
          <VegaChart spec={specs.potential} label="double layer potential profile" name="cncouple-double-layer-potential" />
          <VegaChart spec={specs.cations} label="double layer cation profile" name="cncouple-double-layer-cations" />
          <VegaChart spec={specs.hydroxide} label="double layer OH⁻ profile" name="cncouple-double-layer-hydroxide" />
        </div>
      )}
    </>
  );
}
