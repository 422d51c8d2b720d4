import { useEffect, useState } from 'react';
import { api } from './api.js';

/** A registry entry as GET /api/species lists it. */
export interface SpeciesInfo {
  id: string;
  name: string;
  aliases: string[];
  formula: string;
  roles: string[];
}

let cache: Promise<SpeciesInfo[]> | undefined;

/** The species registry, loaded once per page load (empty until loaded or if loading fails). */
export function useSpeciesRegistry(): SpeciesInfo[] {
  const [list, setList] = useState<SpeciesInfo[]>([]);
  useEffect(() => {
    cache ??= api.get<SpeciesInfo[]>('/api/species');
    cache.then(setList, () => {});
  }, []);
  return list;
}

/** Edit distance (insertions, deletions, substitutions each 1) between two strings. */
export function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = row;
  }
  return prev[b.length]!;
}

/** The registry entry a text names, matched as the library does (names over three letters case-insensitively). */
export function findSpecies(registry: SpeciesInfo[], text: string): SpeciesInfo | undefined {
  const key = text.trim();
  for (const e of registry) if ([e.id, e.name, ...e.aliases].includes(key)) return e;
  const lower = key.toLowerCase();
  for (const e of registry) if ([e.id, e.name, ...e.aliases].some((k) => k.length > 3 && k.toLowerCase() === lower)) return e;
  return undefined;
}

/** Up to three registry names closest to `text` (by edit distance over names, aliases and formulas). */
export function closestSpecies(registry: SpeciesInfo[], text: string, role?: string): string[] {
  const t = text.trim().toLowerCase();
  const scored = registry
    .filter((e) => !role || e.roles.includes(role))
    .map((e) => ({ name: e.name, d: Math.min(...[e.name, e.id, e.formula, ...e.aliases].map((k) => editDistance(t, k.toLowerCase()))) }))
    .sort((a, b) => a.d - b.d || a.name.localeCompare(b.name));
  const best = scored[0]?.d ?? Infinity;
  return scored
    .filter((s) => s.d <= Math.max(best, 2) && s.d <= Math.max(3, t.length / 2))
    .slice(0, 3)
    .map((s) => s.name);
}

/** Problems of a comma-separated species list typed in a field labelled `label`, with "did you mean" suggestions. */
export function speciesProblems(registry: SpeciesInfo[], label: string, text: string, role?: string): string[] {
  if (!registry.length) return []; // not loaded: the server still checks
  const names = text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const problems: string[] = [];
  const seen = new Map<string, string>();
  for (const name of names) {
    const entry = findSpecies(registry, name);
    if (!entry) {
      const near = closestSpecies(registry, name, role);
      problems.push(`${label}: "${name}" is not a species the app knows${near.length ? ` — did you mean ${near.map((n) => `“${n}”`).join(' or ')}?` : ''}`);
    } else if (seen.has(entry.id)) problems.push(`${label}: "${name}" and "${seen.get(entry.id)}" are the same species; list it once`);
    else seen.set(entry.id, name);
  }
  return problems;
}
