import { type FormEvent, useEffect, useRef, useState } from 'react';
import { readHumanNumber } from '../../../src/chem/parseHumanNumber.js';
import { ApiError, api } from '../api.js';
import { DeleteRecord } from '../deleteRecord.js';
import { explainError, plainMessage, Problems } from '../forms.js';
import { pct, yieldText } from '../format.js';
import { useTitle } from '../route.js';
import { speciesProblems, useSpeciesRegistry } from '../species.js';
import { type CatalyticRecord, STRATEGIES } from '../types.js';

const split = (s: string) =>
  s
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);

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
  sourceDoi: string;
  notes: string;
}

/** The form's label of each field, also used for the API's field names in messages. */
const LABELS: Record<string, string> = {
  catalyst: 'Catalyst',
  catalystPrinted: 'Catalyst',
  strategy: 'Strategy',
  productPrinted: 'Product (as you report it)',
  products: 'Product species',
  nitrogenSources: 'N sources',
  carbonSources: 'C sources',
  electrolytePrinted: 'Electrolyte',
  conditionPrinted: 'Condition',
  faradaicEfficiencyPrinted: 'FE',
  selectivityPrinted: 'Selectivity',
  yieldPrinted: 'Yield or yield rate',
  sourceCitation: 'Source / citation',
  sourceLocation: 'Where in the source',
  sourceDoi: 'DOI',
  notes: 'Notes',
};

/** A DOI as the record schema takes it ("10.1039/d5qi01426c"); a doi.org link or "doi:" prefix is removed first. */
export const cleanDoi = (s: string) => s.trim().replace(/^(?:https?:\/\/(?:dx\.)?doi\.org\/|doi:\s*)/i, '');
const DOI = /^10\.\d{4,9}\/\S+$/;

/** A printed percentage read as a number ("42,5 %", ">99%", "11.9 ± 0.6%"), or why it cannot be. */
function readPercent(text: string): { fraction?: number; problem?: string } {
  const t = text
    .trim()
    .replace(/^[<>≤≥~≈]\s*/, '')
    .replace(/\s*±.*?(%?)$/, '$1');
  if (!t || t === '—') return {};
  const r = readHumanNumber(t, { units: { '%': 0.01 } });
  if (!r.ok) return { problem: r.problem };
  return { fraction: r.unit === '%' ? r.value : r.value > 1 ? r.value / 100 : r.value };
}

/** Problems found before sending (every one at once) and warnings that do not stop saving. */
function checkForm(form: FormState, registry: Parameters<typeof speciesProblems>[0]): { problems: string[]; warnings: string[] } {
  const problems: string[] = [];
  const warnings: string[] = [];
  for (const key of ['catalyst', 'productPrinted', 'sourceCitation', 'sourceLocation'] as const)
    if (!form[key].trim()) problems.push(`${LABELS[key]} is required`);
  problems.push(...speciesProblems(registry, LABELS.products!, form.products, 'product'));
  problems.push(...speciesProblems(registry, LABELS.nitrogenSources!, form.nitrogenSources));
  problems.push(...speciesProblems(registry, LABELS.carbonSources!, form.carbonSources));
  if (form.sourceDoi.trim() && !DOI.test(cleanDoi(form.sourceDoi)))
    problems.push(`DOI "${form.sourceDoi.trim()}" is not a DOI: write it as 10.xxxx/… (e.g. 10.1039/d5qi01426c), or leave it empty`);
  for (const key of ['faradaicEfficiencyPrinted', 'selectivityPrinted'] as const) {
    const r = readPercent(form[key]);
    if (r.problem) warnings.push(`${LABELS[key]} "${form[key].trim()}" cannot be read as a percentage (${r.problem}); the record will be saved with a flag`);
    else if (r.fraction !== undefined && r.fraction > 1) warnings.push(`${LABELS[key]} ${(r.fraction * 100).toFixed(1)} % is above 100 %`);
  }
  return { problems, warnings };
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
  sourceDoi: '',
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
    sourceDoi: r.sourceDoi ?? '',
    notes: r.notes ?? '',
  };
}

