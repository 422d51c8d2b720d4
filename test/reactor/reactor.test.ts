import { describe, expect, it } from 'vitest';
import { FARADAY_C_PER_MOL } from '../../src/chem/index.js';
import { cellVoltageBreakdown, energyPerKgJ, scaleUp } from '../../src/reactor/cellVoltage.js';
import { plugFlowConversion, simulateFlowChannel } from '../../src/reactor/flowChannel.js';
import { TEA_DEFAULTS, capitalRecoveryFactor, costCurve, levelizedCost, tornado } from '../../src/reactor/technoEconomics.js';
import { CHANNEL } from './channelCase.js';

describe('flow channel', () => {
  const base = {
    ...CHANNEL,
    electrons: 8,
    faradaicEfficiency: 0.8,
  };
  it('under mass-transfer control matches X = 1 − exp(−k_m·a·L/u) (a = 1/gap)', () => {
    const r = simulateFlowChannel({ ...base, kineticCurrentDensityAPerM2: Number.POSITIVE_INFINITY });
    const X = plugFlowConversion({
      massTransferCoefficientMPerS: r.massTransferCoefficientMPerS,
      specificAreaPerM: 1 / base.gapM,
      lengthM: base.lengthM,
      velocityMPerS: base.velocityMPerS,
    });
    expect(r.conversion / X).toBeCloseTo(1, 8);
    expect(r.residenceTimeS).toBeCloseTo(2, 12);
  });
  it('obeys Faraday’s law: production = j_partial·A/(nF), total current = partial/FE', () => {
    const r = simulateFlowChannel({ ...base, kineticCurrentDensityAPerM2: 50 });
    const area = base.lengthM * base.widthM;
    expect(r.productionMolPerS / ((r.meanPartialCurrentDensityAPerM2 * area) / (8 * FARADAY_C_PER_MOL))).toBeCloseTo(1, 10);
    expect(r.totalCurrentA).toBeCloseTo((r.meanPartialCurrentDensityAPerM2 * area) / 0.8, 10);
    // kinetic control at low current: j ≈ j_kin everywhere
    expect(r.meanPartialCurrentDensityAPerM2 / 50).toBeGreaterThan(0.95);
  });
  it('refuses impossible inputs', () => {
    expect(() => simulateFlowChannel({ ...base, gapM: -1, kineticCurrentDensityAPerM2: 10 })).toThrow(/^gapM: /);
    expect(() => simulateFlowChannel({ ...base, kineticCurrentDensityAPerM2: 0 })).toThrow(/^kineticCurrentDensityAPerM2: /);
  });
});

describe('cell voltage, energy and scale-up', () => {
  it('adds equilibrium, Tafel and ohmic terms', () => {
    const v = cellVoltageBreakdown({
      cathodeEquilibriumVvsRHE: 0.81,
      currentDensityAPerM2: 1000,
      cathodeTafelVPerDecade: 0.12,
      cathodeExchangeCurrentAPerM2: 0.01,
      anodeTafelVPerDecade: 0.06,
      anodeExchangeCurrentAPerM2: 0.1,
      conductivitySPerM: 10,
      gapM: 0.002,
    });
    expect(v.equilibriumV).toBeCloseTo(0.419, 12);
    expect(v.cathodeOverpotentialV).toBeCloseTo(0.6, 12); // 0.12 × log10(1e5)
    expect(v.anodeOverpotentialV).toBeCloseTo(0.24, 12); // 0.06 × log10(1e4)
    expect(v.ohmicV).toBeCloseTo(0.2, 12); // 1000 × 0.002/10
    expect(v.cellVoltageV).toBeCloseTo(1.459, 12);
  });
  it('energy per kg = n·F·V/(FE·M): urea (16 e-) at 3 V and FE 0.5 → 154.23 MJ/kg', () => {
    // 16 × 96485.33212 × 3 / (0.5 × 0.060056) = 154.2326 MJ/kg
    expect(energyPerKgJ({ electrons: 16, cellVoltageV: 3, faradaicEfficiency: 0.5, molarMassGPerMol: 60.056 }) / 1e6).toBeCloseTo(154.2326, 3);
  });
  it('scales a 1 t/day urea plant', () => {
    const s = scaleUp({
      productionTonnesPerDay: 1,
      electrons: 16,
      molarMassGPerMol: 60.056,
      faradaicEfficiency: 0.5,
      currentDensityAPerM2: 1000,
      cellVoltageV: 3,
      cellAreaM2: 1,
    });
    expect(s.productionMolPerS).toBeCloseTo(1e6 / 60.056 / 86400, 10);
    expect(s.currentA).toBeCloseTo((s.productionMolPerS * 16 * FARADAY_C_PER_MOL) / 0.5, 6);
    expect(s.electrodeAreaM2).toBeCloseTo(s.currentA / 1000, 9);
    expect(s.powerW).toBeCloseTo(s.currentA * 3, 6);
  });
});

