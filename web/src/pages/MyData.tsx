import { type FormEvent, useEffect, useState } from 'react';
import { ApiError, api } from '../api.js';
import { pct, yieldText } from '../format.js';
import { type CatalyticRecord, STRATEGIES } from '../types.js';

const split = (s: string) => s.split(',').map((x) => x.trim()).filter(Boolean);

interface FormState {
  catalyst: string;
  strategy: string;
  productPrinted: string;
  products: string;
  nitrogenSources: string;
  carbonSources: string;
  electrolytePrinted: string;
  conditionPrinted: string;
  faradaicEfficiencyPrinted: string;
  selectivityPrinted: string;
  yieldPrinted: string;
  sourceCitation: string;
  sourceLocation: string;
  notes: string;
}

const INITIAL: FormState = {
  catalyst: '',
  strategy: 'dual-site synergy',
  productPrinted: 'urea',
  products: 'urea',
  nitrogenSources: 'NO3-',
  carbonSources: 'CO2',
  electrolytePrinted: '0.1 M KHCO3 + 0.1 M KNO3',
  conditionPrinted: '-0.5 V vs. RHE',
  faradaicEfficiencyPrinted: '',
  selectivityPrinted: '',
  yieldPrinted: '',
  sourceCitation: '',
  sourceLocation: '',
  notes: '',
};

/** The form state of an existing record (for editing). */
function toForm(r: CatalyticRecord): FormState {
  const dash = (x: string) => (x === '—' ? '' : x);
  return {
    catalyst: r.catalyst,
    strategy: r.strategy,
    productPrinted: r.productPrinted,
    products: r.products.join(', '),
    nitrogenSources: r.nitrogenSources.join(', '),
    carbonSources: r.carbonSources.join(', '),
    electrolytePrinted: r.electrolytePrinted,
    conditionPrinted: r.conditionPrinted,
    faradaicEfficiencyPrinted: dash(r.faradaicEfficiencyPrinted),
    selectivityPrinted: dash(r.selectivityPrinted),
    yieldPrinted: dash(r.yieldPrinted),
    sourceCitation: r.sourceCitation,
    sourceLocation: r.sourceLocation,
    notes: r.notes ?? '',
  };
}

function AddRecordForm({ onAdded, editing }: { onAdded: () => void; editing?: CatalyticRecord }) {
  const [form, setForm] = useState<FormState>(editing ? toForm(editing) : INITIAL);
  useEffect(() => setForm(editing ? toForm(editing) : INITIAL), [editing]);
  const [error, setError] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const field = (name: keyof FormState, label: string, hint?: string) => (
    <label className={error?.field?.startsWith(name) ? 'invalid' : undefined}>
      {label}
      <input name={name} value={form[name]} onChange={(e) => setForm({ ...form, [name]: e.target.value })} placeholder={hint} aria-invalid={error?.field?.startsWith(name) || undefined} />
    </label>
  );
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const opt = (s: string, dash = false) => (s.trim() ? s.trim() : dash ? '—' : undefined);
    const body = {
      catalystPrinted: form.catalyst,
      catalyst: form.catalyst,
      strategy: form.strategy,
      productPrinted: form.productPrinted,
      products: split(form.products),
      nitrogenSources: split(form.nitrogenSources),
      carbonSources: split(form.carbonSources),
      electrolytePrinted: form.electrolytePrinted,
      conditionPrinted: form.conditionPrinted,
      faradaicEfficiencyPrinted: opt(form.faradaicEfficiencyPrinted, true),
      selectivityPrinted: opt(form.selectivityPrinted, true),
      yieldPrinted: opt(form.yieldPrinted, true),
      sourceCitation: form.sourceCitation,
      sourceLocation: form.sourceLocation,
      notes: opt(form.notes),
      origin: 'user',
    };
    try {
      const r = editing ? await api.put<CatalyticRecord>(`/api/records/${encodeURIComponent(editing.id)}`, { ...body, catalystPrinted: editing.catalystPrinted, elements: editing.elements, forkedFrom: editing.forkedFrom }) : await api.post<CatalyticRecord>('/api/records', body);
      setError(null);
      setSaved(r.id);
      if (!editing) setForm(INITIAL);
      onAdded();
    } catch (err) {
      setSaved(null);
      setError(err as ApiError);
    }
  };
  return (
    <form className="record-form" onSubmit={submit} aria-label={editing ? 'edit a record' : 'add a record'}>
      <h2>{editing ? `Edit ${editing.id}` : 'Add a record'}</h2>
      <div className="grid">
        {field('catalyst', 'Catalyst *', 'e.g. CuBi-NC-2')}
        <label>
          Strategy *
          <select value={form.strategy} onChange={(e) => setForm({ ...form, strategy: e.target.value })} name="strategy">
            {STRATEGIES.map((s) => (
              <option key={s}>{s}</option>
            ))}
          </select>
        </label>
        {field('productPrinted', 'Product (as you report it) *')}
        {field('products', 'Product species', 'registry names, comma-separated')}
        {field('nitrogenSources', 'N sources', 'NO3-, NO2-, NO, N2 …')}
        {field('carbonSources', 'C sources', 'CO2, cyclohexanone …')}
        {field('electrolytePrinted', 'Electrolyte', '0.1 M KHCO3 + 0.1 M KNO3')}
        {field('conditionPrinted', 'Condition', '-0.5 V vs. RHE, or 100 mA cm-2')}
        {field('faradaicEfficiencyPrinted', 'FE', 'e.g. 42.5%')}
        {field('selectivityPrinted', 'Selectivity', 'e.g. 95%')}
        {field('yieldPrinted', 'Yield or yield rate', '12.3 mmol h-1 g_cat-1 or 85%')}
        {field('sourceCitation', 'Source / citation *', 'notebook, DOI or paper')}
        {field('sourceLocation', 'Where in the source *', 'run, table or figure')}
        {field('notes', 'Notes')}
      </div>
      <button type="submit">{editing ? 'Save changes' : 'Save record'}</button>
      {editing && (
        <a href="#/my-data" className="cancel">
          {' '}
          Cancel
        </a>
      )}
      {error && (
        <p className="error" role="alert">
          {error.message}
        </p>
      )}
      {saved && (
        <p className="ok" role="status">
          Saved as <a href={`#/records/${saved}`}>{saved}</a>.
        </p>
      )}
    </form>
  );
}

