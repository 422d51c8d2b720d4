/**
 * The use-case layer: every user-facing operation defined once (input schema + run), shared by the HTTP API,
 * the CLI's `study` command and the worker threads. A newcomer finds an operation's one definition here.
 */
import { balanceStudy, convertStudy, e0Study, faradaicEfficiencyStudy, formulaStudy, potentialStudy } from './chemistry.js';
import { diagramStudy, limitingStudy, pulseStudy, rampStudy, steadyStudy } from './kinetics.js';
import { microenvStudy, reactorStudy, teaStudy } from './process.js';
import { doubleLayerStudy } from './doubleLayer.js';
import { optimizeStudy, screenStudy } from './ml.js';
import { coupleStudy, transientStudy } from './transport.js';
import { literatureScreenStudy } from './literatureScreen.js';
import type { Study } from './study.js';

/** Every study by its registry name. */
export const STUDIES: Readonly<Record<string, Study>> = Object.fromEntries(
  [
    formulaStudy,
    balanceStudy,
    faradaicEfficiencyStudy,
    potentialStudy,
    convertStudy,
    e0Study,
    diagramStudy,
    limitingStudy,
    steadyStudy,
    pulseStudy,
    rampStudy,
    microenvStudy,
    reactorStudy,
    teaStudy,
    doubleLayerStudy,
    transientStudy,
    coupleStudy,
    optimizeStudy,
    screenStudy,
    literatureScreenStudy,
  ].map((s) => [s.name, s as unknown as Study]),
);

/** The study named `name`. @throws {Error} for an unknown name (a programming error, not user input) */
export function studyByName(name: string): Study {
  const study = STUDIES[name];
  if (!study) throw new Error(`no study "${name}"`);
  return study;
}
