import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import { InputError } from '../chem/index.js';
import type { ApiTokensTable, DatabaseSchema } from './database.js';

/** What a token may do: read (nothing more than without a token), write (its own records, jobs), admin (any record). */
export type TokenScope = ApiTokensTable['scope'];
/** The scopes, weakest first. */
export const TOKEN_SCOPES: readonly TokenScope[] = ['read', 'write', 'admin'];

/** Who makes a request: the name and scope of a valid token. */
export interface Actor {
  name: string;
  scope: TokenScope;
}

/** A token as listed (never its secret). */
export interface TokenInfo {
  name: string;
  scope: TokenScope;
  createdAt: string;
  revokedAt: string | null;
}

/** Prefix of every token, so that a leaked one is recognizable (e.g. by secret scanners). */
const TOKEN_PREFIX = 'cnc_';

/** The stored form of a token: SHA-256 of its text, hex. A 32-byte random secret needs no slow hash. */
export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * API tokens of a shared server, in the same database as the records: created with a name and a scope, stored
 * as the SHA-256 of a random 32-byte secret (the secret is shown once, at creation), revocable.
 */
export class ApiTokens {
  constructor(
    private readonly db: Kysely<DatabaseSchema>,
    private readonly beforeWrite: () => void = () => {},
  ) {}

  /**
   * Creates a token; returns its secret (`cnc_` + 43 base64url characters), which is not stored.
   * @throws {InputError} for a bad name or scope, or a name in use
   */
  async create(name: string, scope: string): Promise<{ token: string } & TokenInfo> {
    this.beforeWrite();
    if (!/^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$/.test(name))
      throw new InputError('--name', 'letters, digits, . _ @ -, up to 64, starting with a letter or digit', `got "${name}"`);
    if (!(TOKEN_SCOPES as readonly string[]).includes(scope)) throw new InputError('--scope', TOKEN_SCOPES.join(', '), `got "${scope}"`);
    if (await this.db.selectFrom('api_tokens').select('name').where('name', '=', name).executeTakeFirst()) {
      throw new InputError('--name', 'a name no other token has (revoked ones keep theirs)', `a token "${name}" exists`);
    }
    const token = TOKEN_PREFIX + randomBytes(32).toString('base64url');
    const createdAt = new Date().toISOString();
    await this.db
      .insertInto('api_tokens')
      .values({ name, scope: scope as TokenScope, token_hash: hashToken(token), created_at: createdAt, revoked_at: null })
      .execute();
    return { token, name, scope: scope as TokenScope, createdAt, revokedAt: null };
  }

  /** Every token, revoked ones included, by name. */
  async list(): Promise<TokenInfo[]> {
    const rows = await this.db.selectFrom('api_tokens').select(['name', 'scope', 'created_at', 'revoked_at']).orderBy('name').execute();
    return rows.map((r) => ({ name: r.name, scope: r.scope, createdAt: r.created_at, revokedAt: r.revoked_at }));
  }

  /** How many tokens are not revoked. */
  async activeCount(): Promise<number> {
    const row = await this.db
      .selectFrom('api_tokens')
      .select((eb) => eb.fn.countAll<string | number>().as('n'))
      .where('revoked_at', 'is', null)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** Revokes the token `name` (it stays listed, with the time). @throws {InputError} when there is none */
  async revoke(name: string): Promise<TokenInfo> {
    this.beforeWrite();
    const revokedAt = new Date().toISOString();
    const result = await this.db
      .updateTable('api_tokens')
      .set({ revoked_at: revokedAt })
      .where('name', '=', name)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0)
      throw new InputError('name', 'the name of a token that is not revoked (cncouple token list)', `no active token "${name}"`);
    return (await this.list()).find((t) => t.name === name)!;
  }

  /** The name and scope of a valid (not revoked) token; undefined for any other text. */
  async verify(token: string): Promise<Actor | undefined> {
    if (!token.startsWith(TOKEN_PREFIX) || token.length > 200) return undefined;
    const hash = hashToken(token);
    const row = await this.db
      .selectFrom('api_tokens')
      .select(['name', 'scope', 'token_hash'])
      .where('token_hash', '=', hash)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    // the lookup is by hash, so timing reveals nothing of the secret; compare again in constant time anyway
    if (!row || !timingSafeEqual(Buffer.from(row.token_hash), Buffer.from(hash))) return undefined;
    return { name: row.name, scope: row.scope };
  }
}
