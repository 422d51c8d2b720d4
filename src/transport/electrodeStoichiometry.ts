import { InputError, assertFiniteInRange, balanceHalfReaction } from '../chem/index.js';

/** One faradaic product at the electrode: its half-reaction (sources → product) and its FE. */
export interface ElectrodeProduct {
  from: string[];
  to: string;
  /** Faradaic efficiency, fraction. */
  faradaicEfficiency: number;
}

/** Net production of each solute per mole of electrons, from the balanced half-reactions (alkaline form). */
export function electrodeStoichiometry(products: ElectrodeProduct[]): Record<string, number> {
  const perElectron: Record<string, number> = {};
  let feSum = 0;
  products.forEach((p, i) => {
    assertFiniteInRange(`products[${i}].faradaicEfficiency`, p.faradaicEfficiency, 0, 1, '(fraction)');
    feSum += p.faradaicEfficiency;
    const r = balanceHalfReaction(p.from, [p.to], { medium: 'alkaline' });
    const n = Math.abs(r.electrons);
    const perProduct = r.products.find((t) => t.species !== 'OH-' && t.species !== 'H2O')?.coefficient ?? 1;
    for (const [terms, sign] of [
      [r.reactants, -1],
      [r.products, 1],
    ] as const) {
      for (const t of terms) {
        if (t.species === 'e-' || t.species === 'H2O') continue;
        perElectron[t.species] = (perElectron[t.species] ?? 0) + (sign * p.faradaicEfficiency * t.coefficient) / (n * perProduct);
      }
    }
  });
  if (feSum > 1 + 1e-9) throw new InputError('products', 'faradaic efficiencies that sum to at most 1', `they sum to ${feSum}`);
  return perElectron;
}
