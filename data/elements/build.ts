/**
 * Generator of data/elements/elements.json, the element-property table behind the composition descriptors
 * of `cncouple screen literature` (src/ml/compositionDescriptors.ts).
 *
 * Values are copied as printed in two third-party files that this script reads but that are not committed
 * (fetch them yourself, commands below); every value in the output names its source in `fields`.
 *
 * Source A (the shipped values) — Mendeleev.jl, MIT licence, github.com/Eben60/Mendeleev.jl at commit
 * fb88a9c10a3e47bd4e8b033e8139b100aa2a62cf (files last changed in 2202ea29e8714a9f14a2622c0414dee44dcd29fd):
 *   src/data.jl/elements_data.jl (sha256 53da457c…f94796) and src/data.jl/eneg_data.jl (sha256 c384ab85…e602),
 * generated from the Python package mendeleev (github.com/lmmentel/mendeleev), whose docs/source/data.rst
 * (commit a44bcf88b8142090f4c12811fc3779dbd2821df7) gives the primary references:
 *   en_pauling → CRC Handbook of Chemistry and Physics, 95th ed. (Haynes, 2014);
 *   atomic_radius → J. C. Slater, J. Chem. Phys. 41, 3199 (1964), doi:10.1063/1.1725697 (pm);
 *   metallic_radius_c12 → Kaye & Laby, Tables of Physical and Chemical Constants (mendeleev key `kyleandlaby`) (pm);
 *   electronic_configuration, group_id, period → no reference given (textbook facts).
 * Source B (cross-check only) — npm package periodic-table@0.0.8 (ISC licence), data.csv (sha256 d1f406e0…f379),
 * taken from a Penn State course CSV (its README): columns electronegativity (Pauling) and electronicConfiguration.
 *
 * Fetch:
 *   git -C <Mendeleev.jl clone> show fb88a9c10a3e47bd4e8b033e8139b100aa2a62cf:src/data.jl/elements_data.jl > /tmp/lit-src/elements_data.jl
 *   git -C <Mendeleev.jl clone> show fb88a9c10a3e47bd4e8b033e8139b100aa2a62cf:src/data.jl/eneg_data.jl > /tmp/lit-src/eneg_data.jl
 *   (cd /tmp/lit-src && npm pack periodic-table@0.0.8 && tar xzf periodic-table-0.0.8.tgz)
 * Run: `npx tsx data/elements/build.ts [/tmp/lit-src]` — checks the sha256 of each input, writes elements.json
 * and prints every disagreement between A and B (also stored per element under `crossCheck`).
 *
 * Derived here, not read: `period` and `group` from the atomic number (18-column IUPAC layout; La and Ac in
 * group 3, Ce–Lu and Th–Lr without a group number, as source A has them — the build checks both against
 * source A's `period` and `group_id`), and `dElectronCount` from the printed configuration (the electrons
 * of the d subshell the configuration lists outside the noble-gas core: Cu [Ar] 3d10 4s → 10, In
 * [Kr] 4d10 5s2 5p → 10, C → 0, Ce [Xe] 4f 5d 6s2 → 1).
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ATOMIC_WEIGHTS_G_PER_MOL } from '../../src/chem/atomicWeights.js';

const dir = process.argv[2] ?? '/tmp/lit-src';
const INPUTS = {
  elements: { file: 'elements_data.jl', sha256: '53da457c4ff300db69e4a312821600f41b2b074d0b6413b9f1a3513e59f94796' },
  eneg: { file: 'eneg_data.jl', sha256: 'c384ab85be881106962597e3099ebdeb78a304cb9ec07eb53c2ec9214164e602' },
  csv: { file: 'package/data.csv', sha256: 'd1f406e05a428c028fc92c34a84f2bdc604239004fbf4905d749f849351df379' },
} as const;

function readChecked(key: keyof typeof INPUTS): string {
  const { file, sha256 } = INPUTS[key];
  const text = readFileSync(join(dir, file), 'utf8');
  const got = createHash('sha256').update(text).digest('hex');
  if (got !== sha256) throw new Error(`${file}: sha256 ${got}, expected ${sha256} (a different version of the source)`);
  return text;
}

/** Elements 1–86 (H–Rn): the catalysts' elements, the whole d-block and the p-block metals, with the rest of the first six periods. */
const SYMBOLS = Object.keys(ATOMIC_WEIGHTS_G_PER_MOL).slice(0, 86);

