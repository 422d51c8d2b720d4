import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { InputError } from '../chem/index.js';
import { decodeTyped, encodeTyped } from '../jobs/queue/chunkCodec.js';
import { mergeSweepChunks } from '../jobs/runParallelSweep.js';
import { axisValues, descriptorSweep, type SweepResult, type SweepSpec } from '../kinetics/mapper/descriptorSweep.js';
import { compileModel, type CompiledModel, parseModelText } from '../kinetics/parser/compileModel.js';
import type { Output } from './dbCommands.js';

/** `kind` of a sweep part file written by `kinetics sweep --shard`. */
export const SWEEP_PART_KIND = 'cncouple-sweep-part';
/** Version of the part file format (a merge refuses other versions). */
export const SWEEP_PART_VERSION = 1;

/** A part file: one shard of a descriptor sweep, self-contained (the merge needs nothing else). */
export interface SweepPart {
  kind: typeof SWEEP_PART_KIND;
  version: typeof SWEEP_PART_VERSION;
  /** SHA-256 (hex) of `modelText`: all parts of one merge must share it. */
  modelSha256: string;
  modelText: string;
  spec: SweepSpec;
  /** 1-based shard index and shard count, as given to `--shard i/N`. */
  shard: { index: number; count: number };
  /** Grid rows [first, last) this part solved, 0-based like the chunks' `rows`; empty when the shard has none. */
  rows: [number, number];
  /** Rows per shard band, ceil(rows / N): a local `kinetics sweep --chunk-rows` of this value cuts the same bands. */
  bandRows: number;
  /** Wall and CPU time of the solve, s. */
  wallTimeS: number;
  cpuTimeS: number;
  /** The solved band ({@link encodeTyped}: typed arrays tagged, NaN as null), or null for an empty shard. */
  chunk: unknown;
}

/** SHA-256 (hex) of a model text. */
export const modelSha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** Grid rows of a sweep spec (1 for a one-axis sweep). */
const gridRows = (spec: SweepSpec) => (spec.y ? spec.y.points : 1);

/**
 * Rows [first, last) (0-based) of shard `index` (1-based) of `count` on a grid of `rows` rows: contiguous bands of
 * ceil(rows / count) rows, the last one shorter (or empty when count does not divide evenly, e.g. 10 rows in 6
 * shards: 5 bands of 2 and an empty sixth). The same bands as a local run with `--chunk-rows ceil(rows / count)`,
 * so each band's continuation path, and hence every value, is the same as that run's.
 */
export function shardRows(rows: number, index: number, count: number): [number, number] {
  const band = Math.ceil(rows / count);
  return [Math.min(rows, (index - 1) * band), Math.min(rows, index * band)];
}

/** "i/N" → { index, count }, 1 ≤ i ≤ N ≤ grid rows. */
export function parseShard(text: string, rows: number): { index: number; count: number } {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  const allowed = `i/N with 1 ≤ i ≤ N ≤ ${rows} (the grid's rows), e.g. 2/8; SLURM: --shard $SLURM_ARRAY_TASK_ID/$SLURM_ARRAY_TASK_COUNT with --array=1-N`;
  if (!m) throw new InputError('--shard', allowed, `got "${text}"`);
  const index = Number(m[1]);
  const count = Number(m[2]);
  if (count < 1 || count > rows || index < 1 || index > count) throw new InputError('--shard', allowed, `got "${text}"`);
  return { index, count };
}

/** Options of {@link runSweepShard}. */
export interface SweepShardOptions {
  model: CompiledModel;
  modelText: string;
  spec: SweepSpec;
  /** "i/N", 1-based. */
  shard: string;
  /** Part file to write (.json). */
  out: string | undefined;
  /** Options of a local sweep that a shard does not use: refused when set, so nothing is silently ignored. */
  ignored: Record<string, string | undefined>;
}

