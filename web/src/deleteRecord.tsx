import { useState } from 'react';
import { api } from './api.js';
import { explainError } from './forms.js';
import type { CatalyticRecord } from './types.js';

/** The record as entered (what POST /api/records takes back), without the computed parts. */
export function recordInput(r: CatalyticRecord): Record<string, unknown> {
  const { normalized: _normalized, autoFlags: _autoFlags, ...input } = r;
  return input;
}

/**
 * Delete with a confirmation step and an undo: "Delete" asks "Delete <catalyst>? Yes / Keep"; after deleting,
 * "Deleted … Undo" puts the same record (same id, same fields) back.
 */
export function DeleteRecord({
  record,
  onChange,
  compact = false,
}: {
  record: CatalyticRecord;
  onChange: (state: 'deleted' | 'restored') => void;
  compact?: boolean;
}) {
  const [step, setStep] = useState<'idle' | 'confirm' | 'deleted'>('idle');
  const [error, setError] = useState<string | null>(null);
  const remove = async () => {
    try {
      await api.del(`/api/records/${encodeURIComponent(record.id)}`);
      setError(null);
      setStep('deleted');
      onChange('deleted');
    } catch (e) {
      setError(explainError(e).join('; '));
    }
  };
  const undo = async () => {
    try {
      await api.post('/api/records', recordInput(record));
      setError(null);
      setStep('idle');
      onChange('restored');
    } catch (e) {
      setError(`Could not restore: ${explainError(e).join('; ')}`);
    }
  };
  return (
    <span className="delete-record">
      {step === 'idle' && (
        <button type="button" className={`danger${compact ? ' small' : ''}`} onClick={() => setStep('confirm')} aria-label={`delete ${record.catalyst}`}>
          {compact ? 'Delete' : 'Delete this record'}
        </button>
      )}
      {step === 'confirm' && (
        <span role="group" aria-label={`confirm deleting ${record.catalyst}`}>
          Delete {record.catalyst}?{' '}
          <button type="button" className="danger small" onClick={() => void remove()}>
            Yes, delete
          </button>{' '}
          <button type="button" className="small secondary" onClick={() => setStep('idle')} autoFocus>
            Keep it
          </button>
        </span>
      )}
      {step === 'deleted' && (
        <span role="status">
          Deleted {record.catalyst}.{' '}
          <button type="button" className="small" onClick={() => void undo()}>
            Undo
          </button>
        </span>
      )}
      {error && (
        <span className="error" role="alert">
          {' '}
          {error}
        </span>
      )}
    </span>
  );
}
