// Types of API responses, shared with the server (type-only imports: no server code reaches the browser).
export type { CatalyticRecord } from '../../src/data/normalizeRecord.js';
export type { RecordInputDraft } from '../../src/data/recordSchema.js';

/** The five design strategies of the review, in its order. */
export const STRATEGIES = ['defect engineering', 'coordination environment design', 'interface engineering', 'dual-site synergy', 'emerging architectures'] as const;
