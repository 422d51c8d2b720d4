"""Independent check of the closed bicarbonate + hydroxylammonium pH estimate (src/data/estimatePH.ts), the
electrolyte of od-cu-phenol-oxime (Table 1 row 19: 0.5 M KHCO3 + 20 mM phenol + 10 mM (NH3OH)2SO4).

Closed solution (no CO2 exchange): total carbon C = c_b (the bicarbonate), K+ = c_b, NH3OH+ added N = 2 x 10 mM
with its sulfate (2 x 10 mM of negative charge, HSO4- negligible above pH 4, pKa2 1.99). The pH is the root of

    c_b + [H+] + N [H+]/([H+] + Ka_N) = C (a1 + 2 a2) + [OH-] + N

with a1 = K1 h / D, a2 = K1 K2 / D, D = h^2 + K1 h + K1 K2, solved with scipy's brentq (not the bisection of
the TypeScript). Constants: CRC Handbook 97th ed. pKa1 6.35, pKa2 10.33, pKw 14.00, pKa(NH3OH+) 5.96.
Phenol (pKa about 10) is left out here as in the code: no sourced pKa in the repository; at pH 7.7 it is about
0.5 % ionized (0.1 mM of 20 mM), below the bicarbonate's buffering.

Run: python3 scripts/independent/hydroxylammoniumBicarbonatePH.py
"""
from scipy.optimize import brentq

K1, K2, KW, KN = 10**-6.35, 10**-10.33, 1e-14, 10**-5.96


def closed_ph(cb, n):
    def excess(ph):
        h = 10**-ph
        d = h * h + K1 * h + K1 * K2
        return cb + h + n * h / (h + KN) - (cb * (K1 * h + 2 * K1 * K2) / d + KW / h + n)

    return brentq(excess, 0, 14, xtol=1e-14)


if __name__ == "__main__":
    print(f"0.5 M KHCO3 + 0.02 M NH3OH+: pH {closed_ph(0.5, 0.02):.6f}")  # 7.711356
    print(f"0.5 M KHCO3 alone:           pH {closed_ph(0.5, 0.0):.6f}")  # 8.339905 (amphiprotic (pKa1 + pKa2)/2 = 8.34)
    print(f"0.1 M KHCO3 + 0.05 M NH3OH+: pH {closed_ph(0.1, 0.05):.6f}")
