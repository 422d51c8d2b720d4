import { savedCampaignSchema } from '../ml/savedCampaign.js';
import type { RouteDefinition } from './routes.js';

/**
 * Saved experiment campaigns (issue 13): the Plan & screen page's space and runs, stored with the records so
 * that they survive a restart. Reads are open like the records; writes are a token's business when the server
 * requires tokens, and a token edits only the campaigns it saved (an admin token any). Errors: bad body 400
 * naming the field (`name`, `space.parameters.0.high`, `runs, line 3, y`), another token's campaign 403
 * `forbidden`, unknown id 404 `not-found`, a name the owner already uses 409 `conflict`.
 */
export const CAMPAIGN_ROUTES: RouteDefinition[] = [
  {
    method: 'GET',
    url: '/api/campaigns',
    tag: 'planning',
    summary: 'Saved campaigns, most recently saved first: {id, name, owner, completedRuns, pendingRuns, createdAt, updatedAt}',
    handler: ({ store }) => store.campaigns.list(),
  },
  {
    method: 'POST',
    url: '/api/campaigns',
    tag: 'planning',
    summary: 'Save a new campaign {name, space, runs}; the space and runs are checked as plan/ask checks them. Returns it with its id',
    body: savedCampaignSchema,
    status: 201,
    handler: ({ body, store, actor }) => store.campaigns.create(body, actor),
  },
  {
    method: 'GET',
    url: '/api/campaigns/:id',
    tag: 'planning',
    summary: 'One saved campaign with its space and runs',
    handler: ({ params, store }) => store.campaigns.get(params.id!),
  },
  {
    method: 'PUT',
    url: '/api/campaigns/:id',
    tag: 'planning',
    summary: 'Replace a saved campaign’s name, space and runs (its saver or an admin token)',
    body: savedCampaignSchema,
    handler: ({ params, body, store, actor }) => store.campaigns.update(params.id!, body, actor),
  },
  {
    method: 'DELETE',
    url: '/api/campaigns/:id',
    tag: 'planning',
    summary: 'Delete a saved campaign (its saver or an admin token)',
    handler: async ({ params, store, actor }) => {
      await store.campaigns.delete(params.id!, actor);
      return { deleted: params.id };
    },
  },
];
