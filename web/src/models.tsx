import { useEffect, useState } from 'react';
import { api } from './api.js';

/** A built-in model as listed by /api/models (type shared with the server). */
export type { BuiltinModelInfo as ModelInfo } from '../../src/store/builtinModels.js';
import type { BuiltinModelInfo as ModelInfo } from '../../src/store/builtinModels.js';

/** The built-in models, loaded once. */
export function useModels(): ModelInfo[] {
  const [models, setModels] = useState<ModelInfo[]>([]);
  useEffect(() => {
    api.get<ModelInfo[]>('/api/models').then(setModels);
  }, []);
  return models;
}

/** Model chooser: a built-in model, or a pasted model file (YAML/JSON). */
export function ModelPicker({ models, value, onChange }: { models: ModelInfo[]; value: { model?: string; modelText?: string }; onChange: (v: { model?: string; modelText?: string }) => void }) {
  const custom = value.modelText !== undefined;
  return (
    <div className="model-picker">
      <label>
        Model
        <select value={custom ? '__custom' : (value.model ?? '')} onChange={(e) => (e.target.value === '__custom' ? onChange({ modelText: '' }) : onChange({ model: e.target.value }))} aria-label="model">
          {models.map((m) => (
            <option key={m.name} value={m.name}>
              {m.name}
            </option>
          ))}
          <option value="__custom">paste a model file…</option>
        </select>
      </label>
      {custom && (
        <label className="wide">
          Model file (YAML or JSON, see docs/model-format.md)
          <textarea rows={10} value={value.modelText} onChange={(e) => onChange({ modelText: e.target.value })} aria-label="model file" spellCheck={false} />
        </label>
      )}
      {!custom && value.model && <p className="muted small">{models.find((m) => m.name === value.model)?.description}</p>}
    </div>
  );
}
