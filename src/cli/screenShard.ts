/**
 * HPC without a server for screenings (issue 14): `cncouple screen … --shard i/N --out part-i.json` screens one
 * contiguous band of the candidates and writes a self-contained part file; `cncouple merge part-*.json` joins
 * them into exactly what one `screen --json` run prints (each candidate samples from its own seeded stream,
 * `candidateSeed` in src/ml/screenCandidates.ts, so the split changes no number).
 */
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { InputError } from '../chem/index.js';
import { decodeTyped, encodeTyped } from '../jobs/queue/chunkCodec.js';
import type { CompiledModel } from '../kinetics/parser/compileModel.js';
import {
  type ScreenCandidatesResult,
  type ScreeningCandidate,
  type ScreeningChunk,
  type ScreeningSettings,
  combineScreeningChunks,
  screenCandidateRange,
} from '../ml/screenCandidates.js';
import type { Output } from './dbCommands.js';
import { shardRows } from './shardCommands.js';

/** `kind` of a screening part file written by `screen --shard`. */
export const SCREEN_PART_KIND = 'cncouple-screen-part';
/** Version of the screening part format (a merge refuses other versions). */
export const SCREEN_PART_VERSION = 1;

/** A screening part file: one shard's candidates, self-contained for the merge. */
export interface ScreenPart {
  kind: typeof SCREEN_PART_KIND;
  version: typeof SCREEN_PART_VERSION;
  /** SHA-256 (hex) of the model text: all parts of one merge must share it. */
  modelSha256: string;
  /** SHA-256 (hex) of the parsed candidate list (JSON): all parts must screen the same list. */
  candidatesSha256: string;
  /** Number of candidates in the whole list. */
  candidateCount: number;
  settings: ScreeningSettings;
  /** 1-based shard index and shard count, as given to `--shard i/N`. */
  shard: { index: number; count: number };
  /** Candidates [first, last) of this part, 0-based; empty when the shard has none. */
  range: [number, number];
  /** Wall and CPU time of this part, s. */
  wallTimeS: number;
  cpuTimeS: number;
  /** The screened band ({@link encodeTyped}: Float64Arrays tagged, NaN as null). */
  chunk: unknown;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** "i/N" → { index, count }, 1 ≤ i ≤ N ≤ candidates. @throws {InputError} naming --shard */
export function parseScreenShard(text: string, candidates: number): { index: number; count: number } {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  const allowed = `i/N with 1 ≤ i ≤ N ≤ ${candidates} (the candidates), e.g. 2/8; SLURM: --shard $SLURM_ARRAY_TASK_ID/$SLURM_ARRAY_TASK_COUNT with --array=1-N`;
  const index = Number(m?.[1]);
  const count = Number(m?.[2]);
  if (!m || count < 1 || count > candidates || index < 1 || index > count) throw new InputError('--shard', allowed, `got "${text}"`);
  return { index, count };
}

/** Options of {@link runScreenShard}. */
export interface ScreenShardOptions {
  model: CompiledModel;
  modelText: string;
  candidates: ScreeningCandidate[];
  settings: ScreeningSettings;
  /** "i/N", 1-based. */
  shard: string;
  /** Part file to write (.json). */
  out: string | undefined;
  onCandidate?: (done: number, total: number) => void;
}

/** `screen … --shard i/N --out part.json`: screens shard i's candidates on this thread and writes the part file. */
export function runScreenShard(o: ScreenShardOptions): Output {
  if (!o.out || !o.out.endsWith('.json'))
    throw new InputError('--out', 'a part file ending in .json with --shard', `got ${o.out === undefined ? 'none' : `"${o.out}"`}`);
  const n = o.candidates.length;
  const shard = parseScreenShard(o.shard, n);
  const range = shardRows(n, shard.index, shard.count);
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const chunk = screenCandidateRange(o.model, o.candidates, o.settings, range, o.onCandidate);
  const wallTimeS = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const part: ScreenPart = {
    kind: SCREEN_PART_KIND,
    version: SCREEN_PART_VERSION,
    modelSha256: sha256(o.modelText),
    candidatesSha256: sha256(JSON.stringify(o.candidates)),
    candidateCount: n,
    settings: o.settings,
    shard,
    range,
    wallTimeS,
    cpuTimeS: (cpu.user + cpu.system) / 1e6,
    chunk: encodeTyped(chunk),
  };
  writeFileSync(o.out, JSON.stringify(part));
  const count = range[1] - range[0];
  return {
    json: { shard, range, candidates: count, samples: count * o.settings.samples, wallTimeS, cpuTimeS: part.cpuTimeS, out: o.out },
    text: `shard ${shard.index}/${shard.count}: candidates ${range[0]}–${range[1] - 1} (0-based), ${count} × ${o.settings.samples} samples in ${wallTimeS.toFixed(2)} s wall; wrote ${o.out}`,
  };
}

/** Whether a part file's text is a screening part (the merge's branch). */
export function isScreenPartText(text: string): boolean {
  try {
    return (JSON.parse(text) as { kind?: unknown } | null)?.kind === SCREEN_PART_KIND;
  } catch {
    return false;
  }
}

/** Settings as canonical JSON (sorted keys), for comparing parts. */
const canonical = (v: object) => JSON.stringify(Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))));

