/**
 * Where the techno-economic defaults and the `jouny2018` preset come from. Jouny, Luc & Jiao's paper and its SI
 * workbook were not readable here; its assumptions are taken as transcribed in public TEA codes that implement it,
 * each named with its file, and a number is used only where it is printed there (docs/tea.md lists them).
 */

/** The paper the `jouny2018` preset follows. */
export const JOUNY_2018 = 'M. Jouny, W. Luc, F. Jiao, Ind. Eng. Chem. Res. 57, 2165 (2018), doi:10.1021/acs.iecr.7b03514';

/** QSD-Group/EXPOsan, biosteam unit `CO2ElectrolyzerSystem` implementing Jouny 2018 (PSA, electrolyzer, densities, distillation). */
export const EXPOSAN = 'QSD-Group/EXPOsan exposan/co2_sorbent/_sanunits.py (CO2ElectrolyzerSystem, "Jouny et al. 2018")';

/** A pandas re-implementation of Jouny 2018 (prices, water, maintenance, operating days). */
export const TEA_OF_CO2RR =
  'TEAofCO2RR.py (Dash app "Techno-Economic Analysis of Electrochemical Carbon Dioxide Reduction … from the literature doi:10.1021/acs.iecr.7b03514")';

/** Bagemihl et al.'s MATLAB base-case file "taken from Jouny et al." */
export const BAGEMIHL_SETUP =
  'IsabellBagemihl/Multi-scaleModelElectrochemicalCO2Reduction SetupBest.m ("Base case economic assumptions, taken from Jouny et al.")';

/** The paper the generic defaults follow (see technoEconomics.ts). */
export const ZHANG_2022 =
  'Z. Zhang, E. W. Lees, S. Ren, B. A. W. Mowbray, A. Huang, C. P. Berlinguette, ACS Cent. Sci. 8, 749 (2022), doi:10.1021/acscentsci.2c00329, Table 1';

/** Molar volume of an ideal gas at 273.15 K and 101.325 kPa, m³ mol⁻¹ (CODATA 2018: 22.413 969 54 L mol⁻¹). */
export const IDEAL_GAS_MOLAR_VOLUME_M3_PER_MOL = 22.41396954e-3;
