/**
 * Guards NORMALIZER_VERSION (issue 12): stores re-normalize their records only when the version recorded in
 * the database differs from the code's, so a change to normalization that is not followed by a version bump
 * would leave stale values in every existing database. This test pins a fingerprint of what the code computes
 * for the curated literature; when it fails:
 *   - the normalization code changed → raise NORMALIZER_VERSION (src/data/normalizeRecord.ts) and record the
 *     new fingerprint under the new version;
 *   - only data/literature/records.json changed (the store reseeds it by content hash) → update the fingerprint
 *     of the current version.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { NORMALIZER_VERSION, normalizeRecord } from '../../src/data/normalizeRecord.js';
import { recordInputSchema } from '../../src/data/recordSchema.js';
import { readLiteratureRecords } from '../../src/store/literature.js';

/** Fingerprint (first 16 hex digits of SHA-256 of the normalized literature as JSON) per normalizer version. */
const FINGERPRINTS: Record<number, string> = {
  2: 'c8f70a87d142b917',
  3: '2c96f9c527b4c800',
  4: '26f97be71945c380',
  5: '72b43e5dfc929915',
  6: '2bd4db1c63176fa7',
  7: '13d77f556238114e',
  8: '844cbcd359421406',
  9: 'fcdf8e02ab5eb83d',
  10: 'c9179d7b99031cdf',
};

describe('normalizer version', () => {
  it('the normalized literature matches the fingerprint recorded for the current NORMALIZER_VERSION', () => {
    const normalized = readLiteratureRecords().map((d) => normalizeRecord(recordInputSchema.parse(d)));
    expect(normalized.every((r) => r.normalized.normalizerVersion === NORMALIZER_VERSION)).toBe(true);
    const fingerprint = createHash('sha256').update(JSON.stringify(normalized)).digest('hex').slice(0, 16);
    expect(fingerprint, 'normalized values changed: raise NORMALIZER_VERSION if the code changed (see the top of this file)').toBe(
      FINGERPRINTS[NORMALIZER_VERSION],
    );
  });
});
