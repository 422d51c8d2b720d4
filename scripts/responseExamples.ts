/**
 * Writes data/api/responseExamples.json: each study run on its example input, described as a JSON Schema with
 * a shortened example (the OpenAPI document's response shapes). Run after changing a study's output:
 * `npx tsx scripts/responseExamples.ts`; test/studies/computeOffThread.test.ts fails while the file is stale.
 */
import { writeFileSync } from 'node:fs';
import { STUDIES } from '../src/studies/index.js';
import { describeStudyResult } from '../src/server/responseExamples.js';

const described = Object.fromEntries(
  Object.values(STUDIES)
    .filter((study) => !study.inputFromStore)
    .map((study) => [study.name, describeStudyResult(study)]),
);
const file = new URL('../data/api/responseExamples.json', import.meta.url);
writeFileSync(file, JSON.stringify(described, null, 1) + '\n');
console.log(`wrote ${file.pathname} (${Object.keys(described).length} studies)`);
