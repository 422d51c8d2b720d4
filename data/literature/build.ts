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
  sameMeasurementAs?: string;
  flags?: { code: string; reason: string; excludes?: ('faradaicEfficiency' | 'selectivity' | 'conversion' | 'yield' | 'potentialVvsRHE')[] }[];
  notes?: string;
}

const AGCL_SAT = 'Ag/AgCl sat. KCl';

const rows: RowCuration[] = [
  {
    row: 1,
    id: 'ad-fe-nc-valine',
    catalyst: 'AD-Fe/NC',
    elements: ['Fe', 'N', 'C'],
    products: ['valine'],
    nitrogenSources: ['nitric-oxide'],
    carbonSources: ['3-methyl-2-oxobutanoic-acid'],
    yieldCorrected: '32.1 μmol mg_cat-1',
    flags: [
      {
        code: 'yield-unit-garbled',
        reason:
          'table prints "μmol mg cat h−1" (catalyst mass without exponent, stray h−1); Section 3.1 gives "32.1 μmol mg_cat−1", used as the corrected reading',
      },
    ],
    notes: 'N source NO (Section 3.1: Fe–N4 sites enhance NO adsorption; ref. 60 title: amino acids from nitric oxide).',
  },
  {
    row: 2,
    id: 'pd-cu-vcu-dmf',
    catalyst: 'Pd/Cu-VCu',
    elements: ['Pd', 'Cu'],
    products: ['dmf'],
    nitrogenSources: ['dimethylamine'],
    carbonSources: ['carbon-dioxide'],
    yieldCorrected: '385 mmol h-1 g_cat-1',
    sameMeasurementAs: 'pd-cu-vcu-dmf-text',
    flags: [
      {
        code: 'same-measurement',
        reason: 'Section 3.1 reports the same yield (385 mmol h–1 g_cat–1) and FE (37.5%) in pd-cu-vcu-dmf-text, with its potential; counted once, there',
        excludes: ['faradaicEfficiency', 'yield'],
      },
      {
        code: 'unit-doubled-time',
        reason: 'table prints "mmol h−1 gcat h−1" (time twice); Section 3.1 gives "385 mmol h–1 g_cat–1", used as the corrected reading',
      },
      { code: 'condition-disagrees-with-text', reason: 'table condition 20 mA cm−2; Section 3.1 reports the same yield and FE at −0.6 V vs. RHE' },
    ],
  },
  {
    row: 3,
    id: 'e-od-cu-hmta',
    catalyst: 'e-OD-Cu',
    elements: ['Cu', 'O'],
    products: ['hmta'],
    nitrogenSources: ['nitrate'],
    carbonSources: ['formaldehyde'],
    notes: 'N source nitrate from Section 3.1 ("C–N coupling between nitrate and formaldehyde"); the table prints only 0.1 M KOH + 0.5 M K2SO4.',
  },
  {
    row: 4,
    id: 'cu-pi-500-urea',
    catalyst: 'Cu/PI-500',
    elements: ['Cu', 'C', 'N', 'O'],
    products: ['urea'],
    nitrogenSources: ['nitrate'],
    carbonSources: ['carbon-dioxide'],
    flags: [
      { code: 'catalyst-renamed', reason: 'table prints "Cu/PI-X" (X = annealing temperature); Section 3.1 (Fig. 3f) reports these numbers for Cu/PI-500' },
    ],
    notes: 'Table prints Cu/PI-X (X = annealing temperature of the polyimide); Section 3.1 reports these numbers for Cu/PI-500.',
  },
  {
    row: 5,
    id: 'vo-ceo2-750-urea-table',
    catalyst: 'VO-CeO2-750',
    elements: ['Cu', 'Ce', 'O'],
    products: ['urea'],
    nitrogenSources: ['nitrate'],
    carbonSources: ['carbon-dioxide'],
    flags: [
      {
        code: 'catalyst-renamed',
        reason: 'table prints "V60-CeO2-750" (garbled); Section 3.1 names the catalyst VO-CeO2-750 (O-vacancy-rich, Cu-supported CeO2)',
      },
      {
        code: 'table-text-disagree',
        reason:
          'table: 943.6 mg h−1 g−1 at −1.6 V vs. RHE; Section 3.1: 8.81 mmol h−1 g_cat−1 (529 mg h−1 g−1) with FE 12.2% at −0.7 V vs. RHE (kept as a separate text record)',
      },
    ],
  },
  {
    row: 6,
    id: 'remn-nc-urea-table',
    catalyst: 'ReMn-NC',
    elements: ['Re', 'Mn', 'N', 'C'],
    products: ['urea'],
    nitrogenSources: ['dinitrogen'],
    carbonSources: ['carbon-dioxide'],
    flags: [
      {
        code: 'row-mixes-systems',
        reason:
          "Section 3.1 gives 48.9 mg g−1 h−1 as ReMn-NC's ammonia yield (98.4% N-selectivity) and 89.1% as ZnMn-NC's urea N-selectivity (36.7 mg g−1 h−1); both left out of this urea row and kept as separate text records",
        excludes: ['selectivity', 'yield'],
      },
    ],
  },
  {
    row: 7,
    id: 'cu97in3-c-urea',
    catalyst: 'Cu97In3-C',
    elements: ['Cu', 'In', 'C'],
    products: ['urea'],
    nitrogenSources: ['nitrate'],
    carbonSources: ['carbon-dioxide'],
    flags: [{ code: 'catalyst-renamed', reason: 'table prints "Cu97In3 C" without the hyphen; Section 3.1 names it Cu97In3-C' }],
    notes: 'Reactants CO2 and NO3− per Section 3.1 ("using CO2 and NO3− reactants"; the table prints only the KHCO3 electrolyte).',
  },
  {
    row: 8,
    id: 'ns-cns-alanine-table',
    catalyst: 'NS-CNS',
    elements: ['N', 'S', 'C'],
    products: ['alanine'],
    nitrogenSources: [],
    carbonSources: ['pyruvic-acid'],
    flags: [
      {
        code: 'table-text-disagree',
        reason:
          'table: 1199 μmol h−1 cm−2 at −0.5 V vs. RHE; Section 3.1: 199 mmol h−1 cm−2 at −0.3 V vs. RHE (166× apart; both kept). The plausibility check (rate·n·F/FE, n ≥ 2, FE 79.5%) finds the table value plausible (80.8 mA cm−2) and the text value not (≥ 13.4 A cm−2)',
      },
      {
        code: 'column-shifted',
        reason:
          'table conversion ">75%" is, per Section 3.1, the alanine selectivity from polylactic acid waste (kept as a separate text record), not a conversion',
        excludes: ['conversion'],
      },
    ],
    notes: 'The nitrogen source of the reductive amination is not stated in the review.',
  },
  {
    row: 9,
    id: 'zif-7-cgf-oxime',
    catalyst: 'ZIF-7/CGF',
    elements: ['Zn', 'C', 'N', 'O'],
    products: [],
    nitrogenSources: ['nitric-oxide'],
    carbonSources: [],
    flags: [
      {
        code: 'product-unidentified',
        reason: 'product printed as "1-PDO", not defined in the review (ref. 43 is about oxime electrosynthesis); no species assigned',
      },
    ],
  },
  {
    row: 10,
    id: 'cu-s-cyclohexanone-oxime',
    catalyst: 'Cu-S',
    elements: ['Cu', 'S'],
    products: ['cyclohexanone-oxime'],
    nitrogenSources: ['nitrite'],
    carbonSources: ['cyclohexanone'],
    referenceElectrode: AGCL_SAT,
  },
  {
    row: 11,
    id: 'hea-pdcuagbiinene-oxime',
    catalyst: 'HEA-PdCuAgBiInene',
    elements: ['Pd', 'Cu', 'Ag', 'Bi', 'In'],
    products: ['cyclohexanone-oxime'],
    nitrogenSources: ['nitrite'],
    carbonSources: ['cyclohexanone'],
    referenceElectrode: AGCL_SAT,
    flags: [{ code: 'catalyst-renamed', reason: 'table prints "HEA-PdCuAgBilhene" (garbled); Section 3.2 names it HEA-PdCuAgBiInene' }],
  },
  {
    row: 12,
    id: 'al-nfm-pyridine-aldoxime-table',
    catalyst: 'Al-NFM (from NH2-MIL-53(Al))',
    elements: ['Al', 'N', 'C', 'O'],
    products: ['pyridine-2-aldoxime'],
    nitrogenSources: ['nitrite'],
    carbonSources: ['pyridine-2-carboxaldehyde'],
    flags: [
      {
        code: 'table-text-disagree',
        reason: 'table: FE 49.8% and 92.1% yield at 13 mA; Section 3.2: FE 42.1% and 92.1% selectivity at −0.9 V vs. Ag/AgCl (kept as a separate text record)',
      },
      { code: 'catalyst-renamed', reason: 'table prints the precursor "NH2-MIL-53(Al)"; Section 3.2 names the catalyst derived from it Al-NFM' },
    ],
    notes: 'N source nitrite from Section 3.2 ("in situ reduction of NO2− to NH2OH*"); the table prints only 0.1 M KOH.',
  },
  {
    row: 13,
    id: 'mgo-scm-4-cboe',
    catalyst: 'MgO-SCM',
    elements: ['Mg', 'O', 'N', 'C'],
    products: [],
    nitrogenSources: [],
    carbonSources: ['4-cyanobenzaldehyde'],
    flags: [
      {
        code: 'product-unidentified',
        reason: '4-CBOE is an oxime ether of 4-cyanobenzaldoxime whose ether group the review does not give; no species assigned',
      },
    ],
    notes:
      'N source not named: Section 3.2 and the title of ref. 106 say "NOx" (not nitrate, nitrite or NO), and the electrolyte (KOH/Li2SO4) contains none; left empty.',
  },
  {
    row: 14,
    id: 'adfe-tio2-ti-glycine',
    catalyst: 'adFe-TiOx/Ti',
    elements: ['Fe', 'Ti', 'O'],
    products: ['glycine'],
    nitrogenSources: ['nitrate'],
    carbonSources: ['glyoxylic-acid'],
    flags: [
      { code: 'table-text-disagree', reason: 'Section 3.2 gives 80.2% as the glycine yield; the table lists 80.2% as selectivity and 83.4% as yield' },
      { code: 'catalyst-renamed', reason: 'table prints "adFe-TiO2/Ti"; Section 3.2 names it adFe-TiOx/Ti (defective TiO2)' },
    ],
  },
  {
    row: 15,
    id: 'od-ag-alanine',
    catalyst: 'OD-Ag',
    elements: ['Ag', 'O'],
    products: ['alanine'],
    nitrogenSources: ['nitric-oxide'],
    carbonSources: ['pyruvic-acid'],
    notes: 'NO and pyruvic acid per Section 3.2.',
  },
  {
    row: 16,
    id: 'cupc-amino-urea',
    catalyst: 'CuPc-amino',
    elements: ['Cu', 'N', 'C', 'H'],
    products: ['urea'],
    nitrogenSources: ['nitrate'],
    carbonSources: ['carbon-dioxide'],
  },
  {
    row: 17,
    id: 'ag-50-cyclohexanone-oxime',
    catalyst: 'Ag-50',
    elements: ['Ag', 'C', 'N'],
    products: ['cyclohexanone-oxime'],
    nitrogenSources: ['nitrite'],
    carbonSources: ['cyclohexanone'],
    cellType: 'flow cell',
    flags: [
      {
        code: 'n-source-ambiguous',
        reason:
          'Section 3.3 says NO and cyclohexanone; the table electrolyte contains 0.5 M NaNO2. Nitrite (4 e−) is used: FE, current and yield agree with it',
      },
    ],
  },
  {
    row: 18,
    id: 'fe-cyclohexanone-oxime',
    catalyst: 'Fe',
    elements: ['Fe'],
    products: ['cyclohexanone-oxime'],
    nitrogenSources: ['nitrate'],
    carbonSources: ['cyclohexanone'],
    cellType: 'flow cell',
    flags: [
      {
        code: 'unit-doubled-time',
        reason:
          'table prints "g h−1 gcat h−1" (time twice) and the text gives no rate to correct it; normalized as per hour per gram of catalyst (an assumed reading)',
      },
      {
        code: 'fe-not-in-text',
        reason:
          'table prints FE "~100%", but Section 3.3 speaks of "a nearly 100% yield" and ref. 78\'s title of "Almost 100 % Yield", with no FE; left out of the normalized FE until the source confirms it',
        excludes: ['faradaicEfficiency'],
      },
    ],
  },
  {
    row: 19,
    id: 'od-cu-phenol-oxime',
    catalyst: 'OD-Cu',
    elements: ['Cu', 'O'],
    products: ['cyclohexanone-oxime'],
    nitrogenSources: ['hydroxylamine'],
    carbonSources: ['phenol'],
    flags: [{ code: 'catalyst-renamed', reason: 'table prints "Cu"; Section 3.3 describes it as an oxide-derived Cu catalyst (OD-Cu)' }],
    notes: 'Phenol is hydrogenated in situ to cyclohexanone, which couples with NH2OH (Section 3.3).',
  },
  {
    row: 20,
    id: 'fe-based-benzaldoxime',
    catalyst: 'Fe-based',
    elements: ['Fe'],
    products: ['benzaldoxime'],
    nitrogenSources: [],
    carbonSources: ['benzaldehyde'],
    notes:
      'The printed electrolyte pairs 0.5 M H2SO4 with 0.5 M K2CO3 (probably two compartments); no pH is estimated. N source not named: Section 3.3 and the title of ref. 59 say "NOx" (not nitrate, nitrite or NO) and the electrolyte contains none, so no electron count (6 from NO3−, 4 from NO2−, 3 from NO).',
  },
  {
    row: 21,
    id: 'cuxcyoz-600-cyclopentanone-oxime',
    catalyst: 'CuxCyOz@600',
    elements: ['Cu', 'C', 'O'],
    products: ['cyclopentanone-oxime'],
    nitrogenSources: ['nitrate'],
    carbonSources: ['cyclopentanone'],
    referenceElectrode: AGCL_SAT,
    flags: [{ code: 'catalyst-renamed', reason: 'table prints "CuxCyO2@600" (garbled); Section 3.3 names it CuxCyOz@600 (Cu–Cu2O heterojunction)' }],
  },
  {
    row: 22,
    id: 'bdd-formamide',
    catalyst: 'BDD',
    elements: ['B', 'C'],
    products: ['formamide'],
    nitrogenSources: ['ammonia'],
    carbonSources: ['methanol'],
    notes:
      'Anodic: methanol and ammonia are oxidized to formamide (Section 3.3: "converting methanol and ammonia into formamide"; the table prints only 0.5 M NaHCO3).',
  },
  {
    row: 23,
    id: 'pt-formamide',
    catalyst: 'Pt',
    elements: ['Pt'],
    products: ['formamide'],
    nitrogenSources: ['ammonia'],
    carbonSources: ['methanol'],
    notes:
      'Anodic, on α-PtO2 (Section 3.3). N source ammonia from Section 3.3 ("attacked by ammonia") and ref. 111\'s title ("from methanol and ammonia"); the table prints only 0.5 M NaHCO3/0.25 M H2SO4.',
  },
  {
    row: 24,
    id: 'cofe-ssm-amino-acids',
    catalyst: 'CoFe-SSM',
    elements: ['Co', 'Fe', 'C'],
    products: [],
    nitrogenSources: ['nitric-oxide'],
    carbonSources: [],
    flags: [{ code: 'product-generic', reason: 'product printed as "α-Amino acids" from α-keto acids; no single species assigned (Fig. 6a shows leucine)' }],
  },
  {
    row: 25,
    id: 'cu-bi-c-cf-glycine',
    catalyst: 'Cu/Bi-C@CF',
    elements: ['Cu', 'Bi', 'C'],
    products: ['glycine'],
    nitrogenSources: ['nitrate'],
    carbonSources: ['glyoxylic-acid'],
    notes: 'N source nitrate from Section 3.4 ("glycine from nitrate and glyoxylate"); the table prints only 0.1 M HCl.',
  },
  {
    row: 26,
    id: 'pd1cu1-nbws-alanine',
    catalyst: 'Pd1Cu1 NBWs',
    elements: ['Pd', 'Cu'],
    products: ['alanine'],
    nitrogenSources: ['nitrate'],
    carbonSources: ['pyruvic-acid'],
  },
  {
    row: 27,
    id: 'znmn-n-cl-urea',
    catalyst: 'ZnMn-N,Cl',
    elements: ['Zn', 'Mn', 'N', 'Cl', 'C'],
    products: ['urea'],
    nitrogenSources: ['dinitrogen'],
    carbonSources: ['carbon-dioxide'],
    flags: [{ code: 'catalyst-renamed', reason: 'table prints "ZnMn-N"; Section 3.4 names it ZnMn-N,Cl (axial Cl coordination)' }],
    notes: 'Table prints ZnMn-N; Section 3.4 names it ZnMn-N,Cl (axial Cl). CO2 + N2, selectivity is N-selectivity; FE under CO pre-poisoning.',
  },
  {
    row: 28,
    id: 'b-feni-dasc-urea',
    catalyst: 'B-FeNi-DASC',
    elements: ['B', 'Fe', 'Ni', 'N', 'C'],
    products: ['urea'],
    nitrogenSources: ['nitrate'],
    carbonSources: ['carbon-dioxide'],
    notes: 'Electrolyte printed with KNO3/KNO2: nitrate or nitrite; nitrate used for the electron count.',
  },
  {
    row: 29,
    id: 'pd1cu1-tio2-400-urea',
    catalyst: 'Pd1Cu1/TiO2-400',
    elements: ['Pd', 'Cu', 'Ti', 'O'],
    products: ['urea'],
    nitrogenSources: ['dinitrogen'],
    carbonSources: ['carbon-dioxide'],
    notes: 'N2 + CO2 (Section 3.4).',
  },
  {
    row: 30,
    id: 'cu1-ceo2-urea',
    catalyst: 'Cu1-CeO2',
    elements: ['Cu', 'Ce', 'O'],
    products: ['urea'],
    nitrogenSources: ['nitrate'],
    carbonSources: ['carbon-dioxide'],
    flags: [
      {
        code: 'unit-doubled-time',
        reason:
          'table prints "mmol h−1 gcat h−1" (time twice) and the text gives no rate to correct it; normalized as per hour per gram of catalyst (an assumed reading)',
      },
    ],
  },
  {
    row: 31,
    id: 'lc-cu-nc-arylamines',
    catalyst: 'LC-Cu NC',
    elements: ['Cu'],
    products: [],
    nitrogenSources: ['nitrite'],
    carbonSources: ['phenylboronic-acid'],
    flags: [
      { code: 'product-generic', reason: 'product printed as "Arylamines" (from arylboronic acids); no single species assigned' },
      {
        code: 'fe-refers-to-intermediate',
        reason: 'Section 3.5: 95% is the FE of NO2− → NH3 during cathodic pulses, not of the arylamine (kept as a separate ammonia text record)',
        excludes: ['faradaicEfficiency'],
      },
    ],
    notes:
      'Pulsed electrolysis: cathodic −1.1 V, anodic +0.4 V (reference not printed). N source nitrite from Section 3.5 (cathodic pulses "reduce NO2− to NH3 with 95% FE"); the table prints only 0.25 M PBS + MeOH.',
  },
];

