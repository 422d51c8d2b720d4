/**
 * Generator of data/literature/records.json, the curated literature records that seed the database.
 *
 * Source: R. Wang, X. Sun, B. Han, "Catalyst design strategies for NOx-involved electrocatalytic C–N
 * coupling reactions", Inorg. Chem. Front. 12, 6926 (2025), doi:10.1039/d5qi01426c (text in
 * ../shared/seed/000_f17520db8f48e735.txt).
 *
 * Printed cells of Table 1 and the citations are read from the review's text by this script, so they are
 * verbatim; what a curator adds (species, cleaned names, assumed reference fillings, corrected readings
 * supported by the review's own text, quality flags) is written below, one entry per row.
 *
 * Run: `npm run data:build` (needs ../shared/seed). The output is committed and reviewed in diffs.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { recordInputSchema, type RecordInputDraft, STRATEGIES } from '../../src/data/recordSchema.js';

const REVIEW_DOI = '10.1039/d5qi01426c';
const SEED = new URL('../../../shared/seed/000_f17520db8f48e735.txt', import.meta.url);

/** Curator's reading of one Table 1 row (row numbers count from 1 in table order). */
interface RowCuration {
  row: number;
  id: string;
  catalyst: string;
  elements: string[];
  products: string[];
  nitrogenSources: string[];
  carbonSources: string[];
  referenceElectrode?: string;
  yieldCorrected?: string;
  cellType?: RecordInputDraft['cellType'];
  flags?: { code: string; reason: string }[];
  notes?: string;
}

const AGCL_SAT = 'Ag/AgCl sat. KCl';