function ImportBox({ onImported }: { onImported: () => void }) {
  const [report, setReport] = useState<{ ok?: string; error?: string; problems?: ApiError['problems'] }>({});
  const onFile = async (file: File | undefined) => {
    if (!file) return;
    const format = file.name.toLowerCase().endsWith('.csv') ? 'csv' : 'json';
    try {
      const r = await api.post<{ imported: number }>('/api/records/import', { format, content: await file.text() });
      setReport({ ok: `Imported ${r.imported} records from ${file.name}.` });
      onImported();
    } catch (err) {
      const e = err as ApiError;
      setReport({ error: e.problems ? `Nothing imported: ${e.problems.length} problem(s) in ${file.name}.` : e.message, problems: e.problems });
    }
  };
  return (
    <section className="import">
      <h2>Import and export</h2>
      <label>
        Import CSV or JSON (all rows or none) <input type="file" accept=".csv,.json" onChange={(e) => onFile(e.target.files?.[0])} aria-label="import file" />
      </label>
      {report.ok && <p className="ok">{report.ok}</p>}
      {report.error && (
        <div className="error" role="alert">
          <p>{report.error}</p>
          {report.problems && (
            <table>
              <thead>
                <tr>
                  <th>Line</th>
                  <th>Field</th>
                  <th>Problem</th>
                </tr>
              </thead>
              <tbody>
                {report.problems.map((p, i) => (
                  <tr key={i}>
                    <td>{p.line}</td>
                    <td>{p.field}</td>
                    <td>{p.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      )}
      <p>
        Export my records: <a href="/api/records/export?format=csv&origin=user" download="my-records.csv">CSV</a> · <a href="/api/records/export?format=json&origin=user" download="my-records.json">JSON</a> · all records:{' '}
        <a href="/api/records/export?format=csv" download="cncouple-records.csv">CSV</a>
      </p>
    </section>
  );
}

/** The user's own records: add with a validated form, import with a row-by-row report, export. */
export function MyData({ editId }: { editId?: string }) {
  const [records, setRecords] = useState<CatalyticRecord[]>([]);
  const [version, setVersion] = useState(0);
  const [editing, setEditing] = useState<CatalyticRecord | undefined>();
  useEffect(() => {
    api.get<{ records: CatalyticRecord[] }>('/api/records?origin=user&limit=1000&sort=id').then((d) => setRecords(d.records));
  }, [version]);
  useEffect(() => {
    if (!editId) return setEditing(undefined);
    api.get<CatalyticRecord>(`/api/records/${encodeURIComponent(editId)}`).then(setEditing, () => setEditing(undefined));
  }, [editId]);
  const refresh = () => setVersion((v) => v + 1);
  return (
    <section>
      <h1>My data</h1>
      <p className="lead">Your records sit beside the literature, normalized the same way. They are stored in the database and survive restarts.</p>
      <div className="two">
        <AddRecordForm onAdded={refresh} editing={editing} />
        <ImportBox onImported={refresh} />
      </div>
      <h2>My records ({records.length})</h2>
      <table className="records" aria-label="my records">
        <thead>
          <tr>
            <th>Catalyst</th>
            <th>Product</th>
            <th>FE</th>
            <th>E (V vs RHE)</th>
            <th>Yield</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {records.map((r) => (
            <tr key={r.id}>
              <td>
                <a href={`#/records/${r.id}`}>{r.catalyst}</a>
              </td>
              <td>{r.productPrinted}</td>
              <td className="num">{pct(r.normalized.faradaicEfficiency?.value)}</td>
              <td className="num">{r.normalized.potentialVvsRHE?.toFixed(2) ?? '—'}</td>
              <td className="num">{yieldText(r)}</td>
              <td>
                <a href={`#/my-data/edit/${encodeURIComponent(r.id)}`} aria-label={`edit ${r.catalyst}`}>
                  Edit
                </a>{' '}
                <button type="button" className="danger small" onClick={() => api.del(`/api/records/${r.id}`).then(refresh)} aria-label={`delete ${r.catalyst}`}>
                  Delete
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
