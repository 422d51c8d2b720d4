/** The review's five catalyst-design strategies (Wang, Sun & Han 2025, Section 2). */
export const STRATEGIES = [
  'defect engineering',
  'coordination environment design',
  'interface engineering',
  'dual-site synergy',
  'emerging architectures',
] as const;

/** One of {@link STRATEGIES}. */
export type Strategy = (typeof STRATEGIES)[number];