const rows: RowCuration[] = [
  {
    row: 1, id: 'ad-fe-nc-valine', catalyst: 'AD-Fe/NC', elements: ['Fe', 'N', 'C'], products: ['valine'], nitrogenSources: ['nitric-oxide'], carbonSources: ['3-methyl-2-oxobutanoic-acid'],
    yieldCorrected: '32.1 μmol mg_cat-1',
    flags: [{ code: 'yield-unit-garbled', reason: 'table prints "μmol mg cat h−1" (catalyst mass without exponent, stray h−1); Section 3.1 gives "32.1 μmol mg_cat−1", used as the corrected reading' }],
    notes: 'N source NO (Section 3.1: Fe–N4 sites enhance NO adsorption; ref. 60 title: amino acids from nitric oxide).',
  },
  {
    row: 2, id: 'pd-cu-vcu-dmf', catalyst: 'Pd/Cu-VCu', elements: ['Pd', 'Cu'], products: ['dmf'], nitrogenSources: ['dimethylamine'], carbonSources: ['carbon-dioxide'],
    yieldCorrected: '385 mmol h-1 g_cat-1',
    flags: [
      { code: 'unit-doubled-time', reason: 'table prints "mmol h−1 gcat h−1" (time twice); Section 3.1 gives "385 mmol h–1 g_cat–1", used as the corrected reading' },
      { code: 'condition-disagrees-with-text', reason: 'table condition 20 mA cm−2; Section 3.1 reports the same yield and FE at −0.6 V vs. RHE' },
    ],
  },
  { row: 3, id: 'e-od-cu-hmta', catalyst: 'e-OD-Cu', elements: ['Cu', 'O'], products: ['hmta'], nitrogenSources: ['nitrate'], carbonSources: ['formaldehyde'] },
  {
    row: 4, id: 'cu-pi-500-urea', catalyst: 'Cu/PI-500', elements: ['Cu', 'C', 'N', 'O'], products: ['urea'], nitrogenSources: ['nitrate'], carbonSources: ['carbon-dioxide'],
    notes: 'Table prints Cu/PI-X (X = annealing temperature of the polyimide); Section 3.1 reports these numbers for Cu/PI-500.',
  },
  {
    row: 5, id: 'vo-ceo2-750-urea-table', catalyst: 'VO-CeO2-750', elements: ['Cu', 'Ce', 'O'], products: ['urea'], nitrogenSources: ['nitrate'], carbonSources: ['carbon-dioxide'],
    flags: [
      { code: 'name-garbled', reason: 'table prints "V60-CeO2-750"; Section 3.1 names the catalyst VO-CeO2-750 (O-vacancy-rich, Cu-supported CeO2)' },
      { code: 'table-text-disagree', reason: 'table: 943.6 mg h−1 g−1 at −1.6 V vs. RHE; Section 3.1: 8.81 mmol h−1 g_cat−1 (529 mg h−1 g−1) with FE 12.2% at −0.7 V vs. RHE (kept as a separate text record)' },
    ],
  },
  {
    row: 6, id: 'remn-nc-urea-table', catalyst: 'ReMn-NC', elements: ['Re', 'Mn', 'N', 'C'], products: ['urea'], nitrogenSources: ['dinitrogen'], carbonSources: ['carbon-dioxide'],
    flags: [
      { code: 'row-mixes-systems', reason: "Section 3.1 gives 48.9 mg g−1 h−1 as ReMn-NC's ammonia yield (98.4% N-selectivity) and 89.1% as ZnMn-NC's urea N-selectivity (36.7 mg g−1 h−1); both kept as separate text records" },
    ],
  },
  { row: 7, id: 'cu97in3-c-urea', catalyst: 'Cu97In3-C', elements: ['Cu', 'In', 'C'], products: ['urea'], nitrogenSources: ['nitrate'], carbonSources: ['carbon-dioxide'], notes: 'Reactants CO2 and NO3− per Section 3.1 (the table prints only the KHCO3 electrolyte).' },
  {
    row: 8, id: 'ns-cns-alanine-table', catalyst: 'NS-CNS', elements: ['N', 'S', 'C'], products: ['alanine'], nitrogenSources: [], carbonSources: ['pyruvic-acid'],
    flags: [
      { code: 'table-text-disagree', reason: 'table: 1199 μmol h−1 cm−2 at −0.5 V vs. RHE; Section 3.1: 199 mmol h−1 cm−2 at −0.3 V vs. RHE (166× apart; neither confirmed, both kept)' },
      { code: 'column-shifted', reason: 'table conversion ">75%" is, per Section 3.1, the alanine selectivity from polylactic acid waste' },
    ],
    notes: 'The nitrogen source of the reductive amination is not stated in the review.',
  },
  {
    row: 9, id: 'zif-7-cgf-oxime', catalyst: 'ZIF-7/CGF', elements: ['Zn', 'C', 'N', 'O'], products: [], nitrogenSources: ['nitric-oxide'], carbonSources: [],
    flags: [{ code: 'product-unidentified', reason: 'product printed as "1-PDO", not defined in the review (ref. 43 is about oxime electrosynthesis); no species assigned' }],
  },
  {
    row: 10, id: 'cu-s-cyclohexanone-oxime', catalyst: 'Cu-S', elements: ['Cu', 'S'], products: ['cyclohexanone-oxime'], nitrogenSources: ['nitrite'], carbonSources: ['cyclohexanone'],
    referenceElectrode: AGCL_SAT,
  },
  {
    row: 11, id: 'hea-pdcuagbiinene-oxime', catalyst: 'HEA-PdCuAgBiInene', elements: ['Pd', 'Cu', 'Ag', 'Bi', 'In'], products: ['cyclohexanone-oxime'], nitrogenSources: ['nitrite'], carbonSources: ['cyclohexanone'],
    referenceElectrode: AGCL_SAT,
    flags: [{ code: 'name-garbled', reason: 'table prints "HEA-PdCuAgBilhene"; Section 3.2 names it HEA-PdCuAgBiInene' }],
  },
  {
    row: 12, id: 'al-nfm-pyridine-aldoxime-table', catalyst: 'Al-NFM (from NH2-MIL-53(Al))', elements: ['Al', 'N', 'C', 'O'], products: ['pyridine-2-aldoxime'], nitrogenSources: ['nitrite'], carbonSources: ['pyridine-2-carboxaldehyde'],
    flags: [{ code: 'table-text-disagree', reason: 'table: FE 49.8% and 92.1% yield at 13 mA; Section 3.2: FE 42.1% and 92.1% selectivity at −0.9 V vs. Ag/AgCl (kept as a separate text record)' }],
  },
  {
    row: 13, id: 'mgo-scm-4-cboe', catalyst: 'MgO-SCM', elements: ['Mg', 'O', 'N', 'C'], products: [], nitrogenSources: ['nitric-oxide'], carbonSources: ['4-cyanobenzaldehyde'],
    flags: [{ code: 'product-unidentified', reason: '4-CBOE is an oxime ether of 4-cyanobenzaldoxime whose ether group the review does not give; no species assigned' }],
  },
  {
    row: 14, id: 'adfe-tio2-ti-glycine', catalyst: 'adFe-TiOx/Ti', elements: ['Fe', 'Ti', 'O'], products: ['glycine'], nitrogenSources: ['nitrate'], carbonSources: ['glyoxylic-acid'],
    flags: [{ code: 'table-text-disagree', reason: 'Section 3.2 gives 80.2% as the glycine yield; the table lists 80.2% as selectivity and 83.4% as yield' }],
  },
  { row: 15, id: 'od-ag-alanine', catalyst: 'OD-Ag', elements: ['Ag', 'O'], products: ['alanine'], nitrogenSources: ['nitric-oxide'], carbonSources: ['pyruvic-acid'], notes: 'NO and pyruvic acid per Section 3.2.' },
  { row: 16, id: 'cupc-amino-urea', catalyst: 'CuPc-amino', elements: ['Cu', 'N', 'C', 'H'], products: ['urea'], nitrogenSources: ['nitrate'], carbonSources: ['carbon-dioxide'] },
  {
    row: 17, id: 'ag-50-cyclohexanone-oxime', catalyst: 'Ag-50', elements: ['Ag', 'C', 'N'], products: ['cyclohexanone-oxime'], nitrogenSources: ['nitrite'], carbonSources: ['cyclohexanone'], cellType: 'flow cell',
    flags: [{ code: 'n-source-ambiguous', reason: 'Section 3.3 says NO and cyclohexanone; the table electrolyte contains 0.5 M NaNO2. Nitrite (4 e−) is used: FE, current and yield agree with it' }],
  },
  {
    row: 18, id: 'fe-cyclohexanone-oxime', catalyst: 'Fe', elements: ['Fe'], products: ['cyclohexanone-oxime'], nitrogenSources: ['nitrate'], carbonSources: ['cyclohexanone'], cellType: 'flow cell',
    flags: [{ code: 'unit-doubled-time', reason: 'table prints "g h−1 gcat h−1" (time twice) and the text gives no rate to correct it; no normalized yield' }],
  },
  { row: 19, id: 'od-cu-phenol-oxime', catalyst: 'OD-Cu', elements: ['Cu', 'O'], products: ['cyclohexanone-oxime'], nitrogenSources: ['hydroxylamine'], carbonSources: ['phenol'], notes: 'Phenol is hydrogenated in situ to cyclohexanone, which couples with NH2OH (Section 3.3).' },
  {
    row: 20, id: 'fe-based-benzaldoxime', catalyst: 'Fe-based', elements: ['Fe'], products: ['benzaldoxime'], nitrogenSources: ['nitrate'], carbonSources: ['benzaldehyde'],
    notes: 'The printed electrolyte pairs 0.5 M H2SO4 with 0.5 M K2CO3 (probably two compartments); no pH is estimated.',
  },
  {
    row: 21, id: 'cuxcyoz-600-cyclopentanone-oxime', catalyst: 'CuxCyOz@600', elements: ['Cu', 'C', 'O'], products: ['cyclopentanone-oxime'], nitrogenSources: ['nitrate'], carbonSources: ['cyclopentanone'],
    referenceElectrode: AGCL_SAT,
    flags: [{ code: 'name-garbled', reason: 'table prints "CuxCyO2@600"; Section 3.3 names it CuxCyOz@600 (Cu–Cu2O heterojunction)' }],
  },
  { row: 22, id: 'bdd-formamide', catalyst: 'BDD', elements: ['B', 'C'], products: ['formamide'], nitrogenSources: ['ammonia'], carbonSources: ['methanol'], notes: 'Anodic: methanol and ammonia are oxidized to formamide (Section 3.3).' },
  { row: 23, id: 'pt-formamide', catalyst: 'Pt', elements: ['Pt'], products: ['formamide'], nitrogenSources: ['ammonia'], carbonSources: ['methanol'], notes: 'Anodic, on α-PtO2 (Section 3.3).' },
  {
    row: 24, id: 'cofe-ssm-amino-acids', catalyst: 'CoFe-SSM', elements: ['Co', 'Fe', 'C'], products: [], nitrogenSources: ['nitric-oxide'], carbonSources: [],
    flags: [{ code: 'product-generic', reason: 'product printed as "α-Amino acids" from α-keto acids; no single species assigned (Fig. 6a shows leucine)' }],
  },
  { row: 25, id: 'cu-bi-c-cf-glycine', catalyst: 'Cu/Bi-C@CF', elements: ['Cu', 'Bi', 'C'], products: ['glycine'], nitrogenSources: ['nitrate'], carbonSources: ['glyoxylic-acid'] },
  { row: 26, id: 'pd1cu1-nbws-alanine', catalyst: 'Pd1Cu1 NBWs', elements: ['Pd', 'Cu'], products: ['alanine'], nitrogenSources: ['nitrate'], carbonSources: ['pyruvic-acid'] },
  {
    row: 27, id: 'znmn-n-cl-urea', catalyst: 'ZnMn-N,Cl', elements: ['Zn', 'Mn', 'N', 'Cl', 'C'], products: ['urea'], nitrogenSources: ['dinitrogen'], carbonSources: ['carbon-dioxide'],
    notes: 'Table prints ZnMn-N; Section 3.4 names it ZnMn-N,Cl (axial Cl). CO2 + N2, selectivity is N-selectivity; FE under CO pre-poisoning.',
  },
  { row: 28, id: 'b-feni-dasc-urea', catalyst: 'B-FeNi-DASC', elements: ['B', 'Fe', 'Ni', 'N', 'C'], products: ['urea'], nitrogenSources: ['nitrate'], carbonSources: ['carbon-dioxide'], notes: 'Electrolyte printed with KNO3/KNO2: nitrate or nitrite; nitrate used for the electron count.' },
  { row: 29, id: 'pd1cu1-tio2-400-urea', catalyst: 'Pd1Cu1/TiO2-400', elements: ['Pd', 'Cu', 'Ti', 'O'], products: ['urea'], nitrogenSources: ['dinitrogen'], carbonSources: ['carbon-dioxide'], notes: 'N2 + CO2 (Section 3.4).' },
  {
    row: 30, id: 'cu1-ceo2-urea', catalyst: 'Cu1-CeO2', elements: ['Cu', 'Ce', 'O'], products: ['urea'], nitrogenSources: ['nitrate'], carbonSources: ['carbon-dioxide'],
    flags: [{ code: 'unit-doubled-time', reason: 'table prints "mmol h−1 gcat h−1" (time twice) and the text gives no rate to correct it; no normalized yield' }],
  },
  {
    row: 31, id: 'lc-cu-nc-arylamines', catalyst: 'LC-Cu NC', elements: ['Cu'], products: [], nitrogenSources: ['nitrite'], carbonSources: ['phenylboronic-acid'],
    flags: [
      { code: 'product-generic', reason: 'product printed as "Arylamines" (from arylboronic acids); no single species assigned' },
      { code: 'fe-refers-to-intermediate', reason: 'Section 3.5: 95% is the FE of NO2− → NH3 during cathodic pulses, not of the arylamine' },
    ],
    notes: 'Pulsed electrolysis: cathodic −1.1 V, anodic +0.4 V (reference not printed).',
  },
];

