import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { balanceHalfReaction } from '../../src/chem/balanceHalfReaction.js';
import { parseFormula } from '../../src/chem/formula.js';
import { InputError } from '../../src/chem/InputError.js';
import { SPECIES_REGISTRY } from '../../src/chem/species.js';

/**
 * Products of the review's Table 1 (Wang, Sun & Han, Inorg. Chem. Front. 2025, doi:10.1039/d5qi01426c)
 * with their N and C sources as the review's text gives them. Electron counts checked by hand from
 * oxidation states (N: +5 NO3−, +3 NO2−, +2 NO, 0 N2, −1 NH2OH/oxime, −3 amine/amide/urea; carbonyl C
 * reduced by 2 e− in reductive amination, unchanged in oxime formation).
 */
const table1: [string, string[], string, number, string][] = [
  ['AD-Fe/NC valine (NO)', ['3-methyl-2-oxobutanoic acid', 'NO'], 'valine', 7, '(CH3)2CHCOCOOH + NO + 7 H+ + 7 e- → (CH3)2CHCH(NH2)COOH + 2 H2O'],
  ['AD-Fe/NC valine (NO3-)', ['3-methyl-2-oxobutanoic acid', 'NO3-'], 'valine', 10, '(CH3)2CHCOCOOH + NO3- + 11 H+ + 10 e- → (CH3)2CHCH(NH2)COOH + 4 H2O'],
  ['Pd/Cu-VCu DMF', ['CO2', 'dimethylamine'], 'DMF', 2, 'CO2 + (CH3)2NH + 2 H+ + 2 e- → HCON(CH3)2 + H2O'],
  ['e-OD-Cu HMTA', ['HCHO', 'NO3-'], 'HMTA', 32, '6 HCHO + 4 NO3- + 36 H+ + 32 e- → C6H12N4 + 18 H2O'],
  ['urea from CO2 + nitrate', ['CO2', 'NO3-'], 'urea', 16, 'CO2 + 2 NO3- + 18 H+ + 16 e- → CO(NH2)2 + 7 H2O'],
  ['urea from CO2 + nitrite', ['CO2', 'NO2-'], 'urea', 12, 'CO2 + 2 NO2- + 14 H+ + 12 e- → CO(NH2)2 + 5 H2O'],
  ['ReMn-NC/ZnMn-NC urea from N2', ['N2', 'CO2'], 'urea', 6, 'N2 + CO2 + 6 H+ + 6 e- → CO(NH2)2 + H2O'],
  ['NS-CNS alanine', ['pyruvic acid', 'NO3-'], 'alanine', 10, 'CH3COCOOH + NO3- + 11 H+ + 10 e- → CH3CH(NH2)COOH + 4 H2O'],
  ['Cu-S cyclohexanone oxime', ['cyclohexanone', 'NO2-'], 'cyclohexanone oxime', 4, 'C6H10O + NO2- + 5 H+ + 4 e- → C6H10NOH + 2 H2O'],
  ['Fe cyclohexanone oxime', ['cyclohexanone', 'NO3-'], 'cyclohexanone oxime', 6, 'C6H10O + NO3- + 7 H+ + 6 e- → C6H10NOH + 3 H2O'],
  ['Cu phenol + NH2OH oxime', ['phenol', 'NH2OH'], 'cyclohexanone oxime', 4, 'C6H5OH + NH2OH + 4 H+ + 4 e- → C6H10NOH + H2O'],
  ['Al-NFM pyridine-2-aldoxime', ['pyridine-2-carboxaldehyde', 'NO2-'], 'pyridine-2-aldoxime', 4, 'C5H4NCHO + NO2- + 5 H+ + 4 e- → C5H4NCHNOH + 2 H2O'],
  ['MgO-SCM 4-cyanobenzaldoxime (NO)', ['4-cyanobenzaldehyde', 'NO'], '4-cyanobenzaldoxime', 3, 'NCC6H4CHO + NO + 3 H+ + 3 e- → NCC6H4CHNOH + H2O'],
  ['adFe-TiO2 glycine', ['glyoxylic acid', 'NO3-'], 'glycine', 10, 'OHCCOOH + NO3- + 11 H+ + 10 e- → NH2CH2COOH + 4 H2O'],
  ['OD-Ag alanine from pyruvate oxime', ['pyruvate oxime'], 'alanine', 4, 'CH3C(NOH)COOH + 4 H+ + 4 e- → CH3CH(NH2)COOH + H2O'],
  ['Fe-based benzaldoxime', ['benzaldehyde', 'NO3-'], 'benzaldoxime', 6, 'C6H5CHO + NO3- + 7 H+ + 6 e- → C6H5CHNOH + 3 H2O'],
  ['CuxCyO2 cyclopentanone oxime', ['cyclopentanone', 'NO3-'], 'cyclopentanone oxime', 6, 'C5H8O + NO3- + 7 H+ + 6 e- → C5H8NOH + 3 H2O'],
  ['BDD formamide (oxidation)', ['methanol', 'NH3'], 'formamide', -4, 'CH3OH + NH3 → HCONH2 + 4 H+ + 4 e-'],
  ['CoFe-SSM leucine (NO)', ['4-methyl-2-oxopentanoic acid', 'NO'], 'leucine', 7, '(CH3)2CHCH2COCOOH + NO + 7 H+ + 7 e- → (CH3)2CHCH2CH(NH2)COOH + 2 H2O'],
];