describe('techno-economics', () => {
  const plant = {
    productionTonnesPerDay: 100,
    electrons: 16,
    molarMassGPerMol: 60.056,
    faradaicEfficiency: 0.6,
    currentDensityAPerM2: 3000,
    cellVoltageV: 3.2,
  };
  it('capital recovery factor at 10 %, 20 years is 0.11746', () => {
    expect(capitalRecoveryFactor(0.1, 20)).toBeCloseTo(0.117459625, 9);
    expect(capitalRecoveryFactor(0, 10)).toBe(0.1);
  });
  it('levelized cost adds its parts, each computed by hand', () => {
    const r = levelizedCost(plant);
    const electricity = ((16 * FARADAY_C_PER_MOL * 3.2) / (0.6 * 0.060056) / 3.6e6) * 0.03;
    expect(r.breakdownUsdPerKg.electricity).toBeCloseTo(electricity, 12);
    const area = (((100 * 1e6) / 60.056 / 86400) * 16 * FARADAY_C_PER_MOL) / 0.6 / 3000;
    expect(r.electrodeAreaM2).toBeCloseTo(area, 6);
    // installed 450 USD/kW at 500 mA cm-2 and 3 V = 6750 USD m-2, balance of plant included (Zhang et al. 2022)
    expect(r.capitalUsd).toBeCloseTo(area * 6750, 3);
    expect(r.breakdownUsdPerKg.capital! / ((r.capitalUsd * 0.117459625) / (100 * 1000 * 365 * 0.65))).toBeCloseTo(1, 8);
    expect(r.breakdownUsdPerKg.fixedOpex).toBeCloseTo((r.capitalUsd * 0.025) / (100 * 1000 * 365 * 0.65), 9);
    expect(r.costUsdPerKg).toBeCloseTo(
      Object.values(r.breakdownUsdPerKg).reduce((a, b) => a + b, 0),
      12,
    );
    expect(() => levelizedCost({ ...plant, overrides: { electricityUsdPerKWh: -1 } })).toThrow(/^overrides\.electricityUsdPerKWh: /);
  });
  it('every default names its source; the derived capacity factor reproduces the cited table', () => {
    for (const [name, d] of Object.entries(TEA_DEFAULTS)) expect(d.source.length, name).toBeGreaterThan(20);
    // full-load hours = electricity cost / (price × installed kW), for the three electrolyzers of the cited Table 1
    const hours = [
      [5.24e6, 13.8e6],
      [10.48e6, 27.6e6],
      [6.29e6, 16.56e6],
    ].map(([electricity, capex]) => electricity! / 0.03 / (capex! / 450));
    for (const h of hours) expect(h / 8760).toBeCloseTo(TEA_DEFAULTS.capacityFactor!.value!, 2);
  });
  it('tornado puts the biggest swing first; cost falls with FE and current density', () => {
    const bars = tornado(plant);
    const swing = (b: (typeof bars)[number]) => Math.abs(b.costAtHighUsdPerKg - b.costAtLowUsdPerKg);
    for (let i = 1; i < bars.length; i++) expect(swing(bars[i - 1]!)).toBeGreaterThanOrEqual(swing(bars[i]!));
    const fe = costCurve(plant, 'faradaicEfficiency', [0.2, 0.4, 0.8]).map((p) => p.costUsdPerKg);
    expect(fe[0]!).toBeGreaterThan(fe[1]!);
    expect(fe[1]!).toBeGreaterThan(fe[2]!);
  });
});
