import { describe, expect, it } from 'vitest';
import { modelFileSchema } from '../../src/kinetics/parser/modelSchema.js';
import { DEFAULT_BOUNDARY_LAYER_UM, MICROENV_DEFAULTS } from '../../src/reactor/inputDefaults.js';
import { DEFAULT_BOUNDARY_LAYER_M } from '../../src/transport/finiteVolume.js';

describe('one default boundary layer, 50 µm, wherever a default applies', () => {
  it('the transport solvers, the process inputs and a kinetic model’s transport check agree', () => {
    expect(DEFAULT_BOUNDARY_LAYER_M).toBe(50e-6);
    expect(DEFAULT_BOUNDARY_LAYER_UM * 1e-6).toBeCloseTo(DEFAULT_BOUNDARY_LAYER_M, 18);
    expect(MICROENV_DEFAULTS.boundaryLayerUm).toBe(DEFAULT_BOUNDARY_LAYER_UM);
    const checks = modelFileSchema.shape.checks.parse(undefined);
    expect(checks.boundaryLayerUm * 1e-6).toBeCloseTo(DEFAULT_BOUNDARY_LAYER_M, 18);
    expect(modelFileSchema.shape.checks.parse({}).boundaryLayerUm).toBe(checks.boundaryLayerUm);
  });
});