/** "3–5, 9" from sorted indices. */
function ranges(indices: number[]): string {
  const out: string[] = [];
  for (let i = 0; i < indices.length;) {
    let j = i;
    while (j + 1 < indices.length && indices[j + 1] === indices[j]! + 1) j++;
    out.push(i === j ? `${indices[i]}` : `${indices[i]}–${indices[j]}`);
    i = j + 1;
  }
  return out.join(', ');
}

/** One screening part file, checked for its form. */
function readScreenPart(file: string, text: string): ScreenPart {
  let p: Partial<ScreenPart>;
  try {
    p = JSON.parse(text) as Partial<ScreenPart>;
  } catch {
    throw new InputError('parts', 'part files written by `screen --shard`', `${file} is not JSON`);
  }
  if (p?.kind !== SCREEN_PART_KIND)
    throw new InputError('parts', 'part files of one kind (all from `screen --shard`)', `${file} is not a screening part (kind ${JSON.stringify(p?.kind)})`);
  if (p.version !== SCREEN_PART_VERSION)
    throw new InputError('parts', `screening part files of format version ${SCREEN_PART_VERSION}`, `${file} has version ${JSON.stringify(p.version)}`);
  if (
    typeof p.modelSha256 !== 'string' ||
    typeof p.candidatesSha256 !== 'string' ||
    !p.settings ||
    !Array.isArray(p.range) ||
    p.range.length !== 2 ||
    !p.shard ||
    !Number.isInteger(p.candidateCount)
  ) {
    throw new InputError('parts', 'complete screening part files', `${file} lacks its model hash, candidates, settings, range or shard`);
  }
  return p as ScreenPart;
}

/**
 * Checks that screening parts are one screening (same model, candidate list and settings) covering every
 * candidate exactly once, and joins them: the result `screen --json` prints for the whole list, with the summed
 * wall and CPU time of the parts, s. @throws {InputError} naming missing or repeated candidates
 */
export function mergeScreenParts(parts: { file: string; text: string }[]): { result: ScreenCandidatesResult; wallTimeS: number; cpuTimeS: number } {
  if (parts.length === 0) throw new InputError('parts', 'one or more part files', 'got none');
  const read = parts.map(({ file, text }) => ({ file, part: readScreenPart(file, text) }));
  const first = read[0]!;
  for (const { file, part } of read.slice(1)) {
    if (part.modelSha256 !== first.part.modelSha256)
      throw new InputError(
        'parts',
        'parts of one screening (same model)',
        `${file} has model ${part.modelSha256.slice(0, 12)}…, ${first.file} has ${first.part.modelSha256.slice(0, 12)}…`,
      );
    if (part.candidatesSha256 !== first.part.candidatesSha256)
      throw new InputError('parts', 'parts of one screening (same candidates file)', `${file} screened another candidate list than ${first.file}`);
    if (canonical(part.settings) !== canonical(first.part.settings))
      throw new InputError(
        'parts',
        'parts of one screening (same samples, sigma, correlation, top k, product, ranking, potential and seed)',
        `${file} has ${canonical(part.settings)}, ${first.file} has ${canonical(first.part.settings)}`,
      );
  }
  const n = first.part.candidateCount;
  const owners: string[][] = Array.from({ length: n }, () => []);
  const chunks: ScreeningChunk[] = [];
  for (const { file, part } of read) {
    const [a, b] = part.range;
    if (!Number.isInteger(a) || !Number.isInteger(b) || a < 0 || b > n || a > b)
      throw new InputError('parts', `candidate ranges within 0–${n}`, `${file} has candidates ${a}–${b}`);
    for (let c = a; c < b; c++) owners[c]!.push(file);
    const chunk = decodeTyped<ScreeningChunk>(part.chunk);
    if (
      !chunk ||
      chunk.range?.[0] !== a ||
      chunk.range[1] !== b ||
      chunk.screened?.length !== b - a ||
      chunk.rankValues?.some((v) => v.length !== part.settings.samples)
    ) {
      throw new InputError(
        'parts',
        'part files whose chunk matches their range',
        `${file}: chunk does not hold candidates ${a}–${b - 1} with ${part.settings.samples} samples each`,
      );
    }
    if (b > a) chunks.push(chunk);
  }
  const twice = owners.flatMap((o, c) => (o.length > 1 ? [c] : []));
  if (twice.length)
    throw new InputError(
      'parts',
      'parts covering every candidate exactly once',
      `candidates ${ranges(twice)} (0-based) are in more than one part: ${[...new Set(twice.flatMap((c) => owners[c]!))].join(', ')}`,
    );
  const missing = owners.flatMap((o, c) => (o.length === 0 ? [c] : []));
  if (missing.length) {
    const counts = [...new Set(read.map((r) => r.part.shard.count))];
    const shards = counts.length === 1 ? Array.from({ length: counts[0]! }, (_, i) => i + 1).filter((i) => !read.some((r) => r.part.shard.index === i)) : [];
    throw new InputError(
      'parts',
      'parts covering every candidate exactly once',
      `candidates ${ranges(missing)} (0-based) of ${n} are in no part${shards.length ? ` (missing shard${shards.length > 1 ? 's' : ''} ${shards.map((i) => `${i}/${counts[0]}`).join(', ')})` : ''}`,
    );
  }
  return {
    result: combineScreeningChunks(first.part.settings, chunks),
    wallTimeS: read.reduce((s, r) => s + r.part.wallTimeS, 0),
    cpuTimeS: read.reduce((s, r) => s + r.part.cpuTimeS, 0),
  };
}