/** One `name = [ value , # Sym … ]` block of elements_data.jl, by symbol; `missing` → null. */
function juliaColumn(text: string, name: string): Map<string, string | null> {
  const start = text.indexOf(`\n    ${name} = \n`);
  if (start < 0) throw new Error(`elements_data.jl: no column "${name}"`);
  const body = text.slice(text.indexOf('[', start) + 1, text.indexOf('\n    ]', start));
  const out = new Map<string, string | null>();
  for (const line of body.split('\n')) {
    const m = /^\s*(.+?)\s*,\s*#\s*(\w+)\s*$/.exec(line);
    if (!m) continue;
    out.set(m[2]!, m[1] === 'missing' ? null : m[1]!.replace(/^"|"$/g, ''));
  }
  return out;
}

/** The Pauling vector of eneg_data.jl, in atomic-number order. */
function paulingColumn(text: string): (number | null)[] {
  const m = /\n\s*Pauling = \[([^\]]*)\]/.exec(text);
  if (!m) throw new Error('eneg_data.jl: no Pauling vector');
  return m[1]!.split(',').map((s) => (s.trim() === 'missing' ? null : Number(s.trim())));
}

/** The CSV of periodic-table@0.0.8 by symbol (simple: quoted cells hold only oxidation-state lists). */
function csvRows(text: string): Map<string, Record<string, string>> {
  const lines = text.split(/\r?\n/).filter((l) => l.trim());
  const header = lines[0]!.split(',').map((h) => h.trim());
  const out = new Map<string, Record<string, string>>();
  for (const line of lines.slice(1)) {
    const cells = line.match(/("[^"]*"|[^,]*)(,|$)/g)!.map((c) => c.replace(/,$/, '').replace(/^"|"$/g, '').trim());
    const row = Object.fromEntries(header.map((h, i) => [h, cells[i] ?? '']));
    out.set(row.symbol!, row);
  }
  return out;
}

/** Period from the atomic number (row lengths 2, 8, 8, 18, 18, 32, 32). */
export function periodOf(z: number): number {
  const ends = [2, 10, 18, 36, 54, 86, 118];
  return ends.findIndex((e) => z <= e) + 1;
}

/** Group (1–18) from the atomic number; null for Ce–Lu and Th–Lr (f-block after La/Ac). */
export function groupOf(z: number): number | null {
  const p = periodOf(z);
  if (p === 1) return z === 1 ? 1 : 18;
  const first = [0, 1, 3, 11, 19, 37, 55, 87][p]!;
  const pos = z - first; // 0-based position in the period
  if (p <= 3) return pos < 2 ? pos + 1 : pos + 11;
  if (p <= 5) return pos + 1;
  if (pos < 2) return pos + 1;
  if (pos === 2) return 3; // La, Ac
  if (pos < 17) return null; // Ce–Lu, Th–Lr
  return pos - 14 + 1; // Hf (pos 17) → 4
}

/** Electrons in the d subshell(s) a configuration lists explicitly ("3d10" → 10, "5d" → 1). */
export function dElectrons(config: string): number {
  let n = 0;
  for (const m of config.matchAll(/\b\d+d(\d*)/g)) n += m[1] ? Number(m[1]) : 1;
  return n;
}

const elementsText = readChecked('elements');
const pauling = paulingColumn(readChecked('eneg'));
const csv = csvRows(readChecked('csv'));
const col = (name: string) => juliaColumn(elementsText, name);
const [config, radius, metallic, groupA, periodA] = ['electronic_configuration', 'atomic_radius', 'metallic_radius_c12', 'group_id', 'period'].map(col) as [
  Map<string, string | null>,
  Map<string, string | null>,
  Map<string, string | null>,
  Map<string, string | null>,
  Map<string, string | null>,
];
const num = (s: string | null | undefined) => (s === null || s === undefined || s === '' ? null : Number(s));

const problems: string[] = [];
const disagreements: string[] = [];
const elements = SYMBOLS.map((symbol, i) => {
  const z = i + 1;
  const period = periodOf(z);
  const group = groupOf(z);
  if (num(periodA.get(symbol)) !== period) problems.push(`${symbol}: derived period ${period}, source A ${periodA.get(symbol)}`);
  if (num(groupA.get(symbol)) !== group) problems.push(`${symbol}: derived group ${group}, source A ${groupA.get(symbol)}`);
  const conf = config.get(symbol) ?? null;
  const en = pauling[i] ?? null;
  const b = csv.get(symbol);
  if (!b || Number(b.atomicNumber) !== z) problems.push(`${symbol}: not at atomic number ${z} in source B`);
  const enB = num(b?.electronegativity);
  const confB = b?.electronicConfiguration ?? null;
  const notes: string[] = [];
  if (en !== enB) {
    const d = `Pauling electronegativity: A ${en ?? 'none'}, B ${enB ?? 'none'}`;
    notes.push(d);
    disagreements.push(`${symbol} ${d}`);
  }
  const dA = conf === null ? null : dElectrons(conf);
  const dB = confB ? dElectrons(confB) : null;
  if (dA !== dB) {
    const d = `d electrons: A ${dA} (${conf}), B ${dB} (${confB})`;
    notes.push(d);
    disagreements.push(`${symbol} ${d}`);
  }
  return {
    symbol,
    atomicNumber: z,
    period,
    group,
    electronConfiguration: conf,
    dElectronCount: dA,
    paulingElectronegativity: en,
    atomicRadiusPm: num(radius.get(symbol)),
    metallicRadiusC12Pm: num(metallic.get(symbol)),
    crossCheck: { paulingElectronegativity: enB, electronConfiguration: confB || null, disagreements: notes },
  };
});
if (problems.length) throw new Error(`source checks failed:\n${problems.join('\n')}`);

const table = {
  description:
    'Element properties for composition descriptors (elements 1–86). Generated by data/elements/build.ts; do not edit by hand. null = no value in the source.',
  fields: {
    paulingElectronegativity: {
      unit: '1 (Pauling scale)',
      source: 'A: eneg_data.jl `Pauling`',
      primary: 'CRC Handbook of Chemistry and Physics, 95th ed., W. M. Haynes (ed.), CRC Press 2014 (per mendeleev docs/source/data.rst, en_pauling)',
    },
    atomicRadiusPm: {
      unit: 'pm',
      source: 'A: elements_data.jl `atomic_radius`',
      primary: 'J. C. Slater, J. Chem. Phys. 41, 3199 (1964), doi:10.1063/1.1725697 (per mendeleev docs/source/data.rst, atomic_radius)',
    },
    metallicRadiusC12Pm: {
      unit: 'pm',
      source: 'A: elements_data.jl `metallic_radius_c12`',
      primary: 'Kaye & Laby, Tables of Physical and Chemical Constants (per mendeleev docs/source/data.rst, metallic_radius_c12: key `kyleandlaby`)',
    },
    electronConfiguration: {
      unit: null,
      source: 'A: elements_data.jl `electronic_configuration` (as printed; a bare subshell such as "4s" holds one electron)',
      primary: 'none given by the source',
    },
    dElectronCount: {
      unit: 'electrons',
      source: 'derived from electronConfiguration by build.ts: electrons of the d subshell listed outside the noble-gas core',
      primary: null,
    },
    period: { unit: null, source: 'derived from the atomic number by build.ts; equals source A `period` for every element', primary: null },
    group: {
      unit: null,
      source:
        'derived from the atomic number by build.ts (IUPAC 18 columns; La, Ac in group 3; Ce–Lu without a number); equals source A `group_id` for every element',
      primary: null,
    },
    crossCheck: {
      unit: null,
      source:
        'B: npm periodic-table@0.0.8 data.csv columns `electronegativity`, `electronicConfiguration` (Penn State CMPSC 221 course CSV, per its README); disagreements with A listed, A shipped',
      primary: null,
    },
  },
  sources: {
    A: {
      repository: 'github.com/Eben60/Mendeleev.jl',
      commit: 'fb88a9c10a3e47bd4e8b033e8139b100aa2a62cf',
      paths: ['src/data.jl/elements_data.jl', 'src/data.jl/eneg_data.jl'],
      sha256: [INPUTS.elements.sha256, INPUTS.eneg.sha256],
      licence: 'MIT',
      upstream: 'Python package mendeleev, github.com/lmmentel/mendeleev (references: docs/source/data.rst, commit a44bcf88b8142090f4c12811fc3779dbd2821df7)',
    },
    B: {
      package: 'periodic-table@0.0.8 (npm)',
      path: 'data.csv',
      sha256: INPUTS.csv.sha256,
      licence: 'ISC',
      upstream: 'http://php.scripts.psu.edu/djh300/cmpsc221/p3s11-pt-data.htm (per the package README)',
    },
  },
  elements,
};
writeFileSync(new URL('./elements.json', import.meta.url), `${JSON.stringify(table, null, 1)}\n`);
console.log(`wrote ${elements.length} elements; ${disagreements.length} disagreements between A and B:\n${disagreements.join('\n')}`);
