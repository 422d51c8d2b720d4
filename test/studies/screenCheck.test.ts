/**
 * The `screen` study's check runs the screening's own option checks (screeningSettings) before a job is queued:
 * a candidate's own sigma above 2 eV, which the CSV reader accepts (it checks only ≥ 0), is refused at the
 * check, naming the candidate and the column, not only when the job runs.
 */
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/chem/index.js';
import { screenRequestSchema, screenStudy } from '../../src/studies/ml.js';

const input = (candidates: string, extra: object = {}) => screenRequestSchema.parse({ model: 'urea-cu4-ceo2', candidates, ...extra });

describe('screen study check', () => {
  it('accepts a candidate sigma of exactly 2 eV', () => {
    expect(() => screenStudy.check!(input('name,dG_NO,dG_CO,sigma_dG_NO\nA,-1.0,0.0,2\n'))).not.toThrow();
  });

  it('refuses a candidate sigma above 2 eV, naming candidate and column', () => {
    const check = () => screenStudy.check!(input('name,dG_NO,dG_CO,sigma_dG_NO\nA,-1.0,0.0,0.05\nB,-0.5,0.2,3\n'));
    expect(check).toThrow(InputError);
    expect(check).toThrow(expect.objectContaining({ field: 'candidates[1].sigma_dG_NO' }));
  });

  it('refuses a product the model does not make, under the field product', () => {
    const check = () => screenStudy.check!(input('name,dG_NO,dG_CO\nA,-1.0,0.0\n', { product: 'NH3x' }));
    expect(check).toThrow(expect.objectContaining({ field: 'product' }));
  });
});
