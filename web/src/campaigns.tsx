import { useEffect, useState } from 'react';
import { ApiError, api } from './api.js';
import { Problems, explainError } from './forms.js';
import { setQuery } from './route.js';

/** A campaign as saved (`/api/campaigns`): name, search space (text or object) and runs CSV. */
export interface CampaignDocument {
  name: string;
  space: string | Record<string, unknown>;
  runs: string;
}

/** A saved campaign as listed by `GET /api/campaigns`. */
export interface CampaignSummary {
  id: string;
  name: string;
  owner: string | null;
  completedRuns: number;
  pendingRuns: number;
  createdAt: string;
  updatedAt: string;
}

/** A saved campaign with its document (`GET /api/campaigns/:id`). */
export type SavedCampaign = CampaignSummary & CampaignDocument;

/** Which saved campaign the page shows: its id (null: not saved yet) and the name to save it under. */
export interface CampaignRef {
  id: string | null;
  name: string;
}

const time = (iso: string) => new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/**
 * The page's campaign on the server: a name, Save (a new campaign, or over the one loaded), the saved campaigns
 * to load or delete. The loaded campaign's id is kept in the URL (`?campaign=…`), so that a reload or a shared
 * link shows it. `current` gives the page's space and runs; `onLoad` puts a loaded campaign into the page.
 */
export function CampaignBar({
  value,
  onChange,
  current,
  onLoad,
  initialId,
}: {
  value: CampaignRef;
  onChange: (ref: CampaignRef) => void;
  current: () => Omit<CampaignDocument, 'name'>;
  onLoad: (c: SavedCampaign) => void;
  initialId: string | null;
}) {
  const [list, setList] = useState<CampaignSummary[] | null>(null);
  const [picked, setPicked] = useState('');
  const [message, setMessage] = useState('');
  const [problems, setProblems] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);

  const refresh = () =>
    api
      .get<CampaignSummary[]>('/api/campaigns')
      .then(setList)
      .catch(() => setList(null));

  const load = async (id: string) => {
    setBusy(true);
    setProblems([]);
    try {
      const c = await api.get<SavedCampaign>(`/api/campaigns/${encodeURIComponent(id)}`);
      onLoad(c);
      setQuery({ campaign: c.id });
      setPicked(c.id);
      setMessage(`Loaded “${c.name}”, saved ${time(c.updatedAt)} (${c.completedRuns} finished, ${c.pendingRuns} in-flight run(s)).`);
    } catch (err) {
      setMessage('');
      setProblems(
        err instanceof ApiError && err.status === 404
          ? [`No saved campaign ${id} on the server (deleted?); the page shows this browser’s copy.`]
          : explainError(err, {}),
      );
    } finally {
      setBusy(false);
    }
  };

  useEffect(() => {
    void refresh();
    if (initialId) void load(initialId);
    // once, on opening the page
    // eslint-disable-next-line react-hooks/exhaustive-deps -- mount only: the saved list and the campaign named in the URL, once, on opening the page
  }, []);

  const save = async () => {
    setBusy(true);
    setProblems([]);
    try {
      const body = { name: value.name, ...current() };
      let saved: SavedCampaign;
      try {
        saved = value.id
          ? await api.put<SavedCampaign>(`/api/campaigns/${encodeURIComponent(value.id)}`, body)
          : await api.post<SavedCampaign>('/api/campaigns', body);
      } catch (err) {
        // the campaign was deleted on the server meanwhile: save it as a new one
        if (!(value.id && err instanceof ApiError && err.status === 404)) throw err;
        saved = await api.post<SavedCampaign>('/api/campaigns', body);
      }
      onChange({ id: saved.id, name: saved.name });
      setQuery({ campaign: saved.id });
      setPicked(saved.id);
      setMessage(`Saved “${saved.name}” on the server at ${time(saved.updatedAt)} (${saved.completedRuns} finished, ${saved.pendingRuns} in-flight run(s)).`);
      await refresh();
    } catch (err) {
      setMessage('');
      setProblems(explainError(err, { name: 'campaign name', space: 'parameter space', runs: 'runs CSV' }));
    } finally {
      setBusy(false);
    }
  };

  const remove = async () => {
    if (!picked) return;
    const name = list?.find((c) => c.id === picked)?.name ?? picked;
    if (!window.confirm(`Delete the saved campaign “${name}” from the server?`)) return;
    setBusy(true);
    setProblems([]);
    try {
      await api.del(`/api/campaigns/${encodeURIComponent(picked)}`);
      if (picked === value.id) {
        onChange({ id: null, name: value.name });
        setQuery({ campaign: undefined });
      }
      setMessage(`Deleted “${name}” from the server.`);
      setPicked('');
      await refresh();
    } catch (err) {
      setProblems(explainError(err, {}));
    } finally {
      setBusy(false);
    }
  };

  const startNew = () => {
    onChange({ id: null, name: '' });
    setQuery({ campaign: undefined });
    setPicked('');
    setMessage('The next Save makes a new campaign (the space and runs stay as they are).');
  };

  return (
    <fieldset aria-label="saved campaign">
      <legend>Campaign on the server</legend>
      <div className="inline-form">
        <label>
          name
          <input
            value={value.name}
            onChange={(e) => onChange({ ...value, name: e.target.value })}
            aria-label="campaign name"
            maxLength={100}
            size={28}
            placeholder="e.g. CuPd nitrate series"
          />
        </label>
        <button type="button" onClick={() => void save()} disabled={busy}>
          {value.id ? 'Save' : 'Save as new campaign'}
        </button>
        {value.id && (
          <button type="button" onClick={startNew} disabled={busy}>
            New campaign
          </button>
        )}
      </div>
      <div className="inline-form">
        <label>
          saved campaigns
          <select value={picked} onChange={(e) => setPicked(e.target.value)} aria-label="saved campaigns" disabled={!list?.length}>
            <option value="">{list === null ? '(server not reached)' : list.length ? 'choose…' : '(none saved yet)'}</option>
            {list?.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name} — {c.completedRuns} finished{c.pendingRuns ? ` + ${c.pendingRuns} in flight` : ''}, {time(c.updatedAt)}
                {c.owner ? `, ${c.owner}` : ''}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={() => void load(picked)} disabled={busy || !picked}>
          Load
        </button>
        <button type="button" onClick={() => void remove()} disabled={busy || !picked}>
          Delete
        </button>
      </div>
      {message && (
        <p role="status" data-testid="campaign-status">
          {message}
        </p>
      )}
      <Problems problems={problems} label="campaign problems" />
    </fieldset>
  );
}
