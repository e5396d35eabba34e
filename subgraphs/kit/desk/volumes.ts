import type { CommuneKindName } from "../population";

/**
 * How many dossiers the demo desks receive (DESIGN §8: "dossier volumes that look like real
 * desks"). Each procedure comes at a yearly rate per 1,000 people, applied to the commune's
 * estimated real population (population.ts `estimatedPopulations`: the synthetic residents are a
 * sample of it), more or less by commune kind and by calendar month, and a little more or less in
 * each commune's month at random, as real desks never see the same month twice. Each field lists
 * its rates beside its seed, every one with its source or "estimate" and how sure it is.
 */
export interface DeskRate {
  /** The procedure's code in the national database. */
  readonly code: string;
  /** Dossiers a year per 1,000 people. */
  readonly perThousand: number;
  /** Times the rate in each kind of commune; 1 where absent. */
  readonly byKind?: Readonly<Partial<Record<CommuneKindName, number>>>;
  /** Times the rate in each calendar month, January first, averaging about 1; flat where absent. */
  readonly byMonth?: readonly number[];
  /** Where the rate comes from, or "estimate", and how sure it is. */
  readonly source: string;
}

/** How far a commune's month may stray from its expected volume, either way: 10 % (estimate). */
export const MONTHLY_SPREAD = 0.1;

/** The dossiers a commune of `people` expects in a calendar month (0 = January), before chance. */
export const expectedPerMonth = (rate: DeskRate, people: number, kind: CommuneKindName, month: number): number =>
  ((rate.perThousand / 1000) * people * (rate.byKind?.[kind] ?? 1) * (rate.byMonth?.[month] ?? 1)) / 12;

/** A seasonal pattern from twelve monthly weights, scaled so that the year's months average 1. */
export const seasonal = (weights: readonly number[]): readonly number[] => {
  if (weights.length !== 12) throw new RangeError(`A seasonal pattern has 12 months, not ${weights.length}`);
  const mean = weights.reduce((sum, weight) => sum + weight, 0) / 12;
  return Object.freeze(weights.map((weight) => weight / mean));
};

/**
 * A Poisson-distributed count with mean `lambda`: how many dossiers of one procedure one desk
 * receives on one day. Knuth's product of uniforms for the small means a desk has in a day; a
 * rounded normal approximation above 30, where the product would take too many draws.
 */
export const poisson = (lambda: number, random: () => number): number => {
  if (!(lambda > 0)) return 0;
  if (lambda > 30) {
    // Box–Muller: one standard normal draw from two uniforms.
    const normal = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
    return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * normal));
  }
  const floor = Math.exp(-lambda);
  let count = 0;
  for (let product = random(); product > floor; product *= random()) count += 1;
  return count;
};
