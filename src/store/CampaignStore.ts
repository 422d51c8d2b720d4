import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { InputError } from '../chem/index.js';
import { type CheckedCampaign, type SavedCampaign, type SavedCampaignInput, checkSavedCampaign } from '../ml/savedCampaign.js';
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

/** The form of the ids {@link CampaignStore} makes: `cmp_` + 12 base64url characters (9 random bytes). */
const CAMPAIGN_ID = /^cmp_[A-Za-z0-9_-]{12}$/;

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
   * The campaign `nameOrId` names: the one with that id, else the one with that name (the CLI's `plan show
   * NAME`). @throws {NotFoundError} when none has it, {ConflictError} when several owners use that name (give the id)
   */
  async find(nameOrId: string): Promise<StoredCampaign> {
    return this.get(await CampaignStore.resolve(this.db, nameOrId));
  }

  /**
   * Saves a new campaign, owned by `actor` (a token) if given.
   * @throws {InputError} naming the bad field, {ConflictError} when the owner has a campaign of that name
   */
  async create(raw: unknown, actor?: Actor): Promise<StoredCampaign> {
    this.beforeWrite();
    const checked = checkSavedCampaign(raw);
    return this.db.transaction().execute((trx) => CampaignStore.insert(trx, checked, actor?.name ?? null));
  }

  /**
   * Replaces a campaign's name, space and runs (its id, owner and creation time stay).
   * @throws {NotFoundError}, {ForbiddenError} (another token's), {InputError}, {ConflictError} (name taken)
   */
  async update(id: string, raw: unknown, actor?: Actor): Promise<StoredCampaign> {
    this.beforeWrite();
    const checked = checkSavedCampaign(raw);
    return this.db.transaction().execute(async (trx) => {
      const existing = await trx.selectFrom('campaigns').select(['owner', 'created_at']).where('id', '=', id).executeTakeFirst();
      if (!existing) throw new NotFoundError(id, 'campaign');
      return CampaignStore.replace(trx, id, existing, checked, actor);
    });
  }

  /**
   * Saves by name (the CLI's `plan save NAME`), in one transaction: over the campaign `nameOrId` names (see
   * {@link find}; its owner stays), with the space or runs left undefined kept as stored; or, when none has that
   * name, as a new campaign named `nameOrId` (owned by `actor` if given; a left-out space is then an error, left-out
   * runs are none). Checked as {@link create} and {@link update} check; nothing is written when a check fails.
   * @throws {InputError} naming the field, {ConflictError} (several campaigns of that name), {ForbiddenError}
   */
  async save(
    nameOrId: string,
    fields: { space?: SavedCampaignInput['space']; runs?: string },
    actor?: Actor,
  ): Promise<{ campaign: StoredCampaign; created: boolean }> {
    this.beforeWrite();
    return this.db.transaction().execute(async (trx) => {
      const id = await CampaignStore.resolve(trx, nameOrId).catch((error: unknown) => {
        if (error instanceof NotFoundError) return null;
        throw error;
      });
      if (id === null) {
        // an id that names nothing is a typo, not the name of a new campaign
        if (CAMPAIGN_ID.test(nameOrId)) throw new NotFoundError(nameOrId, 'campaign');
        // without this the schema's bare "space: Invalid input" would not say that a new campaign is being made
        if (fields.space === undefined)
          throw new InputError(
            'space',
            'a search space (YAML or JSON, docs/ml.md): a new campaign needs one',
            `no saved campaign has the id or name "${nameOrId}"`,
          );
        const checked = checkSavedCampaign({ name: nameOrId, ...fields });
        return { campaign: await CampaignStore.insert(trx, checked, actor?.name ?? null), created: true };
      }
      const existing = await trx.selectFrom('campaigns').select(['owner', 'created_at', 'document_json']).where('id', '=', id).executeTakeFirstOrThrow();
      const stored = JSON.parse(existing.document_json) as SavedCampaign;
      const checked = checkSavedCampaign({ name: stored.name, space: fields.space ?? stored.space, runs: fields.runs ?? stored.runs });
      return { campaign: await CampaignStore.replace(trx, id, existing, checked, actor), created: false };
    });
  }

  /** Deletes a campaign. @throws {NotFoundError}, {ForbiddenError} (another token's) */
  async delete(id: string, actor?: Actor): Promise<void> {
    this.beforeWrite();
    await this.db.transaction().execute((trx) => CampaignStore.deleteIn(trx, id, actor));
  }

  /**
   * Deletes the campaign `nameOrId` names (see {@link find}; the CLI's `plan delete NAME`): looked up and deleted
   * in one transaction, so it is the campaign that had that name when deleted. Returns what was deleted.
   * @throws {NotFoundError}, {ConflictError} (several campaigns of that name: nothing deleted), {ForbiddenError}
   */
  async deleteNamed(nameOrId: string, actor?: Actor): Promise<CampaignSummary> {
    this.beforeWrite();
    return this.db.transaction().execute(async (trx) => {
      const id = await CampaignStore.resolve(trx, nameOrId);
      const row = await trx.selectFrom('campaigns').select(SUMMARY_COLUMNS).where('id', '=', id).executeTakeFirstOrThrow();
      await CampaignStore.deleteIn(trx, id, actor);
      return summaryOf(row);
    });
  }

  /** Deletes campaign `id` inside `trx`. @throws {NotFoundError}, {ForbiddenError} (another token's) */
  private static async deleteIn(trx: Kysely<DatabaseSchema>, id: string, actor: Actor | undefined): Promise<void> {
    const existing = await trx.selectFrom('campaigns').select('owner').where('id', '=', id).executeTakeFirst();
    if (!existing) throw new NotFoundError(id, 'campaign');
    CampaignStore.assertMayEdit(id, existing.owner, actor);
    await trx.deleteFrom('campaigns').where('id', '=', id).execute();
  }

  /** Inserts a checked campaign owned by `owner`. @throws {ConflictError} when the owner has one of that name */
  private static async insert(trx: Kysely<DatabaseSchema>, { document, campaign }: CheckedCampaign, owner: string | null): Promise<StoredCampaign> {
    const now = new Date().toISOString();
    const row: CampaignsTable = {
      id: `cmp_${randomBytes(9).toString('base64url')}`,
      name: document.name,
      owner,
      document_json: JSON.stringify(document),
      completed_runs: campaign.completed.length,
      pending_runs: campaign.pending.length,
      created_at: now,
      updated_at: now,
    };
    await CampaignStore.assertNameFree(trx, row.name, row.owner);
    await trx.insertInto('campaigns').values(row).execute();
    return { ...summaryOf(row), ...document };
  }

  /** Replaces campaign `id` (found as `existing`) by a checked campaign. @throws {ForbiddenError}, {ConflictError} */
  private static async replace(
    trx: Kysely<DatabaseSchema>,
    id: string,
    existing: { owner: string | null; created_at: string },
    { document, campaign }: CheckedCampaign,
    actor: Actor | undefined,
  ): Promise<StoredCampaign> {
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
  }

  /**
   * The id of the campaign `nameOrId` names: that id, else the one campaign of that name.
   * @throws {NotFoundError}, {ConflictError} when campaigns of several owners have that name
   */
  private static async resolve(db: Kysely<DatabaseSchema>, nameOrId: string): Promise<string> {
    const byId = await db.selectFrom('campaigns').select('id').where('id', '=', nameOrId).executeTakeFirst();
    if (byId) return byId.id;
    const named = await db.selectFrom('campaigns').select(['id', 'owner']).where('name', '=', nameOrId).orderBy('id').execute();
    if (named.length === 0) throw new NotFoundError(nameOrId, 'campaign', `no campaign with id or name "${nameOrId}"`);
    if (named.length > 1)
      throw new ConflictError(
        named[0]!.id,
        `${named.length} campaigns are named "${nameOrId}" (${named.map((c) => `id "${c.id}" of ${c.owner === null ? 'no token' : `token "${c.owner}"`}`).join(', ')}): give the id instead`,
      );
    return named[0]!.id;
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
