import { useEffect, useState } from 'react';
import { api } from '../api.js';
import { VegaChart } from '../chart.js';
import { explainError } from '../forms.js';
import { ModelPicker, useModelRef, useModels } from '../models.js';
import { useQueryParam, useTitle } from '../route.js';

interface Diagram {
  pathway: string;
  limitingPotentialV: number | null;
  potentialDeterminingStep: string | null;
  uphillChemicalSteps: { step: string; dGEv: number }[];
}

/** Free-energy diagrams (CHE) of a model at a potential chosen with a slider. */
export function Mechanism() {
  useTitle('Mechanism');
  const models = useModels();
  const [ref, setRef] = useModelRef();
  const [potentialText, setPotentialText] = useQueryParam('U', '0');
  const potential = Math.min(0.5, Math.max(-1.5, Number(potentialText) || 0));
  const [data, setData] = useState<{ diagrams: Diagram[]; spec: object } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const waiting = ref.modelText !== undefined && ref.modelText.trim() === '';
  useEffect(() => {
    let live = true;
    if (waiting) {
      // nothing pasted yet: no diagram (not the previous model's), no error
      setData(null);
      setError(null);
      return;
    }
    const timer = setTimeout(() => {
      api.post<{ diagrams: Diagram[]; spec: object }>('/api/mechanism/diagram', { ...ref, potentialVvsRHE: potential }).then(
        (d) => live && (setData(d), setError(null)),
        (e: Error) => live && (setData(null), setError(explainError(e, { modelText: 'Model file', model: 'Model' }).join('; '))),
      );
    }, 120);
    return () => {
      live = false;
      clearTimeout(timer);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `ref` is a new object every render; its two fields are the dependencies
  }, [ref.model, ref.modelText, potential]);
  return (
    <section>
      <h1>Mechanism</h1>
      <p className="lead">
        Free-energy diagrams with the computational hydrogen electrode: ΔG(U) = ΔG(0) + n·e·U for steps that consume n electrons. Move the potential to see
        which step limits.
      </p>
      <div className="controls">
        <ModelPicker models={models} value={ref} onChange={setRef} />
        <label className="slider">
          Potential: <strong>{potential.toFixed(2)} V vs RHE</strong>
          <input
            type="range"
            min={-1.5}
            max={0.5}
            step={0.05}
            value={potential}
            onChange={(e) => setPotentialText(e.target.value)}
            aria-label="potential in volt versus RHE"
          />
        </label>
      </div>
      {waiting && <p className="muted">Paste a model file, or copy a built-in model into the box and edit it; the diagram appears when the file is valid.</p>}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {data && (
        <>
          <VegaChart spec={data.spec} label="free-energy diagram" name={`cncouple-free-energy-${ref.model ?? 'pasted-model'}-${potential.toFixed(2)}V`} />
          <table className="records cards-on-phone" aria-label="limiting potentials">
            <thead>
              <tr>
                <th>Pathway</th>
                <th>Limiting potential (V vs RHE)</th>
                <th>Potential-determining step</th>
                <th>Uphill chemical steps</th>
              </tr>
            </thead>
            <tbody>
              {data.diagrams.map((d) => (
                <tr key={d.pathway}>
                  <td data-label="Pathway" className="primary">
                    {d.pathway}
                  </td>
                  <td data-label="Limiting potential (V vs RHE)" className="num">
                    {d.limitingPotentialV === null ? '—' : d.limitingPotentialV.toFixed(3)}
                  </td>
                  <td data-label="Potential-determining step">{d.potentialDeterminingStep ?? '—'}</td>
                  <td data-label="Uphill chemical steps">{d.uphillChemicalSteps.map((s) => `${s.step} (${s.dGEv.toFixed(2)} eV)`).join(', ') || '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