/** Sums element counts and charge of one side. */
function tally(terms: { species: string; coefficient: number }[]): Map<string, number> {
  const acc = new Map<string, number>();
  for (const t of terms) {
    const f = t.species === 'e-' ? { counts: {}, charge: -1 } : parseFormula(t.species);
    for (const [el, n] of Object.entries(f.counts)) acc.set(el, (acc.get(el) ?? 0) + n * t.coefficient);
    acc.set('charge', (acc.get('charge') ?? 0) + f.charge * t.coefficient);
  }
  for (const [k, v] of acc) if (v === 0 && k !== 'charge') acc.delete(k);
  return acc;
}

describe('balanceHalfReaction', () => {
  it.each(table1)('%s', (_label, from, to, electrons, equation) => {
    const result = balanceHalfReaction(from, [to]);
    expect(result.equation).toBe(equation);
    expect(result.electrons).toBe(electrons);
    expect(result.kind).toBe(electrons > 0 ? 'reduction' : 'oxidation');
    expect(tally(result.reactants)).toEqual(tally(result.products));
  });

  it('LC-Cu NC arylamine from phenylboronic acid + NH3 is a 2 e- oxidation with boric acid', () => {
    const r = balanceHalfReaction(['phenylboronic acid', 'NH3'], ['aniline', 'boric acid']);
    expect(r.equation).toBe('C6H5B(OH)2 + NH3 + H2O → C6H5NH2 + B(OH)3 + 2 H+ + 2 e-');
    expect(r.electrons).toBe(-2);
    expect(tally(r.reactants)).toEqual(tally(r.products));
  });

  it('balances with OH- in alkaline medium, same electron count', () => {
    const r = balanceHalfReaction(['CO2', 'NO3-'], ['urea'], { medium: 'alkaline' });
    expect(r.equation).toBe('CO2 + 2 NO3- + 11 H2O + 16 e- → CO(NH2)2 + 18 OH-');
    expect(r.electrons).toBe(16);
  });

  it('names the missing element and registry species that supply it', () => {
    expect(() => balanceHalfReaction(['phenylboronic acid', 'NH3'], ['aniline'])).toThrow(
      /B appears only in "C6H5B\(OH\)2"; add a species containing B, e\.g\. boric acid \(B\(OH\)3\)/,
    );
  });

  it('names the free species of an under-determined reaction', () => {
    expect(() => balanceHalfReaction(['CO2', 'NO3-'], ['urea', 'NH3'])).toThrow(/under-determined: 2 independent balances.*"CO\(NH2\)2" and "NH3"/);
  });

  it('rejects a reactant that would be produced, and unknown names', () => {
    expect(() => balanceHalfReaction(['CO2', 'H2O'], ['CO'])).toThrow(/from\[1\].*"H2O" would be produced, not consumed/);
    expect(() => balanceHalfReaction(['CO2', 'H+'], ['CO'])).not.toThrow();
    expect(balanceHalfReaction(['urea', 'H2O'], ['CO2', 'NH4+']).kind).toBe('non-redox');
    expect(() => balanceHalfReaction(['NO3-', 'CO2'], ['NH3'])).toThrow(/from\[1\].*"CO2" takes no part/);
    expect(() => balanceHalfReaction(['unobtainium'], ['urea'])).toThrow(/from\[0\].*neither a known species name nor a formula/);
    expect(() => balanceHalfReaction([], ['urea'])).toThrow(/from: no reactant/);
  });

  it('gives fractional electron counts exactly', () => {
    const r = balanceHalfReaction(['NO3-'], ['N2']);
    expect(r.equation).toBe('2 NO3- + 12 H+ + 10 e- → N2 + 6 H2O');
    expect(r.electronsExact).toBe('10');
    const half = balanceHalfReaction(['N2'], ['NH4+']);
    expect(half.electronsExact).toBe('3'); // per NH4+: N2 + 8 H+ + 6 e- → 2 NH4+
    expect(half.equation).toBe('N2 + 8 H+ + 6 e- → 2 NH4+');
  });
});

