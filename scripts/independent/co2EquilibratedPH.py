"""Independent check of co2EquilibratedPH (src/chem/carbonateEquilibria.ts) and of the CO2-fed pH estimates
(src/data/estimatePH.ts) and bulk (src/transport/bulkComposition.ts).

An alkaline solution (cation charge B, mol/L: c for KOH or KHCO3, 2c for K2CO3) equilibrated with 1 bar CO2 at
25 C: dissolved CO2 fixed by Henry's law, [CO2] = KH * pCO2; the carbonate system and water at equilibrium; the
pH is the root of the charge balance

    B + [H+] = [HCO3-] + 2 [CO3--] + [OH-],  [HCO3-] = K1 [CO2] / [H+],  [CO3--] = K2 [HCO3-] / [H+],  [OH-] = Kw / [H+]

solved here with scipy's brentq (not the bisection of the TypeScript). Constants from the same sources as the
code: CRC Handbook 97th ed. pKa1 6.35, pKa2 10.33, pKw 14.00; Sander 2015 KH 3.4e-2 mol/(L bar).

Run: python3 scripts/independent/co2EquilibratedPH.py
"""
from scipy.optimize import brentq

K1, K2, KW, KH = 10**-6.35, 10**-10.33, 1e-14, 0.034


def co2_equilibrated_ph(b, p_co2_bar=1.0):
    co2 = KH * p_co2_bar

    def excess(ph):
        h = 10**-ph
        hco3 = K1 * co2 / h
        return b + h - (hco3 + 2 * K2 * hco3 / h + KW / h)

    return brentq(excess, -2, 16, xtol=1e-14)


if __name__ == "__main__":
    cases = [
        ("0.1 M KOH (or KHCO3)", 0.1),
        ("1.0 M KOH (or 0.5 M K2CO3)", 1.0),
        ("0.1 M KOH + 0.1 M KHCO3", 0.2),
        ("0.5 M KHCO3", 0.5),
        ("0.001 M KOH", 0.001),
        ("5 M KOH", 5.0),
    ]
    for name, b in cases:
        print(f"{name:30s} B = {b:5} M  pH = {co2_equilibrated_ph(b):.6f}")
