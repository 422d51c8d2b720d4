import { useEffect, useState } from 'react';
import { api } from '../api.js';
import { pct, plain, yieldText } from '../format.js';
import type { CatalyticRecord } from '../types.js';

/** One record: printed vs normalized values side by side, the reaction, the source and the flags. */
export function RecordPage({ id }: { id: string }) {
  const [record, setRecord] = useState<CatalyticRecord | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  useEffect(() => {
    api.get<CatalyticRecord>(`/api/records/${encodeURIComponent(id)}`).then(setRecord, (e: Error) => setError(e.message));
  }, [id]);
  if (error) return <p className="error" role="alert">{error}</p>;
  if (!record) return <p>Loading…</p>;
  const n = record.normalized;
  const fork = async () => {
    try {
      const copy = await api.post<CatalyticRecord>(`/api/records/${encodeURIComponent(record.id)}/fork`, {});
      window.location.hash = `#/records/${encodeURIComponent(copy.id)}`;
    } catch (e) {
      setMessage((e as Error).message);
    }
  };
  const remove = async () => {
    await api.del(`/api/records/${encodeURIComponent(record.id)}`);
    window.location.hash = '#/my-data';
  };
  const rows: [string, string, string][] = [
    ['Faradaic efficiency', record.faradaicEfficiencyPrinted, pct(n.faradaicEfficiency?.value)],
    ['Selectivity', record.selectivityPrinted, pct(n.selectivity?.value)],
    ['Conversion', record.conversionPrinted, pct(n.conversion?.value)],
    ['Yield', plain(record.yieldPrinted) + (record.yieldCorrected ? `  (corrected reading: ${record.yieldCorrected})` : ''), n.yield?.kind === 'rate' ? `${yieldText(record)} = ${n.yield.canonicalValue.toExponential(4)} ${n.yield.canonicalUnit}` : yieldText(record)],
    ['Condition', plain(record.conditionPrinted) || '—', [n.potentialVvsRHE !== null ? `${n.potentialVvsRHE.toFixed(3)} V vs RHE` : '', n.currentDensityAPerM2 !== null ? `${n.currentDensityAPerM2} A m⁻²` : '', n.currentA !== null ? `${n.currentA} A` : ''].filter(Boolean).join('; ') || '—'],
    ['Electrolyte', plain(record.electrolytePrinted) || '—', n.pH ? `pH ${n.pH.value} (${n.pH.method}: ${n.pH.note})` : 'pH unknown'],
  ];
  return (
    <article className="record">
      <p>
        <a href="#/literature">← Literature</a>
      </p>
      <h1>
        {record.catalyst} → {record.productPrinted} {record.origin === 'user' && <span className="badge">my record</span>}
      </h1>
      <p className="lead">
        {record.strategy} · printed as “{plain(record.catalystPrinted)}” · id <code>{record.id}</code>
        {record.forkedFrom && (
          <>
            {' '}
            · forked from <a href={`#/records/${record.forkedFrom}`}>{record.forkedFrom}</a>
          </>
        )}
      </p>
      <p>
        <strong>Reaction:</strong> {n.equation ?? 'not balanced (product or sources not identified)'} {n.electrons !== null && <span className="muted">({n.electrons} e⁻ per product)</span>}
      </p>
      <table className="compare">
        <thead>
          <tr>
            <th>Quantity</th>
            <th>As printed</th>
            <th>Normalized</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([q, printed, normalized]) => (
            <tr key={q}>
              <th scope="row">{q}</th>
              <td>{printed}</td>
              <td>{normalized}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>Source</h2>
      <p>
        {record.sourceRef !== undefined && <>Ref. {record.sourceRef}: </>}
        {plain(record.sourceCitation)}
        <br />
        <span className="muted">
          Read from {record.sourceDoi ? <a href={`https://doi.org/${record.sourceDoi}`}>doi:{record.sourceDoi}</a> : 'the source'}, {record.sourceLocation}
        </span>
      </p>
      {(record.flags.length > 0 || record.autoFlags.length > 0) && (
        <>
          <h2>Quality flags</h2>
          <ul className="flags">
            {record.flags.map((f) => (
              <li key={f.code}>
                <code>{f.code}</code> {f.reason}
              </li>
            ))}
            {record.autoFlags.map((f) => (
              <li key={f.code}>
                <code>{f.code}</code> {f.reason} <span className="muted">(automatic)</span>
              </li>
            ))}
          </ul>
        </>
      )}
      {record.notes && <p className="muted">Notes: {record.notes}</p>}
      <p className="actions">
        {record.origin === 'literature' ? (
          <button type="button" onClick={fork}>
            Fork into my data
          </button>
        ) : (
          <>
            <a href={`#/my-data/edit/${encodeURIComponent(record.id)}`}>Edit this record</a>{' '}
            <button type="button" className="danger" onClick={remove}>
              Delete this record
            </button>
          </>
        )}
      </p>
      {message && <p className="error">{message}</p>}
    </article>
  );
}
