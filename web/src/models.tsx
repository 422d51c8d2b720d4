import { useEffect, useState } from 'react';
import { parse } from 'yaml';
import { api } from './api.js';
import { useQueryParam } from './route.js';

/** A built-in model as listed by /api/models (type shared with the server). */
export type { BuiltinModelInfo as ModelInfo } from '../../src/server/apiSchemas.js';
import type { BuiltinModelInfo as ModelInfo } from '../../src/server/apiSchemas.js';

/** A model reference: a built-in model's name, or the text of a pasted model file. */
export type ModelRef = { model?: string; modelText?: string };

/** The built-in models, loaded once. */
export function useModels(): ModelInfo[] {
  const [models, setModels] = useState<ModelInfo[]>([]);
  useEffect(() => {
    api.get<ModelInfo[]>('/api/models').then(setModels, () => {});
  }, []);
  return models;
}

/**
 * The model of a page: a built-in one named in the URL (`?model=…`, bookmarkable), or a pasted model file
 * (kept in the page; too long for a link).
 */
export function useModelRef(fallback = 'urea-cu4-ceo2'): [ModelRef, (ref: ModelRef) => void] {
  const [name, setName] = useQueryParam('model', fallback);
  const [text, setText] = useState<string | undefined>(undefined);
  const ref: ModelRef = text !== undefined ? { modelText: text } : { model: name };
  const set = (r: ModelRef) => {
    if (r.modelText !== undefined) setText(r.modelText);
    else {
      setText(undefined);
      setName(r.model ?? fallback);
    }
  };
  return [ref, set];
}

/** Descriptor names of the chosen model: from the built-in list, or read from the pasted file (YAML or JSON). */
export function descriptorNames(ref: ModelRef, models: ModelInfo[]): string[] {
  if (ref.modelText === undefined) return Object.keys(models.find((m) => m.name === ref.model)?.descriptors ?? {});
  try {
    const doc = parse(ref.modelText) as { descriptors?: Record<string, unknown> } | null;
    return doc && typeof doc.descriptors === 'object' && doc.descriptors ? Object.keys(doc.descriptors) : [];
  } catch {
    return [];
  }
}

/** Model chooser: a built-in model, or a pasted model file (YAML/JSON), which can start from a built-in one. */
export function ModelPicker({ models, value, onChange }: { models: ModelInfo[]; value: ModelRef; onChange: (v: ModelRef) => void }) {
  const custom = value.modelText !== undefined;
  const [base, setBase] = useState('urea-cu4-ceo2');
  const startFrom = async () => {
    const m = await api.get<{ text: string }>(`/api/models/${encodeURIComponent(base)}`);
    onChange({ modelText: m.text });
  };
  return (
    <div className="model-picker">
      <label>
        Model
        <select
          value={custom ? '__custom' : (value.model ?? '')}
          onChange={(e) => (e.target.value === '__custom' ? onChange({ modelText: '' }) : onChange({ model: e.target.value }))}
          aria-label="model"
        >
          {models.map((m) => (
            <option key={m.name} value={m.name}>
              {m.name}
            </option>
          ))}
          <option value="__custom">paste a model file…</option>
        </select>
      </label>
      {custom && (
        <>
          <div className="inline-form">
            <label>
              Start from
              <select value={base} onChange={(e) => setBase(e.target.value)} aria-label="built-in model to start from">
                {models.map((m) => (
                  <option key={m.name}>{m.name}</option>
                ))}
              </select>
            </label>
            <button type="button" className="secondary" onClick={() => void startFrom()}>
              Copy it into the box
            </button>
          </div>
          <label className="wide">
            Model file (YAML or JSON, see docs/model-format.md)
            <textarea
              rows={10}
              value={value.modelText}
              onChange={(e) => onChange({ modelText: e.target.value })}
              aria-label="model file"
              spellCheck={false}
              placeholder="Paste a model file here, or copy a built-in model above and edit it."
            />
          </label>
        </>
      )}
      {!custom && value.model && <p className="muted small">{models.find((m) => m.name === value.model)?.description}</p>}
    </div>
  );
}
