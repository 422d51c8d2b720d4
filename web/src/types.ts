// Types of API responses, shared with the server (type-only imports: no server code reaches the browser), and
// the library's list of design strategies (a constant module without imports).
export type { CatalyticRecord, RecordInputDraft } from '../../src/server/apiSchemas.js';

/** The five design strategies of the review, in its order (one list for the library and the web). */
export { STRATEGIES } from '../../src/data/strategies.js';
