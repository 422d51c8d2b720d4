import { describe, expect, it } from 'vitest';
import { diagramRequestSchema } from '../../src/studies/kinetics.js';
import { screenRequestSchema } from '../../src/studies/ml.js';
import { coupleRequestSchema } from '../../src/reactor/inputSchemas.js';
import { modelSourceOf } from '../../src/kinetics/parser/modelReference.js';

describe('model fields shared by the studies', () => {
  it('takes the text over the name, and refuses a request with neither', () => {
    expect(modelSourceOf({ model: 'oxime-fe', modelText: 'x' })).toEqual({ text: 'x' });
    expect(modelSourceOf({ model: 'oxime-fe' })).toEqual({ name: 'oxime-fe' });
    expect(() => modelSourceOf({})).toThrow(/^model: neither "model" nor "modelText" given/);
  });

  it('kinetics, ml and couple schemas report a missing model on the "model" field with one message', () => {
    const couple = { electrolyte: '0.1 M KHCO3', currentDensitiesMAPerCm2: [1], productSources: { H2: ['H2O'] } };
    for (const [schema, body] of [
      [diagramRequestSchema, {}],
      [screenRequestSchema, { candidates: 'name,dG\na,0.1' }],
      [coupleRequestSchema, couple],
    ] as const) {
      const r = schema.safeParse(body);
      expect(r.success).toBe(false);
      const issue = r.error!.issues.find((i) => i.path.join('.') === 'model');
      expect(issue?.message).toBe('give "model" (a built-in model name, see GET /api/models) or "modelText" (a model file as YAML or JSON text)');
    }
  });
});
