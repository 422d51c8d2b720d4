import { useEffect, useState } from 'react';
import { type ModelCurvePoint, modelVsMeasurementSpec, overlayPotentialsVvsRHE } from '../../src/plot/modelVsMeasurementSpec.js';
import { ApiError, api } from './api.js';
import { VegaChart } from './chart.js';
import type { ModelInfo, ModelRef } from './models.js';
import type { CatalyticRecord } from './types.js';

type State =
  | { kind: 'idle' }
  | { kind: 'loading' }
  | { kind: 'none'; reason: string }
  | { kind: 'error'; message: string }
  | { kind: 'ready'; spec: object; missing: string[]; potentials: number };

/**
 * Model vs measurement for a built-in model: fetches the literature records the model file names
 * (`comparesTo.records`, via `GET /api/records/:id`), solves the model's steady state over the records'
 * potentials ± 0.2 V (`POST /api/kinetics/steady`; the model's own potential ± 0.2 V when no record has one)
 * and draws the model's FE lines with the records' FE points. An empty state says when the model names no
 * records or is a pasted model file.
 */
export function ModelVsMeasurement({ models, modelRef }: { models: ModelInfo[]; modelRef: ModelRef }) {
  const [state, setState] = useState<State>({ kind: 'idle' });
  const info = modelRef.modelText === undefined ? models.find((m) => m.name === modelRef.model) : undefined;
  const ids = info?.comparesToRecords ?? [];
  useEffect(() => {
    if (modelRef.modelText !== undefined)
      return setState({ kind: 'none', reason: 'A pasted model file is compared with no records: choose a built-in model.' });
    if (!info) return setState({ kind: 'idle' });
    if (!ids.length) return setState({ kind: 'none', reason: `The model ${info.name} names no literature records (comparesTo in its model file).` });
    let live = true;
    setState({ kind: 'loading' });
    void (async () => {
      try {
        const missing: string[] = [];
        const found = await Promise.all(
          ids.map((id) =>
            api.get<CatalyticRecord>(`/api/records/${encodeURIComponent(id)}`).catch((err: unknown) => {
              if (err instanceof ApiError && err.status === 404) {
                missing.push(id);
                return null;
              }
              throw err;
            }),
          ),
        );
        const records = found.filter((r): r is CatalyticRecord => r !== null);
        const potentials = overlayPotentialsVvsRHE(records, { fallbackVvsRHE: info.potentialVvsRHE });
        const curve = await api.post<ModelCurvePoint[]>('/api/kinetics/steady', { model: info.name, potentialsVvsRHE: potentials });
        if (live) setState({ kind: 'ready', spec: modelVsMeasurementSpec(info.name, curve, records), missing, potentials: potentials.length });
      } catch (err) {
        if (live) setState({ kind: 'error', message: err instanceof Error ? err.message : String(err) });
      }
    })();
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed on the model and the ids as text: `info` is derived from the model and an array identity changes every render
  }, [modelRef.model, modelRef.modelText, info?.name, ids.join(',')]);

  // a pasted model: the empty state at once (not the previous model's chart until the effect runs)
  const shown: State =
    modelRef.modelText !== undefined ? { kind: 'none', reason: 'A pasted model file is compared with no records: choose a built-in model.' } : state;
  return (
    <div className="model-vs-measurement" data-testid="model-vs-measurement">
      {shown.kind === 'loading' && (
        <p className="loading" role="status">
          Solving the model at the records' potentials…
        </p>
      )}
      {shown.kind === 'none' && <p className="muted">{shown.reason}</p>}
      {shown.kind === 'error' && (
        <p className="error" role="alert">
          Model vs measurement: {shown.message}
        </p>
      )}
      {shown.kind === 'ready' && (
        <>
          {shown.missing.length > 0 && <p className="muted small">Records named by the model but not in the knowledge base: {shown.missing.join(', ')}</p>}
          <VegaChart
            spec={shown.spec}
            label="model vs measurement"
            name={`cncouple-model-vs-measurement-${info?.name ?? 'model'}`}
            empty="No model FE and no record FE to plot."
          />
        </>
      )}
    </div>
  );
}
