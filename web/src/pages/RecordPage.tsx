import { useEffect, useState } from 'react';
import { ApiError, api } from '../api.js';
import { Citation, Printed, citationText, toBibtex, toRis } from '../citation.js';
import { DeleteRecord } from '../deleteRecord.js';
import { download } from '../download.js';
import { pct, plain, readingSuffix, yieldText } from '../format.js';
import { useTitle } from '../route.js';
import type { CatalyticRecord } from '../types.js';

/** One record: printed vs normalized values side by side, the reaction, the source (with exports) and the flags. */
export function RecordPage({ id }: { id: string }) {
  const [record, setRecord] = useState<CatalyticRecord | null>(null);
  const [error, setError] = useState<{ status?: number; message: string } | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [copied, setCopied] = useState<string | null>(null);
  useTitle(record ? `${record.catalyst} → ${record.productPrinted}` : error?.status === 404 ? 'Record not found' : 'Record');
  useEffect(() => {
    setRecord(null);
    setError(null);
    api
      .get<CatalyticRecord>(`/api/records/${encodeURIComponent(id)}`)
      .then(setRecord, (e: Error) => setError({ status: e instanceof ApiError ? e.status : undefined, message: e.message }));
  }, [id]);
  if (error?.status === 404)
    return (
      <section>
        <h1>Record not found</h1>
        <p className="lead">
          No record has the id <code>{id}</code>: it may have been deleted, or the link is mistyped.
        </p>
        <p>
          <a href="#/literature">Search the literature explorer</a> · <a href="#/my-data">My data</a>
        </p>
      </section>
    );
  if (error)
    return (
      <p className="error" role="alert">
        {error.message}
      </p>
    );
  if (!record)
    return (
      <p className="loading" role="status">
        Loading the record…
      </p>
    );
  const n = record.normalized;
  const fork = async () => {
    try {
      const copy = await api.post<CatalyticRecord>(`/api/records/${encodeURIComponent(record.id)}/fork`, {});
      window.location.hash = `#/records/${encodeURIComponent(copy.id)}`;
    } catch (e) {
      setMessage((e as Error).message);
    }
  };
  const copy = async (what: string, text: string) => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(`${what} copied to the clipboard.`);
    } catch {
      setCopied(`The browser did not allow copying; select the text instead.`);
    }
  };
  const fe = n.faradaicEfficiency?.value;
  const rows: [string, string, string][] = [
    [
      'Faradaic efficiency',
      record.faradaicEfficiencyPrinted,
      pct(fe) + readingSuffix(n.readings?.faradaicEfficiency) + (fe !== undefined && fe > 1 ? ' ⚠ above 100 %: check the printed value' : ''),
    ],
    ['Selectivity', record.selectivityPrinted, pct(n.selectivity?.value)],
    ['Conversion', record.conversionPrinted, pct(n.conversion?.value)],
    [
      'Yield',
      record.yieldPrinted + (record.yieldCorrected ? `  (corrected reading: ${record.yieldCorrected})` : ''),
      (n.yield?.kind === 'rate' ? `${yieldText(record)} = ${n.yield.canonicalValue.toExponential(4)} ${n.yield.canonicalUnit}` : yieldText(record)) +
        readingSuffix(n.readings?.yield),
    ],
    [
      'Condition',
      record.conditionPrinted || '—',
      [
        n.potentialVvsRHE !== null ? `${n.potentialVvsRHE.toFixed(3)} V vs RHE${readingSuffix(n.readings?.potentialVvsRHE)}` : '',
        n.currentDensityAPerM2 !== null ? `${n.currentDensityAPerM2} A m⁻²` : '',
        n.currentA !== null ? `${n.currentA} A` : '',
      ]
        .filter(Boolean)
        .join('; ') || '—',
    ],
    ['Electrolyte', record.electrolytePrinted || '—', n.pH ? `pH ${n.pH.value} (${n.pH.method}: ${n.pH.note})` : 'pH unknown'],
  ];
  const citation = citationText(record.sourceCitation);
  const userDoi = record.origin === 'user' ? record.sourceDoi : undefined;
  return (
    <article className="record">
      <p>
        <a href="#/literature">← Literature</a>
      </p>
      <h1>
        {record.catalyst} → {record.productPrinted} {record.origin === 'user' && <span className="badge">my record</span>}
      </h1>
      <p className="lead">
        {record.strategy} · printed as “<Printed text={record.catalystPrinted} />” · id <code>{record.id}</code>
        {record.forkedFrom && (
          <>
            {' '}
            · forked from <a href={`#/records/${record.forkedFrom}`}>{record.forkedFrom}</a>
          </>
        )}
      </p>
      <p>
        <strong>Reaction:</strong> {n.equation ?? 'not balanced (product or sources not identified)'}{' '}
        {n.electrons !== null && <span className="muted">({n.electrons} e⁻ per product)</span>}
      </p>
      <table className="compare cards-on-phone">
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
              <td data-label="As printed">
                <Printed text={printed} />
              </td>
              <td data-label="Normalized">{normalized}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>Source</h2>
      <p className="citation" data-testid="citation">
        {record.sourceRef !== undefined && <>Ref. {record.sourceRef}: </>}
        <Citation text={record.sourceCitation} />
        {userDoi && (
          <>
            {' '}
            <a href={`https://doi.org/${userDoi}`}>doi:{userDoi}</a>
          </>
        )}
        <br />
        <span className="muted">
          Read from{' '}
          {record.origin === 'literature' && record.sourceDoi ? <a href={`https://doi.org/${record.sourceDoi}`}>doi:{record.sourceDoi}</a> : 'the source'},{' '}
          {record.sourceLocation}
          {record.origin === 'literature' && ' (the review; it gives no DOI for the primary paper)'}
        </span>
      </p>
      <p className="actions">
        <button type="button" className="small secondary" onClick={() => void copy('Citation', citation)}>
          Copy citation
        </button>{' '}
        <button type="button" className="small secondary" onClick={() => download(`${record.id}.bib`, toBibtex(record), 'application/x-bibtex')}>
          BibTeX
        </button>{' '}
        <button type="button" className="small secondary" onClick={() => download(`${record.id}.ris`, toRis(record), 'application/x-research-info-systems')}>
          RIS
        </button>{' '}
        {copied && <span role="status">{copied}</span>}
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
      {record.notes && <p className="muted">Notes: {plain(record.notes)}</p>}
      <p className="actions">
        {record.origin === 'literature' ? (
          <button type="button" onClick={fork}>
            Fork into my data
          </button>
        ) : (
          <>
            <a href={`#/my-data/edit/${encodeURIComponent(record.id)}`}>Edit this record</a> <DeleteRecord record={record} onChange={() => {}} />
          </>
        )}
      </p>
      {message && <p className="error">{message}</p>}
    </article>
  );
}
