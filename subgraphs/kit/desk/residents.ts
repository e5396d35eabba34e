import { type CitizenSeed, type CommuneForSeeding, generateCitizens, type PopulationScaleName } from "../population";

/**
 * Drawing the residents demo dossiers concern (DESIGN §8). At real volumes a desk receives
 * thousands of dossiers over the demo period from thousands of residents, so finding who may file
 * by filtering the whole commune for each receipt would cost millions of checks a commune: these
 * draw at random and check the one drawn instead.
 */

/** The population a field seed's dossiers name at a scale: the bench scale's desks are the demo's. */
export const fieldPopulationScale = (scale: PopulationScaleName): PopulationScaleName =>
  scale === "bench" ? "demo" : scale;

/**
 * The registry's residents at a field seed's scale (fieldPopulationScale), generated as the
 * registry seeds them: by commune of residence, in the order generated, and every person by id.
 */
export const seedResidents = (
  communes: readonly CommuneForSeeding[],
  scale: PopulationScaleName,
): { residents: Map<string, CitizenSeed[]>; people: Map<string, CitizenSeed> } => {
  const residents = new Map<string, CitizenSeed[]>();
  const people = new Map<string, CitizenSeed>();
  for (const citizen of generateCitizens(communes, fieldPopulationScale(scale))) {
    const group = residents.get(citizen.residenceCommuneCode);
    if (group) group.push(citizen);
    else residents.set(citizen.residenceCommuneCode, [citizen]);
    people.set(citizen.personalId, citizen);
  }
  return { residents, people };
};

/** The year of a "YYYY-MM-DD" date, read from its digits (millions of times a seed, without a substring). */
const yearOf = (date: string): number =>
  (date.charCodeAt(0) - 48) * 1000 +
  (date.charCodeAt(1) - 48) * 100 +
  (date.charCodeAt(2) - 48) * 10 +
  date.charCodeAt(3) -
  48;

/** A person's age on a day counted in calendar years, as the demo draws use it (not the legal age). */
export const yearsOld = (person: CitizenSeed, on: string): number => yearOf(on) - yearOf(person.birthDate);

/** Random draws before a search for a resident who fits falls back to scanning the commune. */
export const DRAWS = 48;

/**
 * A resident who fits, drawn at random: a few random draws, then a scan of the commune, so a large
 * commune costs a few draws and a small one still finds the last one who fits.
 */
export const drawResident = (
  residents: readonly CitizenSeed[],
  fits: (person: CitizenSeed) => boolean,
  random: () => number,
): CitizenSeed | undefined => {
  for (let i = 0; i < DRAWS; i += 1) {
    const person = residents[Math.floor(random() * residents.length)];
    if (person && fits(person)) return person;
  }
  const pool = residents.filter(fits);
  return pool[Math.floor(random() * pool.length)];
};

/** Whether a person drawn from a pool fits now, not now, or never again (and leaves the pool). */
export type Fit = "yes" | "not now" | "never";

/**
 * People drawn at random, each of whom may stop fitting for good (married, dead, sold their last
 * parcel): those leave the pool when drawn, so a draw stays cheap however many have left. One who
 * fits again later is added again. Order does not matter.
 */
export class Pool {
  private readonly people: CitizenSeed[] = [];
  private readonly members = new Set<string>();

  add(person: CitizenSeed): void {
    if (this.members.has(person.personalId)) return;
    this.members.add(person.personalId);
    this.people.push(person);
  }

  /** One who fits, within `tries` draws of people who do not fit now; undefined if none. */
  draw(random: () => number, fit: (person: CitizenSeed) => Fit, tries = DRAWS): CitizenSeed | undefined {
    for (let missed = 0; missed < tries && this.people.length > 0; ) {
      const index = Math.floor(random() * this.people.length);
      const person = this.people[index];
      const verdict = fit(person);
      if (verdict === "yes") return person;
      if (verdict === "never") {
        this.people[index] = this.people[this.people.length - 1];
        this.people.pop();
        this.members.delete(person.personalId);
      } else missed += 1;
    }
    return undefined;
  }
}