/**
 * Results the review quantifies only in its text. `quote` gives the first and last words of the sentence
 * the values were read from; the builder copies the sentence verbatim from the review (white space folded)
 * into `sourceQuote`, and fails when the review does not contain it.
 */
const textRecords: (Omit<RecordInputDraft, 'sourceCitation'> & { ref: number; quote: [string, string] })[] = [
  {
    id: 'remn-nc-ammonia-text',
    ref: 103,
    quote: ['Subsequent hydrogenation of \\*CN', 'nitrogen selectivity of 98.4%.'],
    catalystPrinted: 'ReMn-NC',
    catalyst: 'ReMn-NC',
    elements: ['Re', 'Mn', 'N', 'C'],
    strategy: 'defect engineering',
    productPrinted: 'ammonia',
    products: ['ammonia'],
    nitrogenSources: ['dinitrogen'],
    carbonSources: [],
    selectivityPrinted: '98.4%',
    yieldPrinted: '48.9 mg g-1 h-1',
    sourceLocation: 'Section 3.1 text',
    notes:
      'CO2 feeds the *C intermediate but ends up in no product counted here. Janus C–N coupling: N2 + *C → *CN2, then hydrogenation with C–N dissociation gives NH3; selectivity is N-selectivity.',
  },
  {
    id: 'znmn-nc-urea-text',
    ref: 103,
    quote: ['Subsequent hydrogenation of the nitrogen atoms', 'nitrogen selectivity of 89.1%.'],
    catalystPrinted: 'ZnMn-NC',
    catalyst: 'ZnMn-NC',
    elements: ['Zn', 'Mn', 'N', 'C'],
    strategy: 'defect engineering',
    productPrinted: 'urea',
    products: ['urea'],
    nitrogenSources: ['dinitrogen'],
    carbonSources: ['carbon-dioxide'],
    selectivityPrinted: '89.1%',
    yieldPrinted: '36.7 mg g-1 h-1',
    sourceLocation: 'Section 3.1 text',
    notes: 'CO + *N=N* → *NCON*; average yield rate; selectivity is N-selectivity.',
  },
  {
    id: 'vo-ceo2-750-urea-text',
    ref: 102,
    quote: ['As a result, the catalyst achieved a high urea yield of 8.81', 'at -0.7 V vs. RHE.'],
    catalystPrinted: 'VO-CeO2-750',
    catalyst: 'VO-CeO2-750',
    elements: ['Cu', 'Ce', 'O'],
    strategy: 'defect engineering',
    productPrinted: 'urea',
    products: ['urea'],
    nitrogenSources: ['nitrate'],
    carbonSources: ['carbon-dioxide'],
    faradaicEfficiencyPrinted: '12.2%',
    yieldPrinted: '8.81 mmol h-1 g_cat-1',
    conditionPrinted: '-0.7 V vs. RHE',
    sourceLocation: 'Section 3.1 text',
    flags: [{ code: 'table-text-disagree', reason: 'Table 1 gives 943.6 mg h−1 g−1 at −1.6 V vs. RHE for this catalyst' }],
  },
  {
    id: 'ns-cns-alanine-text',
    ref: 104,
    quote: ['Under the optimized reaction conditions (-0.3 V vs. RHE)', 'selectivity exceeding 99.9% (Fig. 3k).'],
    catalystPrinted: 'NS-CNS',
    catalyst: 'NS-CNS',
    elements: ['N', 'S', 'C'],
    strategy: 'defect engineering',
    productPrinted: 'alanine',
    products: ['alanine'],
    carbonSources: ['pyruvic-acid'],
    selectivityPrinted: '>99.9%',
    faradaicEfficiencyPrinted: '79.5%',
    yieldPrinted: '199 mmol h-1 cm-2',
    conditionPrinted: '-0.3 V vs. RHE',
    sourceLocation: 'Section 3.1 text',
    flags: [{ code: 'table-text-disagree', reason: 'Table 1 gives 1199 μmol h−1 cm−2 at −0.5 V vs. RHE' }],
  },
  {
    id: 'al-nfm-pyridine-aldoxime-text',
    ref: 105,
    quote: ['Operating at  $-0.9', 'an FE of 42.1% and 92.1% selectivity.'],
    catalystPrinted: 'Al-NFM',
    catalyst: 'Al-NFM (from NH2-MIL-53(Al))',
    elements: ['Al', 'N', 'C', 'O'],
    strategy: 'coordination environment design',
    productPrinted: 'pyridine oximes',
    products: ['pyridine-2-aldoxime'],
    nitrogenSources: ['nitrite'],
    carbonSources: ['pyridine-2-carboxaldehyde'],
    selectivityPrinted: '92.1%',
    faradaicEfficiencyPrinted: '42.1%',
    conditionPrinted: '-0.9 V vs. Ag/AgCl',
    referenceElectrode: AGCL_SAT,
    sourceLocation: 'Section 3.2 text',
    flags: [
      { code: 'table-text-disagree', reason: 'Table 1 gives FE 49.8% and 92.1% yield at 13 mA' },
      { code: 'catalyst-renamed', reason: 'the text prints "Al-NFM"; "(from NH2-MIL-53(Al))" added to match the Table 1 row, which prints the precursor' },
    ],
  },
  {
    id: 'od-cu-phenol-oxime-pem-text',
    ref: 61,
    quote: ['Using a PEM flow cell at', 'a carbon selectivity above 99.9%.'],
    catalystPrinted: 'Cu',
    catalyst: 'OD-Cu',
    elements: ['Cu', 'O'],
    strategy: 'interface engineering',
    productPrinted: 'cyclohexanone oxime',
    products: ['cyclohexanone-oxime'],
    nitrogenSources: ['hydroxylamine'],
    carbonSources: ['phenol'],
    selectivityPrinted: '>99.9%',
    yieldPrinted: '54.0 g h-1 g_cat-1',
    conditionPrinted: '50 mA cm-2',
    cellType: 'PEM flow cell',
    sourceLocation: 'Section 3.3 text',
    flags: [{ code: 'catalyst-renamed', reason: 'the text says "The Cu catalyst"; it is the oxide-derived Cu of the same study (OD-Cu)' }],
    notes: 'PEM flow cell; yield above 90.0%, carbon selectivity above 99.9%, isolated yield 99.9%.',
  },
  {
    id: 'fe-based-oxime-flow-text',
    ref: 59,
    quote: ['In the subsequent flow reactor system', '_{\\text{cat}}^{-1}$ .'],
    catalystPrinted: 'Fe-based',
    catalyst: 'Fe-based',
    elements: ['Fe'],
    strategy: 'interface engineering',
    productPrinted: 'oxime',
    products: ['benzaldoxime'],
    nitrogenSources: [],
    carbonSources: ['benzaldehyde'],
    yieldPrinted: '22.8 g h-1 g_cat-1',
    cellType: 'flow cell',
    sourceLocation: 'Section 3.3 text',
    notes:
      'Flow reactor production rate of the aldehyde oxime (benzaldoxime per the Table 1 row of ref. 59). Barrier of C–N coupling 0.32 eV vs 0.68 eV for NH2OH reduction. N source not named (the review says "NOx"); left empty.',
  },
  {
    id: 'pd-cu-vcu-dmf-text',
    ref: 99,
    quote: ['Under an applied potential of –0.6 V', 'a faradaic efficiency (FE) of 37.5%.'],
    catalystPrinted: 'Pd/Cu–VCu',
    catalyst: 'Pd/Cu-VCu',
    elements: ['Pd', 'Cu'],
    strategy: 'defect engineering',
    productPrinted: 'DMF',
    products: ['dmf'],
    nitrogenSources: ['dimethylamine'],
    carbonSources: ['carbon-dioxide'],
    faradaicEfficiencyPrinted: '37.5%',
    yieldPrinted: '385 mmol h–1 g_cat–1',
    conditionPrinted: '–0.6 V vs. RHE',
    sourceLocation: 'Section 3.1 text',
    flags: [{ code: 'table-text-disagree', reason: 'Table 1 prints this yield and FE at 20 mA cm−2 (with the time twice in its yield unit)' }],
    notes: 'DMF from CO2 and dimethylamine; electrolyte not given in the sentence (Table 1: 0.5 M KHCO3).',
  },
  {
    id: 'adfe-tiox-ti-glycine-text',
    ref: 107,
    quote: ['A glycine yield of 80.2%', 'GA conversion close to 100%.'],
    catalystPrinted: 'adFe-TiOx/Ti',
    catalyst: 'adFe-TiOx/Ti',
    elements: ['Fe', 'Ti', 'O'],
    strategy: 'coordination environment design',
    productPrinted: 'glycine',
    products: ['glycine'],
    nitrogenSources: ['nitrate'],
    carbonSources: ['glyoxylic-acid'],
    yieldPrinted: '80.2%',
    conversionPrinted: 'close to 100%',
    sourceLocation: 'Section 3.2 text',
    flags: [{ code: 'table-text-disagree', reason: 'Table 1 lists 80.2% as the selectivity and 83.4% as the yield' }],
    notes: 'Conversion is that of glyoxylic acid (GA).',
  },
  {
    id: 'ns-cns-alanine-pla-text',
    ref: 104,
    quote: ['Additionally, the catalyst demonstrated remarkable stability', 'with selectivity greater than 75%.'],
    catalystPrinted: 'NS-CNS',
    catalyst: 'NS-CNS',
    elements: ['N', 'S', 'C'],
    strategy: 'defect engineering',
    productPrinted: 'alanine',
    products: ['alanine'],
    selectivityPrinted: 'greater than 75%',
    sourceLocation: 'Section 3.1 text',
    notes:
      'Carbon source: real-world polylactic acid waste (not a registry species, so no carbon source is listed); nitrogen source not stated in the review. Table 1 prints this 75% in its conversion column.',
  },
  {
    id: 'cu30in70-c-urea-text',
    ref: 62,
    quote: ['Specifically, the negatively charged', 'as shown in Fig. 3i).'],
    catalystPrinted: 'Cu30In70-C',
    catalyst: 'Cu30In70-C',
    elements: ['Cu', 'In', 'C'],
    strategy: 'defect engineering',
    productPrinted: 'urea',
    products: ['urea'],
    nitrogenSources: ['nitrate'],
    carbonSources: ['carbon-dioxide'],
    sourceLocation: 'Section 3.1 text',
    comparison: {
      quantity: 'yield',
      baselineId: 'cu97in3-c-urea',
      baselinePrinted: '13.1 mmol g-1 h-1',
      times: 13,
      direction: 'lower',
      relation: '~',
      printed: 'about 13 times higher than that of the positively charged Cu30In70-C surface',
    },
    notes: 'The baseline of the Cu97In3-C comparison: positively charged surface dominated by O-bound *OCHO. Its yield is printed only as the ratio.',
  },
  {
    id: 'cupc-urea-text',
    ref: 108,
    quote: ['The engineered CuPc-amino catalyst achieved', 'the 67.4% decay observed for CuPc.'],
    catalystPrinted: 'CuPc',
    catalyst: 'CuPc',
    elements: ['Cu', 'N', 'C', 'H'],
    strategy: 'coordination environment design',
    productPrinted: 'urea',
    products: ['urea'],
    nitrogenSources: ['nitrate'],
    carbonSources: ['carbon-dioxide'],
    sourceLocation: 'Section 3.2 text',
    comparison: {
      quantity: 'yield',
      baselineId: 'cupc-amino-urea',
      baselinePrinted: '103.1 ± 5.3 mmol h-1 g-1',
      times: 2.6,
      direction: 'lower',
      relation: '=',
      printed: 'a 2.6-fold improvement over unmodified CuPc',
    },
    notes:
      'Unmodified CuPc, the baseline of CuPc-amino: 67.4% activity decay over 10 cycles (CuPc-amino: near-zero). The sentence states the comparison with the CuPc-amino result at −1.6 V vs. RHE.',
  },
  {
    id: 'lc-cu-nc-arylamines-static-text',
    ref: 98,
    quote: ['(3) The rapid polarity alternation', 'over static potential methods).'],
    catalystPrinted: 'LC-Cu NC',
    catalyst: 'LC-Cu NC',
    elements: ['Cu'],
    strategy: 'emerging architectures',
    productPrinted: 'arylamine',
    products: [],
    nitrogenSources: ['nitrite'],
    carbonSources: ['phenylboronic-acid'],
    sourceLocation: 'Section 3.5 text',
    comparison: {
      quantity: 'yield',
      baselineId: 'lc-cu-nc-arylamines',
      baselinePrinted: '72%',
      times: 8,
      direction: 'lower',
      relation: '=',
      printed: '72% arylamine yield (an 8-fold enhancement over static potential methods)',
    },
    flags: [{ code: 'product-generic', reason: 'product printed as "arylamine" (from arylboronic acids); no single species assigned' }],
    notes: 'Static-potential control of the pulsed LC-Cu NC electrolysis; the static potential is not printed.',
  },
  {
    id: 'lc-cu-nc-ammonia-text',
    ref: 98,
    quote: ['(1) during cathodic pulses', 'accumulating critical nitrogen feedstock.'],
    catalystPrinted: 'LC-Cu NC',
    catalyst: 'LC-Cu NC',
    elements: ['Cu'],
    strategy: 'emerging architectures',
    productPrinted: 'NH3',
    products: ['ammonia'],
    nitrogenSources: ['nitrite'],
    carbonSources: [],
    faradaicEfficiencyPrinted: '95%',
    sourceLocation: 'Section 3.5 text',
    notes:
      'NO2− → NH3 during the cathodic pulses (−1.1 V, reference not printed) of the pulsed arylamine synthesis: the 95% FE that Table 1 prints in the arylamine row.',
  },
  {
    id: 'od-cu-phenol-oxime-pem-yield-text',
    ref: 61,
    quote: ['Using a PEM flow cell at', 'a carbon selectivity above 99.9%.'],
    catalystPrinted: 'Cu',
    catalyst: 'OD-Cu',
    elements: ['Cu', 'O'],
    strategy: 'interface engineering',
    productPrinted: 'cyclohexanone oxime',
    products: ['cyclohexanone-oxime'],
    nitrogenSources: ['hydroxylamine'],
    carbonSources: ['phenol'],
    selectivityPrinted: 'above 99.9%',
    yieldPrinted: 'exceeding 90.0%',
    conditionPrinted: '50 mA cm-2',
    cellType: 'PEM flow cell',
    sourceLocation: 'Section 3.3 text',
    sameMeasurementAs: 'od-cu-phenol-oxime-pem-text',
    flags: [
      { code: 'catalyst-renamed', reason: 'the text says "The Cu catalyst"; it is the oxide-derived Cu of the same study (OD-Cu)' },
      {
        code: 'same-measurement',
        reason: 'the carbon selectivity "above 99.9%" of this sentence is also in od-cu-phenol-oxime-pem-text; counted once, there',
        excludes: ['selectivity'],
      },
    ],
    notes: 'Yield of the PEM flow cell run; selectivity is the carbon selectivity.',
  },
  {
    id: 'od-cu-phenol-oxime-isolated-text',
    ref: 61,
    quote: ['The oxime product could be readily purified', 'with high purity (Fig. 5j).'],
    catalystPrinted: 'Cu',
    catalyst: 'OD-Cu',
    elements: ['Cu', 'O'],
    strategy: 'interface engineering',
    productPrinted: 'cyclohexanone oxime',
    products: ['cyclohexanone-oxime'],
    nitrogenSources: ['hydroxylamine'],
    carbonSources: ['phenol'],
    yieldPrinted: '99.9%',
    sourceLocation: 'Section 3.3 text',
    flags: [
      { code: 'catalyst-renamed', reason: 'the text says "The Cu catalyst"; it is the oxide-derived Cu of the same study (OD-Cu)' },
      {
        code: 'isolated-yield',
        reason:
          'the sentence gives 99.9% as the "isolated yield" after simple separation and drying, not the yield of the electrolysis (that is "exceeding 90.0%", od-cu-phenol-oxime-pem-yield-text); kept as printed, left out of the yield',
        excludes: ['yield'],
      },
    ],
    notes:
      'Isolated yield after simple separation and drying. The sentence states no condition or cell; the preceding sentence (od-cu-phenol-oxime-pem-yield-text: "Using a PEM flow cell at 50 mA cm−2, …") gives them for the electrolysis.',
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

/**
 * The review's shortest span from `first` to the end of the following `last`, with white
 * space folded (a sentence may cross a page break). @throws {Error} when the review has no such span
 */
export function readSentence(text: string, first: string, last: string): string {
  const end = text.indexOf(last, text.indexOf(first));
  const start = end < 0 ? -1 : text.lastIndexOf(first, end); // the tightest span: `first` may recur earlier
  if (text.indexOf(first) < 0 || start < 0 || end < 0) throw new Error(`sentence "${first} … ${last}" not found in the review`);
  const sentence = text.slice(start, end + last.length).replace(/\s+/g, ' ');
  if (sentence.length > 800) throw new Error(`sentence "${first} … ${last}" is ${sentence.length} characters long: check its anchors`);
  return sentence;
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
    const [
      strategy,
      catalystPrinted,
      productPrinted,
      electrolytePrinted,
      conditionPrinted,
      selectivityPrinted,
      conversionPrinted,
      faradaicEfficiencyPrinted,
      yieldPrinted,
      ref,
    ] = cells;
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
  for (const { ref, quote, ...t } of textRecords) {
    records.push({ ...t, origin: 'literature', sourceRef: ref, sourceCitation: cite(ref), sourceDoi: REVIEW_DOI, sourceQuote: readSentence(text, ...quote) });
  }
  return records.map((r) => recordInputSchema.parse(r));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const text = readFileSync(SEED, 'utf8');
  const records = buildLiteratureRecords(text);
  writeFileSync(new URL('./records.json', import.meta.url), JSON.stringify(records, null, 2) + '\n');
  // The verbatim Table 1 rows, kept beside the records so that tests can trace every printed cell.
  writeFileSync(
    new URL('./review-table1.tsv', import.meta.url),
    readTable1(text)
      .map((cells) => cells.join('\t'))
      .join('\n') + '\n',
  );
  console.log(`wrote data/literature/records.json (${records.length} records) and review-table1.tsv`);
}
