import { useState } from 'react';
import { api } from '../api.js';

/**
 * The TEA preset select and the table of included/excluded cost terms (issue 11). A preset's assumptions live in the
 * API (`POST /api/tea {preset}`, docs/tea.md); choosing one fills the form's process fields with the values the API
 * resolves, and the preset id travels with the request so its feeds, separation and economics apply too.
 */

/** Presets the API knows (`teaRequestSchema.preset`), with a label. */
const PRESETS: { id: string; label: string }[] = [{ id: 'jouny2018', label: 'Jouny, Luc & Jiao 2018 — CO base case' }];

/** The part of the request body the preset adds. */
export function teaPresetBody(form: Record<string, string>): { preset?: string } {
  return form.preset ? { preset: form.preset } : {};
}

interface ResolvedInput {
  product: string;
  electrons: number;
  faradaicEfficiency: number;
  currentDensityMAPerCm2: number;
  cellVoltageV: number;
  productionTonnesPerDay: number;
}

/** A select of the presets; choosing one fills the form's process fields from the API's resolved input. */
export function TeaPresetControls<F extends Record<string, string>>({ form, setForm }: { form: F; setForm: (f: F) => void }) {
  const [problem, setProblem] = useState<string | null>(null);
  const choose = async (id: string) => {
    if (!id) return setForm({ ...form, preset: '' } as F);
    try {
      const { input } = await api.post<{ input: ResolvedInput }>('/api/tea', { preset: id });
      const j =
        'currentDensityMAPerCm2' in form
          ? { currentDensityMAPerCm2: String(input.currentDensityMAPerCm2) }
          : { currentDensityAPerM2: String(input.currentDensityMAPerCm2 * 10) };
      setForm({
        ...form,
        preset: id,
        product: input.product,
        electrons: String(input.electrons),
        faradaicEfficiencyPercent: String(100 * input.faradaicEfficiency),
        cellVoltageV: String(input.cellVoltageV),
        productionTonnesPerDay: String(input.productionTonnesPerDay),
        ...j,
      } as F);
      setProblem(null);
    } catch (err) {
      setProblem(`preset ${id}: ${(err as Error).message}`);
    }
  };
  return (
    <label>
      TEA preset
      <select value={form.preset ?? ''} onChange={(e) => void choose(e.target.value)} aria-label="TEA preset">
        <option value="">none (cited defaults)</option>
        {PRESETS.map((p) => (
          <option key={p.id} value={p.id}>
            {p.label}
          </option>
        ))}
      </select>
      {problem && <span role="alert">{problem}</span>}
    </label>
  );
}

interface Term {
  key: string;
  label: string;
  usdPerKg: number | null;
  included: boolean;
  basis: string;
}

/** Every cost term of a TEA result: the included ones with their value and basis, the excluded ones with why. */
export function TeaTerms({ result }: { result: object }) {
  const terms = (result as { terms?: Term[] }).terms;
  if (!terms) return null;
  return (
    <table className="cards-on-phone" data-testid="tea-terms">
      <thead>
        <tr>
          <th>term</th>
          <th>USD/kg</th>
          <th>included</th>
          <th>basis</th>
        </tr>
      </thead>
      <tbody>
        {terms.map((t) => (
          <tr key={t.key}>
            <td data-label="term">{t.label}</td>
            <td data-label="USD/kg">{t.usdPerKg === null ? '—' : t.usdPerKg.toFixed(4)}</td>
            <td data-label="included">{t.included ? 'included' : 'excluded'}</td>
            <td data-label="basis">{t.basis}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