/** Results the review quantifies only in its text. */
const textRecords: (Omit<RecordInputDraft, 'sourceCitation'> & { ref: number })[] = [
  {
    id: 'remn-nc-ammonia-text', ref: 103, catalystPrinted: 'ReMn-NC', catalyst: 'ReMn-NC', elements: ['Re', 'Mn', 'N', 'C'], strategy: 'defect engineering',
    productPrinted: 'ammonia', products: ['ammonia'], nitrogenSources: ['dinitrogen'], carbonSources: [],
    selectivityPrinted: '98.4%', yieldPrinted: '48.9 mg g-1 h-1', sourceLocation: 'Section 3.1 text',
    notes: 'CO2 feeds the *C intermediate but ends up in no product counted here. Janus C–N coupling: N2 + *C → *CN2, then hydrogenation with C–N dissociation gives NH3; selectivity is N-selectivity.',
  },
  {
    id: 'znmn-nc-urea-text', ref: 103, catalystPrinted: 'ZnMn-NC', catalyst: 'ZnMn-NC', elements: ['Zn', 'Mn', 'N', 'C'], strategy: 'defect engineering',
    productPrinted: 'urea', products: ['urea'], nitrogenSources: ['dinitrogen'], carbonSources: ['carbon-dioxide'],
    selectivityPrinted: '89.1%', yieldPrinted: '36.7 mg g-1 h-1', sourceLocation: 'Section 3.1 text',
    notes: 'CO + *N=N* → *NCON*; average yield rate; selectivity is N-selectivity.',
  },
  {
    id: 'vo-ceo2-750-urea-text', ref: 102, catalystPrinted: 'VO-CeO2-750', catalyst: 'VO-CeO2-750', elements: ['Cu', 'Ce', 'O'], strategy: 'defect engineering',
    productPrinted: 'urea', products: ['urea'], nitrogenSources: ['nitrate'], carbonSources: ['carbon-dioxide'],
    faradaicEfficiencyPrinted: '12.2%', yieldPrinted: '8.81 mmol h-1 g_cat-1', conditionPrinted: '-0.7 V vs. RHE', sourceLocation: 'Section 3.1 text',
    flags: [{ code: 'table-text-disagree', reason: 'Table 1 gives 943.6 mg h−1 g−1 at −1.6 V vs. RHE for this catalyst' }],
  },
  {
    id: 'ns-cns-alanine-text', ref: 104, catalystPrinted: 'NS-CNS', catalyst: 'NS-CNS', elements: ['N', 'S', 'C'], strategy: 'defect engineering',
    productPrinted: 'alanine', products: ['alanine'], carbonSources: ['pyruvic-acid'],
    selectivityPrinted: '>99.9%', faradaicEfficiencyPrinted: '79.5%', yieldPrinted: '199 mmol h-1 cm-2', conditionPrinted: '-0.3 V vs. RHE', sourceLocation: 'Section 3.1 text',
    flags: [{ code: 'table-text-disagree', reason: 'Table 1 gives 1199 μmol h−1 cm−2 at −0.5 V vs. RHE' }],
  },
  {
    id: 'al-nfm-pyridine-aldoxime-text', ref: 105, catalystPrinted: 'Al-NFM', catalyst: 'Al-NFM (from NH2-MIL-53(Al))', elements: ['Al', 'N', 'C', 'O'], strategy: 'coordination environment design',
    productPrinted: 'pyridine oximes', products: ['pyridine-2-aldoxime'], nitrogenSources: ['nitrite'], carbonSources: ['pyridine-2-carboxaldehyde'],
    selectivityPrinted: '92.1%', faradaicEfficiencyPrinted: '42.1%', conditionPrinted: '-0.9 V vs. Ag/AgCl', referenceElectrode: AGCL_SAT, sourceLocation: 'Section 3.2 text',
    flags: [{ code: 'table-text-disagree', reason: 'Table 1 gives FE 49.8% and 92.1% yield at 13 mA' }],
  },
  {
    id: 'od-cu-phenol-oxime-pem-text', ref: 61, catalystPrinted: 'Cu', catalyst: 'OD-Cu', elements: ['Cu', 'O'], strategy: 'interface engineering',
    productPrinted: 'cyclohexanone oxime', products: ['cyclohexanone-oxime'], nitrogenSources: ['hydroxylamine'], carbonSources: ['phenol'],
    selectivityPrinted: '>99.9%', yieldPrinted: '54.0 g h-1 g_cat-1', conditionPrinted: '50 mA cm-2', cellType: 'PEM flow cell', sourceLocation: 'Section 3.3 text',
    notes: 'PEM flow cell; yield above 90.0%, carbon selectivity above 99.9%, isolated yield 99.9%.',
  },
  {
    id: 'fe-based-oxime-flow-text', ref: 59, catalystPrinted: 'Fe-based', catalyst: 'Fe-based', elements: ['Fe'], strategy: 'interface engineering',
    productPrinted: 'oxime', products: ['benzaldoxime'], nitrogenSources: ['nitrate'], carbonSources: ['benzaldehyde'],
    yieldPrinted: '22.8 g h-1 g_cat-1', cellType: 'flow cell', sourceLocation: 'Section 3.3 text',
    notes: 'Flow reactor production rate of the aldehyde oxime (benzaldoxime per the Table 1 row of ref. 59). Barrier of C–N coupling 0.32 eV vs 0.68 eV for NH2OH reduction.',
  },
];