/** `kinetics sweep … --shard i/N --out part.json`: solves shard i's band in this process and writes the part file. */
export function runSweepShard(o: SweepShardOptions): Output {
  const set = Object.entries(o.ignored)
    .filter(([, v]) => v !== undefined)
    .map(([k]) => k);
  if (set.length)
    throw new InputError(set[0]!, 'not with --shard (a shard solves its band on this thread; merge the parts with `cncouple merge`)', `got ${set.join(', ')}`);
  if (!o.out || !o.out.endsWith('.json'))
    throw new InputError('--out', 'a part file ending in .json with --shard', `got ${o.out === undefined ? 'none' : `"${o.out}"`}`);
  const ny = gridRows(o.spec);
  const shard = parseShard(o.shard, ny);
  const rows = shardRows(ny, shard.index, shard.count);
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const chunk = rows[1] > rows[0] ? descriptorSweep(o.model, o.spec, rows) : null;
  const wallTimeS = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const cpuTimeS = (cpu.user + cpu.system) / 1e6;
  const part: SweepPart = {
    kind: SWEEP_PART_KIND,
    version: SWEEP_PART_VERSION,
    modelSha256: modelSha256(o.modelText),
    modelText: o.modelText,
    spec: o.spec,
    shard,
    rows,
    bandRows: Math.ceil(ny / shard.count),
    wallTimeS,
    cpuTimeS,
    chunk: chunk ? encodeTyped(chunk) : null,
  };
  writeFileSync(o.out, JSON.stringify(part));
  const points = (rows[1] - rows[0]) * o.spec.x.points;
  return {
    json: { shard, rows, points, wallTimeS, cpuTimeS, out: o.out },
    text: `shard ${shard.index}/${shard.count}: rows ${rows[0]}–${rows[1] - 1} (0-based), ${points} points in ${wallTimeS.toFixed(2)} s wall; wrote ${o.out}`,
  };
}

/** JSON text with object keys sorted, so two equal specs compare equal however they were built. */
const canonical = (v: unknown): string =>
  JSON.stringify(v, (_k, x: unknown) =>
    x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => a.localeCompare(b))) : x,
  );

/** "3–5, 9" from sorted row numbers. */
function ranges(rows: number[]): string {
  const out: string[] = [];
  for (let i = 0; i < rows.length;) {
    let j = i;
    while (j + 1 < rows.length && rows[j + 1] === rows[j]! + 1) j++;
    out.push(i === j ? `${rows[i]}` : `${rows[i]}–${rows[j]}`);
    i = j + 1;
  }
  return out.join(', ');
}

/** One part file, checked for its form (not yet against the others). */
function readPart(file: string, text: string): SweepPart {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new InputError('parts', 'part files written by `kinetics sweep --shard`', `${file} is not JSON`);
  }
  const p = raw as Partial<SweepPart>;
  if (!p || p.kind !== SWEEP_PART_KIND)
    throw new InputError('parts', 'part files written by `kinetics sweep --shard`', `${file} is not a sweep part (kind ${JSON.stringify(p?.kind)})`);
  if (p.version !== SWEEP_PART_VERSION)
    throw new InputError('parts', `part files of format version ${SWEEP_PART_VERSION}`, `${file} has version ${JSON.stringify(p.version)}`);
  if (typeof p.modelText !== 'string' || !p.spec || !Array.isArray(p.rows) || p.rows.length !== 2 || !p.shard)
    throw new InputError('parts', 'complete part files', `${file} lacks its model, spec, rows or shard`);
  if (modelSha256(p.modelText) !== p.modelSha256)
    throw new InputError('parts', 'part files whose model text matches their modelSha256', `${file}: the model text was changed after the shard ran`);
  return p as SweepPart;
}

/** The merged sweep of some part files, with the model, spec and summed wall and CPU time (s) of the parts. */
export interface MergedParts {
  result: SweepResult;
  spec: SweepSpec;
  model: CompiledModel;
  wallTimeS: number;
  cpuTimeS: number;
}

