/**
 * Aqueous acid–base equilibria at 25 °C shared by the record pH estimates (`data/estimatePH`) and the
 * microenvironment bulk (`transport/bulkComposition`, `transport/transportData`), defined once so both read the
 * same sourced numbers.
 */

/** Source of the pK values below. */
const CRC_PKA = 'CRC Handbook of Chemistry and Physics, 97th ed. (2016), "Dissociation constants of inorganic acids and bases", 25 °C';

/**
 * Equilibrium constants at 25 °C, infinite dilution: pKw 14.00, pKa1 (CO2(aq) + H2O ⇌ HCO3⁻ + H⁺) 6.35, pKa2
 * (HCO3⁻ ⇌ CO3²⁻ + H⁺) 10.33, pKa(NH4⁺) 9.25, pKa(NH3OH⁺) 5.96 (CRC Handbook, 97th ed.; the same 5.96 derives
 * ΔfG°(NH2OH, aq) in `formationGibbsEnergies.ts`).
 */
export const AQUEOUS_PK_25C = { pKw: 14, pKa1: 6.35, pKa2: 10.33, pKaNH4: 9.25, pKaNH3OH: 5.96, source: CRC_PKA } as const;

/**
 * Solubility of CO2 under 1 bar CO2 at 25 °C, mol L⁻¹: Henry constant 3.4 × 10⁻² mol L⁻¹ bar⁻¹ (R. Sander,
 * Atmos. Chem. Phys. 15, 4399 (2015), doi:10.5194/acp-15-4399-2015).
 */
export const CO2_SATURATION_M = 0.034;

/**
 * pH of a solution held at a fixed dissolved CO2 (by default saturated under 1 bar CO2) whose strong cations
 * are balanced by the carbonate system and OH⁻ — what a CO2-bubbled KOH, K2CO3 or KHCO3 solution ends as
 * (CO2 + OH⁻ → HCO3⁻): the root of the charge balance B + [H⁺] = [HCO3⁻] + 2[CO3²⁻] + [OH⁻] with
 * [HCO3⁻] = Ka1·[CO2]/[H⁺], [CO3²⁻] = Ka2·[HCO3⁻]/[H⁺], [OH⁻] = Kw/[H⁺] ({@link AQUEOUS_PK_25C}), solved by
 * bisection on pH (the excess falls monotonically with pH). Inert salts (KNO3, K2SO4) do not enter B.
 * @param alkalinityM - B, mol L⁻¹ of cation charge balanced by OH⁻/HCO3⁻/CO3²⁻ before equilibration
 *   (c for KOH or KHCO3, 2c for K2CO3); ≥ 0
 * @param co2M - dissolved CO2, mol L⁻¹ (default {@link CO2_SATURATION_M}); > 0
 * @example co2EquilibratedPH(0.1) // 6.818 (0.1 M KOH or KHCO3 under 1 bar CO2)
 */
export function co2EquilibratedPH(alkalinityM: number, co2M: number = CO2_SATURATION_M): number {
  if (!(alkalinityM >= 0) || !Number.isFinite(alkalinityM)) throw new RangeError(`alkalinityM must be a finite number ≥ 0, got ${alkalinityM}`);
  if (!(co2M > 0) || !Number.isFinite(co2M)) throw new RangeError(`co2M must be a finite number > 0, got ${co2M}`);
  const ka1 = 10 ** -AQUEOUS_PK_25C.pKa1;
  const ka2 = 10 ** -AQUEOUS_PK_25C.pKa2;
  const kw = 10 ** -AQUEOUS_PK_25C.pKw;
  const excess = (pH: number) => {
    const h = 10 ** -pH;
    const hco3 = (ka1 * co2M) / h;
    return alkalinityM + h - (hco3 + (2 * ka2 * hco3) / h + kw / h);
  };
  return bisectChargeBalance(excess, -2, 16, 100);
}

/**
 * pH of a closed bicarbonate solution (no CO2 exchange) with a hydroxylammonium salt of a strong acid: the root of
 * the charge balance c_b + [H⁺] + N·[H⁺]/([H⁺] + Ka,N) = c_b·(α1 + 2α2) + [OH⁻] + N, with the carbonate fractions
 * α of total carbon c_b (pKa1, pKa2), N the NH3OH⁺ added and its strong-acid counter-ion charge N, Ka,N from
 * pKa(NH3OH⁺) ({@link AQUEOUS_PK_25C}); bisection on pH 0–14 (the excess falls monotonically with pH). Without
 * the salt it is the amphiprotic (pKa1 + pKa2)/2 within 1e-3 for c_b ≫ Ka.
 * @param bicarbonateM - c_b, mol L⁻¹ of MHCO3 (M = K, Na, …)
 * @param hydroxylammoniumM - N, mol L⁻¹ of NH3OH⁺ (2c for (NH3OH)2SO4, c for NH3OH·Cl)
 * @example closedBicarbonatePH(0.5, 0.02) // 7.711 (0.5 M KHCO3 + 10 mM (NH3OH)2SO4)
 */
export function closedBicarbonatePH(bicarbonateM: number, hydroxylammoniumM: number): number {
  const [k1, k2, kw, kn] = [10 ** -AQUEOUS_PK_25C.pKa1, 10 ** -AQUEOUS_PK_25C.pKa2, 10 ** -AQUEOUS_PK_25C.pKw, 10 ** -AQUEOUS_PK_25C.pKaNH3OH];
  const excess = (pH: number) => {
    const h = 10 ** -pH;
    const d = h * h + k1 * h + k1 * k2;
    const anions = (bicarbonateM * (k1 * h + 2 * k1 * k2)) / d + kw / h + hydroxylammoniumM;
    return bicarbonateM + h + (hydroxylammoniumM * h) / (h + kn) - anions;
  };
  return bisectChargeBalance(excess, 0, 14, 60);
}

/** The pH in [lo, hi] where a charge excess that falls monotonically with pH changes sign, by `iterations` halvings. */
function bisectChargeBalance(excess: (pH: number) => number, lo: number, hi: number, iterations: number): number {
  for (let i = 0; i < iterations; i++) {
    const mid = (lo + hi) / 2;
    if (excess(mid) > 0) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}