/** Reads Table 1's 31 rows of 10 tab-separated cells. */
export function readTable1(text: string): string[][] {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l.startsWith('Table 1 Progress summary'));
  const header = lines.findIndex((l, i) => i > start && l.startsWith('Regulation strategy\t'));
  const out: string[][] = [];
  for (let i = header + 1; i < lines.length && lines[i]!.includes('\t'); i++) out.push(lines[i]!.split('\t').map((c) => c.trim()));
  return out;
}

/** Reads the review's reference list: number → citation text (entries may wrap over several lines). */
export function readCitations(text: string): Map<number, string> {
  const section = text.slice(text.indexOf('## References'));
  const citations = new Map<number, string>();
  let current: number | null = null;
  for (const raw of section.split('\n')) {
    const m = /^\s*-\s+(\d+)\s+(.*)$/.exec(raw);
    if (m) {
      current = Number(m[1]);
      citations.set(current, m[2]!.trim());
    } else if (current !== null && raw.trim() !== '') {
      citations.set(current, `${citations.get(current)} ${raw.trim()}`);
    } else if (raw.trim() === '') current = null;
  }
  for (const [k, v] of citations) citations.set(k, v.replace(/\s+/g, ' ').replace(/\$\s*\\text\{([^}]*)\}\s*\$/g, '$1'));
  return citations;
}