/**
 * Checks that the parts are one sweep (same model hash and spec) covering every grid row exactly once, and
 * merges their bands. `files` names them in errors. Throws {@link InputError} naming missing or overlapping rows.
 */
export function mergeSweepParts(parts: { file: string; text: string }[]): MergedParts {
  if (parts.length === 0) throw new InputError('parts', 'one or more part files', 'got none');
  const read = parts.map(({ file, text }) => ({ file, part: readPart(file, text) }));
  const first = read[0]!;
  const spec = canonical(first.part.spec);
  for (const { file, part } of read.slice(1)) {
    if (part.modelSha256 !== first.part.modelSha256)
      throw new InputError(
        'parts',
        'parts of one sweep (same model)',
        `${file} has model ${part.modelSha256.slice(0, 12)}…, ${first.file} has ${first.part.modelSha256.slice(0, 12)}…`,
      );
    if (canonical(part.spec) !== spec)
      throw new InputError(
        'parts',
        'parts of one sweep (same axes, grid, potential and fields)',
        `${file} has spec ${canonical(part.spec)}, ${first.file} has ${spec}`,
      );
  }
  const ny = gridRows(first.part.spec);
  const nx = first.part.spec.x.points;
  const owners: string[][] = Array.from({ length: ny }, () => []);
  const chunks: SweepResult[] = [];
  for (const { file, part } of read) {
    const [a, b] = part.rows;
    if (!Number.isInteger(a) || !Number.isInteger(b) || a < 0 || b > ny || a > b)
      throw new InputError('parts', `rows within 0–${ny}`, `${file} has rows ${a}–${b}`);
    for (let r = a; r < b; r++) owners[r]!.push(file);
    if (b === a) continue;
    const chunk = decodeTyped<SweepResult>(part.chunk);
    if (!chunk || !Array.isArray(chunk.rows) || chunk.rows[0] !== a || chunk.rows[1] !== b || chunk.status?.length !== (b - a) * nx)
      throw new InputError('parts', 'part files whose chunk matches their rows', `${file}: chunk does not hold rows ${a}–${b - 1} of ${nx} points`);
    chunks.push(chunk);
  }
  const missing = owners.flatMap((o, r) => (o.length === 0 ? [r] : []));
  const twice = owners.flatMap((o, r) => (o.length > 1 ? [r] : []));
  if (twice.length) {
    const files = [...new Set(twice.flatMap((r) => owners[r]!))];
    throw new InputError(
      'parts',
      'parts covering every grid row exactly once',
      `rows ${ranges(twice)} (0-based) are in more than one part: ${files.join(', ')}`,
    );
  }
  if (missing.length) {
    const counts = [...new Set(read.map((r) => r.part.shard.count))];
    const shards = counts.length === 1 ? Array.from({ length: counts[0]! }, (_, i) => i + 1).filter((i) => !read.some((r) => r.part.shard.index === i)) : [];
    throw new InputError(
      'parts',
      'parts covering every grid row exactly once',
      `rows ${ranges(missing)} (0-based) of ${ny} are in no part${shards.length ? ` (missing shard${shards.length > 1 ? 's' : ''} ${shards.map((i) => `${i}/${counts[0]}`).join(', ')})` : ''}`,
    );
  }
  const model = compileModel(parseModelText(first.part.modelText));
  if (axisValues(first.part.spec.x).length !== nx) throw new InputError('parts', 'a consistent grid', 'x axis points differ from the spec');
  chunks.sort((p, q) => p.rows[0] - q.rows[0]);
  return {
    result: mergeSweepChunks(model, first.part.spec, chunks),
    spec: first.part.spec,
    model,
    wallTimeS: read.reduce((s, r) => s + r.part.wallTimeS, 0),
    cpuTimeS: read.reduce((s, r) => s + r.part.cpuTimeS, 0),
  };
}
