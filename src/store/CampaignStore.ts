import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { type SavedCampaign, checkSavedCampaign } from '../ml/savedCampaign.js';
import type { Actor } from './ApiTokens.js';
import type { CampaignsTable, DatabaseSchema } from './database.js';
import { ConflictError, ForbiddenError, NotFoundError } from './errors.js';

/** A saved campaign as listed: who owns it, when it was saved, how many runs it holds (not its space and runs). */
export interface CampaignSummary {
  /** Server-made id, `cmp_` + 12 base64url characters. */
  id: string;
  name: string;
  /** Name of the token that saved it; null when saved without a token. */
  owner: string | null;
  /** Finished runs (every objective given). */
  completedRuns: number;
  /** Runs in flight (objectives empty). */
  pendingRuns: number;
  /** ISO 8601, UTC. */
  createdAt: string;
  /** ISO 8601, UTC. */
  updatedAt: string;
}

/** A saved campaign: its summary and its document (name, space, runs as entered). */
export type StoredCampaign = CampaignSummary & SavedCampaign;

const summaryOf = (row: Omit<CampaignsTable, 'document_json'>): CampaignSummary => ({
  id: row.id,
  name: row.name,
  owner: row.owner,
  completedRuns: Number(row.completed_runs),
  pendingRuns: Number(row.pending_runs),
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

const SUMMARY_COLUMNS = ['id', 'name', 'owner', 'completed_runs', 'pending_runs', 'created_at', 'updated_at'] as const;

/**
 * The saved experiment campaigns of the Plan & screen page, in the records' database (SQLite or PostgreSQL), so
 * that a campaign survives a restart. Owned like records: a token may edit only the campaigns it saved (an admin
 * token any; without tokens, as on a loopback server, anyone may). Every write is validated
 * ({@link checkSavedCampaign}) and runs in one transaction; names are unique per owner.
 */
export class CampaignStore {
  constructor(
    private readonly db: Kysely<DatabaseSchema>,
    private readonly beforeWrite: () => void = () => {},
  ) {}

  /** Every saved campaign, most recently saved first. */
  async list(): Promise<CampaignSummary[]> {
    const rows = await this.db.selectFrom('campaigns').select(SUMMARY_COLUMNS).orderBy('updated_at', 'desc').orderBy('id').execute();
    return rows.map(summaryOf);
  }

  /** One campaign with its space and runs. @throws {NotFoundError} */
  async get(id: string): Promise<StoredCampaign> {
    const row = await this.db.selectFrom('campaigns').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw new NotFoundError(id, 'campaign');
    return { ...summaryOf(row), ...(JSON.parse(row.document_json) as SavedCampaign) };
  }

  /**
   * Saves a new campaign, owned by `actor` (a token) if given.
   * @throws {InputError} naming the bad field, {ConflictError} when the owner has a campaign of that name
   */
  async create(raw: unknown, actor?: Actor): Promise<StoredCampaign> {
    this.beforeWrite();
    const { document, campaign } = checkSavedCampaign(raw);
    const now = new Date().toISOString();
    const row: CampaignsTable = {
      id: `cmp_${randomBytes(9).toString('base64url')}`,
      name: document.name,
      owner: actor?.name ?? null,
      document_json: JSON.stringify(document),
      completed_runs: campaign.completed.length,
      pending_runs: campaign.pending.length,
      created_at: now,
      updated_at: now,
    };
    await this.db.transaction().execute(async (trx) => {
      await CampaignStore.assertNameFree(trx, row.name, row.owner);
      await trx.insertInto('campaigns').values(row).execute();
    });
    return { ...summaryOf(row), ...document };
  }

  /**
   * Replaces a campaign's name, space and runs (its id, owner and creation time stay).
   * @throws {NotFoundError}, {ForbiddenError} (another token's), {InputError}, {ConflictError} (name taken)
   */
  async update(id: string, raw: unknown, actor?: Actor): Promise<StoredCampaign> {
    this.beforeWrite();
    const { document, campaign } = checkSavedCampaign(raw);
    return this.db.transaction().execute(async (trx) => {
      const existing = await trx.selectFrom('campaigns').select(['owner', 'created_at']).where('id', '=', id).executeTakeFirst();
      if (!existing) throw new NotFoundError(id, 'campaign');
      CampaignStore.assertMayEdit(id, existing.owner, actor);
      await CampaignStore.assertNameFree(trx, document.name, existing.owner, id);
      const set = {
        name: document.name,
        document_json: JSON.stringify(document),
        completed_runs: campaign.completed.length,
        pending_runs: campaign.pending.length,
        updated_at: new Date().toISOString(),
      };
      await trx.updateTable('campaigns').set(set).where('id', '=', id).execute();
      return { ...summaryOf({ id, owner: existing.owner, created_at: existing.created_at, ...set }), ...document };
    });
  }

  /** Deletes a campaign. @throws {NotFoundError}, {ForbiddenError} (another token's) */
  async delete(id: string, actor?: Actor): Promise<void> {
    this.beforeWrite();
    await this.db.transaction().execute(async (trx) => {
      const existing = await trx.selectFrom('campaigns').select('owner').where('id', '=', id).executeTakeFirst();
      if (!existing) throw new NotFoundError(id, 'campaign');
      CampaignStore.assertMayEdit(id, existing.owner, actor);
      await trx.deleteFrom('campaigns').where('id', '=', id).execute();
    });
  }

  /** @throws {ForbiddenError} when `actor` (a token) may not edit a campaign of `owner` */
  private static assertMayEdit(id: string, owner: string | null, actor: Actor | undefined): void {
    if (actor && actor.scope !== 'admin' && owner !== actor.name) throw new ForbiddenError(id, actor.name, owner, 'campaign');
  }

  /** @throws {ConflictError} when `owner` has another campaign (not `exceptId`) named `name` */
  private static async assertNameFree(trx: Kysely<DatabaseSchema>, name: string, owner: string | null, exceptId?: string): Promise<void> {
    let q = trx
      .selectFrom('campaigns')
      .select('id')
      .where('name', '=', name)
      .where('owner', owner === null ? 'is' : '=', owner);
    if (exceptId !== undefined) q = q.where('id', '!=', exceptId);
    const clash = await q.executeTakeFirst();
    if (clash)
      throw new ConflictError(
        clash.id,
        `${owner === null ? 'a campaign saved without a token' : `token "${owner}"`} already has a campaign named "${name}" (id "${clash.id}"): choose another name, or save over that one`,
      );
  }
}