function AddRecordForm({ onAdded, editing }: { onAdded: () => void; editing?: CatalyticRecord }) {
  const [form, setForm] = useState<FormState>(editing ? toForm(editing) : INITIAL);
  useEffect(() => setForm(editing ? toForm(editing) : INITIAL), [editing]);
  const registry = useSpeciesRegistry();
  const [problems, setProblems] = useState<string[]>([]);
  const [saved, setSaved] = useState<CatalyticRecord | null>(null);
  const [tried, setTried] = useState(false);
  const check = checkForm(form, registry);
  const invalid = (name: keyof FormState) => tried && check.problems.some((p) => p.startsWith(LABELS[name]!));
  const field = (name: keyof FormState, label: string, hint?: string) => (
    <label className={invalid(name) ? 'invalid' : undefined}>
      {label}
      <input
        name={name}
        value={form[name]}
        onChange={(e) => setForm({ ...form, [name]: e.target.value })}
        placeholder={hint}
        aria-invalid={invalid(name) || undefined}
      />
    </label>
  );
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (check.problems.length) {
      setSaved(null);
      setProblems(check.problems);
      return;
    }
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
      sourceDoi: opt(cleanDoi(form.sourceDoi)),
      notes: opt(form.notes),
      origin: 'user',
    };
    try {
      const r = editing
        ? await api.put<CatalyticRecord>(`/api/records/${encodeURIComponent(editing.id)}`, {
            ...body,
            catalystPrinted: editing.catalystPrinted,
            elements: editing.elements,
            forkedFrom: editing.forkedFrom,
          })
        : await api.post<CatalyticRecord>('/api/records', body);
      setProblems([]);
      setTried(false);
      setSaved(r);
      if (!editing) setForm(INITIAL);
      onAdded();
    } catch (err) {
      setSaved(null);
      setProblems(explainError(err, LABELS));
    }
  };
  return (
    <form className="record-form" onSubmit={submit} aria-label={editing ? 'edit a record' : 'add a record'} noValidate>
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
        {field('conditionPrinted', 'Condition', '−0.5 V vs. RHE, or 100 mA cm-2')}
        {field('faradaicEfficiencyPrinted', 'FE', 'e.g. 42.5%')}
        {field('selectivityPrinted', 'Selectivity', 'e.g. 95%')}
        {field('yieldPrinted', 'Yield or yield rate', '12.3 mmol h-1 g_cat-1 or 85%')}
        {field('sourceCitation', 'Source / citation *', 'notebook or paper')}
        {field('sourceDoi', 'DOI', '10.xxxx/… (only a real one)')}
        {field('sourceLocation', 'Where in the source *', 'run, table or figure')}
        {field('notes', 'Notes')}
      </div>
      {check.warnings.length > 0 && (
        <ul className="warning" role="note" aria-label="warnings">
          {check.warnings.map((w) => (
            <li key={w}>⚠ {w}</li>
          ))}
        </ul>
      )}
      <button type="submit">{editing ? 'Save changes' : 'Save record'}</button>
      {editing && (
        <a href="#/my-data" className="cancel">
          {' '}
          Cancel
        </a>
      )}
      <Problems problems={problems} label="problems with the record" />
      {saved && (
        <div className="ok" role="status">
          Saved as <a href={`#/records/${saved.id}`}>{saved.id}</a>.
          {saved.autoFlags.length > 0 && <span className="warning"> Flagged: {saved.autoFlags.map((f) => f.reason).join('; ')}</span>}
        </div>
      )}
    </form>
  );
}