/** Builds every literature record (validated) from the review text. */
export function buildLiteratureRecords(text: string): RecordInputDraft[] {
  const table = readTable1(text);
  if (table.length !== 31) throw new Error(`expected 31 Table 1 rows, read ${table.length}`);
  const citations = readCitations(text);
  const cite = (ref: number) => {
    const c = citations.get(ref);
    if (!c) throw new Error(`reference ${ref} not found in the review's reference list`);
    return c;
  };
  const records: RecordInputDraft[] = rows.map((c) => {
    const cells = table[c.row - 1]!;
    const [strategy, catalystPrinted, productPrinted, electrolytePrinted, conditionPrinted, selectivityPrinted, conversionPrinted, faradaicEfficiencyPrinted, yieldPrinted, ref] = cells;
    const strategyName = strategy!.toLowerCase() as (typeof STRATEGIES)[number];
    const { row: _row, ...curation } = c;
    return {
      ...curation,
      origin: 'literature' as const,
      catalystPrinted: catalystPrinted!,
      strategy: strategyName,
      productPrinted: productPrinted!,
      electrolytePrinted: electrolytePrinted!,
      conditionPrinted: conditionPrinted!,
      selectivityPrinted: selectivityPrinted!,
      conversionPrinted: conversionPrinted!,
      faradaicEfficiencyPrinted: faradaicEfficiencyPrinted!,
      yieldPrinted: yieldPrinted!,
      sourceRef: Number(ref),
      sourceCitation: cite(Number(ref)),
      sourceDoi: REVIEW_DOI,
      sourceLocation: `Table 1, row ${c.row}`,
    };
  });
  for (const { ref, ...t } of textRecords) {
    records.push({ ...t, origin: 'literature', sourceRef: ref, sourceCitation: cite(ref), sourceDoi: REVIEW_DOI });
  }
  return records.map((r) => recordInputSchema.parse(r));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const text = readFileSync(SEED, 'utf8');
  const records = buildLiteratureRecords(text);
  writeFileSync(new URL('./records.json', import.meta.url), JSON.stringify(records, null, 2) + '\n');
  // The verbatim Table 1 rows, kept beside the records so that tests can trace every printed cell.
  writeFileSync(new URL('./review-table1.tsv', import.meta.url), readTable1(text).map((cells) => cells.join('\t')).join('\n') + '\n');
  console.log(`wrote data/literature/records.json (${records.length} records) and review-table1.tsv`);
}
