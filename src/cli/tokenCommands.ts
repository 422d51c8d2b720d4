import { type Command, Option } from 'commander';
import { type Output, storeLocation, withStore } from './dbCommands.js';

/**
 * Registers `token create|list|revoke`: the API tokens of a shared server, kept (hashed) in its database.
 * The secret is printed once, at creation.
 */
export function registerTokenCommands(
  program: Command,
  run: <A extends unknown[]>(fn: (...args: A) => Output | Promise<Output>) => (...args: A) => Promise<void>,
): void {
  const location = storeLocation;
  const json = () => new Option('--json', 'machine-readable output (see docs/cli.md)');
  const token = program
    .command('token')
    .description('API tokens of a shared server: writes beyond loopback need one (stored hashed)')
    .option('--data-dir <dir>', 'embedded database folder (default $CNCOUPLE_DATA_DIR or ~/.local/share/cncouple)')
    .option('--db-url <url>', 'PostgreSQL URL instead of the embedded database (or $CNCOUPLE_DATABASE_URL)');
  token
    .command('create')
    .description('create a token and print its secret once (keep it: only its SHA-256 is stored)')
    .requiredOption('--name <name>', 'who or what uses it, e.g. alice or lab-robot')
    .addOption(new Option('--scope <scope>', 'read, write (own records, jobs) or admin (any record)').choices(['read', 'write', 'admin']).default('write'))
    .addOption(json())
    .action(
      run(async (o: { name: string; scope: string }, cmd: Command) =>
        withStore(location(cmd), async (store) => {
          const created = await store.tokens.create(o.name, o.scope);
          return {
            json: created,
            text: `${created.token}\n  token "${created.name}" (scope ${created.scope}); send it as "Authorization: Bearer <token>". It is not shown again.`,
          };
        }),
      ),
    );
  token
    .command('list')
    .description('tokens by name, with scope and dates (never the secrets)')
    .addOption(json())
    .action(
      run(async (_o: unknown, cmd: Command) =>
        withStore(location(cmd), async (store) => {
          const tokens = await store.tokens.list();
          const text = tokens
            .map((t) => `${t.name.padEnd(24)} ${t.scope.padEnd(6)} created ${t.createdAt}${t.revokedAt ? `  revoked ${t.revokedAt}` : ''}`)
            .join('\n');
          return { json: tokens, text: `${text}${text ? '\n' : ''}${tokens.filter((t) => !t.revokedAt).length} active of ${tokens.length} tokens` };
        }),
      ),
    );
  token
    .command('revoke')
    .description('revoke a token: the server refuses it from the next request on')
    .argument('<name>')
    .addOption(json())
    .action(
      run(async (name: string, _o: unknown, cmd: Command) =>
        withStore(location(cmd), async (store) => {
          const revoked = await store.tokens.revoke(name);
          return { json: revoked, text: `revoked token "${name}"` };
        }),
      ),
    );
}