function ImportBox({ onImported }: { onImported: () => void }) {
  const [report, setReport] = useState<{ ok?: string; error?: string; problems?: ApiError['problems'] }>({});
  const input = useRef<HTMLInputElement>(null);
  const onFile = async (file: File | undefined) => {
    if (!file) return;
    // cleared at once, so that picking the same file again (after fixing it) imports again
    if (input.current) input.current.value = '';
    setReport({});
    const format = file.name.toLowerCase().endsWith('.csv') ? 'csv' : 'json';
    try {
      const r = await api.post<{ imported: number }>('/api/records/import', { format, content: await file.text() });
      setReport({ ok: `Imported ${r.imported} records from ${file.name}.` });
      onImported();
    } catch (err) {
      const e = err as ApiError;
      setReport({
        error: e.problems ? `Nothing imported: ${e.problems.length} problem(s) in ${file.name}.` : explainError(e, { content: file.name }).join('; '),
        problems: e.problems?.map((p) => ({ ...p, field: LABELS[p.field.split('.')[0] ?? ''] ?? p.field, message: plainMessage(p.message) })),
      });
    }
  };
  return (
    <section className="import">
      <h2>Import and export</h2>
      <label>
        Import CSV or JSON (all rows or none){' '}
        <input ref={input} type="file" accept=".csv,.json" onChange={(e) => void onFile(e.target.files?.[0])} aria-label="import file" />
      </label>
      <p className="muted small">
        CSV columns: those of the export, or the form's labels (Catalyst, Strategy, Product, N sources, C sources, Electrolyte, Condition, FE, Source /
        citation, Where in the source, DOI …); lists separated by “,” or “;”.
      </p>
      {report.ok && <p className="ok">{report.ok}</p>}
      {report.error && (
        <div className="error" role="alert">
          <p>{report.error}</p>
          {report.problems && (
            <table className="cards-on-phone">
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
                    <td data-label="Line">{p.line}</td>
                    <td data-label="Field">{p.field}</td>
                    <td data-label="Problem">{p.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      )}
      <p>
        Export my records:{' '}
        <a href="/api/records/export?format=csv&origin=user" download="my-records.csv">
          CSV
        </a>{' '}
        ·{' '}
        <a href="/api/records/export?format=json&origin=user" download="my-records.json">
          JSON
        </a>{' '}
        · all records:{' '}
        <a href="/api/records/export?format=csv" download="cncouple-records.csv">
          CSV
        </a>
      </p>
    </section>
  );
}

/** The user's own records: add with a validated form, import with a row-by-row report, export, delete with undo. */
export function MyData({ editId }: { editId?: string }) {
  useTitle(editId ? `Edit ${editId}` : 'My data');
  const [records, setRecords] = useState<CatalyticRecord[] | null>(null);
  const [version, setVersion] = useState(0);
  const [editing, setEditing] = useState<CatalyticRecord | undefined>();
  const [deleted, setDeleted] = useState<Set<string>>(new Set());
  useEffect(() => {
    api.get<{ records: CatalyticRecord[] }>('/api/records?origin=user&limit=1000&sort=id').then((d) => {
      setRecords(d.records);
      setDeleted(new Set());
    });
  }, [version]);
  useEffect(() => {
    if (!editId) return setEditing(undefined);
    api.get<CatalyticRecord>(`/api/records/${encodeURIComponent(editId)}`).then(setEditing, () => setEditing(undefined));
  }, [editId]);
  const refresh = () => setVersion((v) => v + 1);
  const mark = (id: string, state: 'deleted' | 'restored') =>
    setDeleted((d) => {
      const next = new Set(d);
      if (state === 'deleted') next.add(id);
      else next.delete(id);
      return next;
    });
  const live = records?.filter((r) => !deleted.has(r.id)).length ?? 0;
  return (
    <section>
      <h1>My data</h1>
      <p className="lead">Your records sit beside the literature, normalized the same way. They are stored in the database and survive restarts.</p>
      <div className="two">
        <AddRecordForm onAdded={refresh} editing={editing} />
        <ImportBox onImported={refresh} />
      </div>
      <h2>My records ({live})</h2>
      {records === null ? (
        <p className="loading" role="status">
          Loading your records…
        </p>
      ) : records.length === 0 ? (
        <p className="empty-state">
          No records of your own yet: add one with the form above, import a CSV or JSON file, or fork a literature record from its page.
        </p>
      ) : (
        <table className="records cards-on-phone" aria-label="my records">
          <thead>
            <tr>
              <th>Catalyst</th>
              <th>Product</th>
              <th>FE</th>
              <th>E (V vs RHE)</th>
              <th>Yield</th>
              <th>Actions</th>
            </tr>
          </thead>
          <tbody>
            {records.map((r) => (
              <tr key={r.id} className={deleted.has(r.id) ? 'deleted' : undefined}>
                <td data-label="Catalyst" className="primary">
                  {deleted.has(r.id) ? <s>{r.catalyst}</s> : <a href={`#/records/${r.id}`}>{r.catalyst}</a>}
                </td>
                <td data-label="Product">{r.productPrinted}</td>
                <td data-label="FE" className="num">
                  {pct(r.normalized.faradaicEfficiency?.value)}
                  {(r.normalized.faradaicEfficiency?.value ?? 0) > 1 && <span className="warning"> ⚠ above 100 %</span>}
                </td>
                <td data-label="E (V vs RHE)" className="num">
                  {r.normalized.potentialVvsRHE?.toFixed(2) ?? '—'}
                </td>
                <td data-label="Yield" className="num">
                  {yieldText(r)}
                </td>
                <td data-label="Actions">
                  {!deleted.has(r.id) && (
                    <>
                      <a href={`#/my-data/edit/${encodeURIComponent(r.id)}`} aria-label={`edit ${r.catalyst}`}>
                        Edit
                      </a>{' '}
                    </>
                  )}
                  <DeleteRecord record={r} compact onChange={(state) => mark(r.id, state)} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
