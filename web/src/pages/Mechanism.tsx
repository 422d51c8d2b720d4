import { useEffect, useState } from 'react';
import { api } from '../api.js';
import { VegaChart } from '../chart.js';
import { ModelPicker, useModels } from '../models.js';

interface Diagram {
  pathway: string;
  limitingPotentialV: number | null;
  potentialDeterminingStep: string | null;
  uphillChemicalSteps: { step: string; dGEv: number }[];
}

/** Free-energy diagrams (CHE) of a model at a potential chosen with a slider. */
export function Mechanism() {
  const models = useModels();
  const [ref, setRef] = useState<{ model?: string; modelText?: string }>({ model: 'urea-cu4-ceo2' });
  const [potential, setPotential] = useState(0);
  const [data, setData] = useState<{ diagrams: Diagram[]; spec: object } | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    const timer = setTimeout(() => {
      api.post<{ diagrams: Diagram[]; spec: object }>('/api/mechanism/diagram', { ...ref, potentialVvsRHE: potential }).then(
        (d) => live && (setData(d), setError(null)),
        (e: Error) => live && setError(e.message),
      );
    }, 120);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [ref, potential]);
  return (
    <section>
      <h1>Mechanism</h1>
      <p className="lead">Free-energy diagrams with the computational hydrogen electrode: ΔG(U) = ΔG(0) + n·e·U for steps that consume n electrons. Move the potential to see which step limits.</p>
      <div className="controls">
        <ModelPicker models={models} value={ref} onChange={setRef} />
        <label className="slider">
          Potential: <strong>{potential.toFixed(2)} V vs RHE</strong>
          <input type="range" min={-1.5} max={0.5} step={0.05} value={potential} onChange={(e) => setPotential(Number(e.target.value))} aria-label="potential in volt versus RHE" />
        </label>
      </div>
      {error && <p className="error" role="alert">{error}</p>}
      {data && (
        <>
          <VegaChart spec={data.spec} label="free-energy diagram" />
          <table className="records" aria-label="limiting potentials">
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
                  <td>{d.pathway}</td>
                  <td className="num">{d.limitingPotentialV === null ? '—' : d.limitingPotentialV.toFixed(3)}</td>
                  <td>{d.potentialDeterminingStep ?? '—'}</td>
                  <td>{d.uphillChemicalSteps.map((s) => `${s.step} (${s.dGEv.toFixed(2)} eV)`).join(', ') || '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