describe('balanceHalfReaction conservation (property)', () => {
  const cSources = SPECIES_REGISTRY.filter((s) => s.roles.includes('carbon-source')).map((s) => s.id);
  const nSources = ['nitrate', 'nitrite', 'nitric-oxide', 'dinitrogen', 'ammonia', 'hydroxylamine'];
  const products = SPECIES_REGISTRY.filter((s) => s.roles.includes('product')).map((s) => s.id);
  it('every balance it returns conserves each element and the charge, with integer coefficients', () => {
    let balanced = 0;
    fc.assert(
      fc.property(fc.constantFrom(...cSources), fc.constantFrom(...nSources), fc.constantFrom(...products), fc.boolean(), (c, n, p, alkaline) => {
        try {
          const r = balanceHalfReaction([c, n], [p], { medium: alkaline ? 'alkaline' : 'acidic' });
          balanced++;
          expect(tally(r.reactants)).toEqual(tally(r.products));
          for (const t of [...r.reactants, ...r.products]) expect(Number.isInteger(t.coefficient) && t.coefficient > 0).toBe(true);
        } catch (error) {
          expect(error).toBeInstanceOf(InputError);
        }
      }),
      { numRuns: 1500 },
    );
    expect(balanced).toBeGreaterThan(100);
  });
});

describe('a neutral formula typed where an ion is likely meant (audit)', () => {
  // "NO3" is the NO3 radical (N +6): 2·9 = 18 e- per urea instead of 16 from nitrate (N +5 → −3: 2·8);
  // "NO2" is nitrogen dioxide (N +4): 2·7 = 14 e- instead of 12 from nitrite. The count is right for what was
  // typed, so it stays; the reading is named beside it.
  it('balances what was typed and says how it was read', () => {
    const r = balanceHalfReaction(['CO2', 'NO3'], ['urea']);
    expect(r.electrons).toBe(18);
    expect(r.warnings).toEqual(['"NO3" is read as the neutral species NO3; nitrate is NO3- (write the charge if you mean the ion)']);
    const n2 = balanceHalfReaction(['CO2', 'NO2'], ['urea']);
    expect(n2.electrons).toBe(14);
    expect(n2.warnings[0]).toMatch(/^"NO2" is read as the neutral species NO2; nitrite is NO2-/);
    expect(balanceHalfReaction(['NH4'], ['N2']).warnings[0]).toMatch(/ammonium is NH4\+/);
  });
  it('no warning for ions written with their charge, registry names, or neutral species without a charged look-alike', () => {
    expect(balanceHalfReaction(['CO2', 'NO3-'], ['urea']).warnings).toEqual([]);
    expect(balanceHalfReaction(['carbon dioxide', 'nitrate'], ['urea']).warnings).toEqual([]);
    expect(balanceHalfReaction(['N2'], ['NH3']).warnings).toEqual([]);
    expect(balanceHalfReaction(['O2'], ['H2O']).warnings).toEqual([]);
  });
});
