import { Gender } from "./gender";
import { BIRTH_PROVINCES, centuryGenderDigit } from "./personal-id";
import { foldForSearch, toNfc } from "./text";

/**
 * A synthetic, deterministic population for development, tests and benchmarks (DESIGN §8): the
 * same seed and the same communes always give byte-identical citizens, in the same order. Pure
 * code, no database: the registry seeds its population reference with it, and the field
 * subgraphs pick their demo residents from the same people without reading the registry's tables.
 */

/** The kinds of commune-level unit, as the registry's Commune.kind names them. */
export type CommuneKindName = "WARD" | "COMMUNE" | "SPECIAL_ZONE";

export interface CommuneForSeeding {
  code: string;
  provinceCode: string;
  kind: CommuneKindName;
}

/** One synthetic person, with the registry's citizen columns. */
export interface CitizenSeed {
  personalId: string;
  fullName: string;
  gender: Gender;
  /** "YYYY-MM-DD". */
  birthDate: string;
  residenceCommuneCode: string;
  /** The full name folded for search: lower case, no diacritics, đ → d. */
  searchName: string;
}

export interface PopulationScale {
  description: string;
  /** Only the communes of this province (2-digit code); every commune nationwide when absent. */
  provinceCode?: string;
  /**
   * The same number of citizens in every commune; or a total shared out by commune kind; or one
   * person in `sampleOneIn` of each commune's estimated real population (estimatedPopulations).
   */
  size:
    | { perCommune: number }
    | { total: number; weights: Readonly<Record<CommuneKindName, number>> }
    | { sampleOneIn: number };
  /** The first citizens of every commune are men named "Nguyễn Văn …", so tests can search for them. */
  nguyenVanPerCommune: number;
}

export type PopulationScaleName = "test" | "demo" | "bench" | "city";

export const POPULATION_SCALES: Readonly<Record<PopulationScaleName, PopulationScale>> = Object.freeze({
  test: {
    description: "Hà Nội's 126 communes, 12 citizens each",
    provinceCode: "01",
    size: { perCommune: 12 },
    nguyenVanPerCommune: 2,
  },
  demo: {
    description: "Hà Nội's 126 communes, one person in 14 of each (about 620,000 citizens, wards larger)",
    provinceCode: "01",
    // The demo desks receive dossiers at real rates for each commune's real population (kit/desk/
    // volumes.ts); every person a dossier names is one of these residents. One in 14 is the largest
    // sample a first start seeds in well under a minute on two cores, and enough people for 18
    // months of real volumes to stay within the registers' rules (nobody dies twice, marries while
    // married, or files after dying): about a tenth of the sample dies in that time and a third
    // marries, against about 1 % and 2 % of a real commune.
    size: { sampleOneIn: 14 },
    nguyenVanPerCommune: 2,
  },
  bench: {
    description: "1,000,000 citizens over all 3,321 communes, wards more densely populated",
    // Urban wards hold roughly two and a half times the people of a rural commune; the island
    // special zones are small.
    size: { total: 1_000_000, weights: { WARD: 2.5, COMMUNE: 1, SPECIAL_ZONE: 0.5 } },
    nguyenVanPerCommune: 0,
  },
  city: {
    description: "Hà Nội at its real size: every person of its 126 communes (about 8.7 million citizens)",
    provinceCode: "01",
    // The demo's people sampled one in one: every dossier of the desks' real volumes (kit/desk/
    // volumes.ts) then names a person of a population as large as the city's (DESIGN §8), and the
    // registers hold a record for each of them. Seeding takes many minutes (README, "Performance").
    size: { sampleOneIn: 1 },
    nguyenVanPerCommune: 2,
  },
});

export const DEFAULT_POPULATION_SEED = 20250701;

/** Ages are computed on this fixed day, so the output does not depend on when the seed runs. */
const REFERENCE_YEAR = 2026;
const REFERENCE_MONTH = 6; // July, zero-based
const REFERENCE_DAY = 1;
const DAY_MS = 86_400_000;
/** The oldest age the population reaches on the reference day. */
export const MAX_AGE = 95;

// ---------------------------------------------------------------------------------------------
// Randomness

/** mulberry32: a small, fast 32-bit PRNG; good enough for synthetic data, and fully reproducible. */
export const mulberry32 = (seed: number): (() => number) => {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
};

/** Picks from weighted choices with one random draw and a binary search over cumulative weights. */
class Weighted<T> {
  private readonly values: T[];
  private readonly cumulative: number[];
  private readonly total: number;

  constructor(choices: ReadonlyArray<readonly [T, number]>) {
    this.values = choices.map(([value]) => value);
    let sum = 0;
    this.cumulative = choices.map(([, weight]) => (sum += weight));
    this.total = sum;
  }

  pick(random: () => number): T {
    const target = random() * this.total;
    let low = 0;
    let high = this.cumulative.length - 1;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.cumulative[mid] > target) high = mid;
      else low = mid + 1;
    }
    return this.values[low];
  }
}

const uniform = <T>(values: readonly T[]): Weighted<T> => new Weighted(values.map((value) => [value, 1] as const));

// ---------------------------------------------------------------------------------------------
// Names (NFC, new-style tone placement). Surname shares follow published estimates: Nguyễn about
// 38 %, then Trần, Lê, Phạm, Hoàng/Huỳnh, Phan, Vũ/Võ, Đặng, Bùi, Đỗ, Hồ, Ngô, Dương, Lý.

// prettier-ignore
const SURNAMES = new Weighted<string>([
  ["Nguyễn", 38.4], ["Trần", 12.1], ["Lê", 9.5], ["Phạm", 7.0], ["Hoàng", 3.4], ["Huỳnh", 1.7],
  ["Phan", 4.5], ["Vũ", 2.2], ["Võ", 1.7], ["Đặng", 2.1], ["Bùi", 2.0], ["Đỗ", 1.4], ["Hồ", 1.3],
  ["Ngô", 1.3], ["Dương", 1.0], ["Lý", 0.5], ["Đinh", 0.9], ["Trịnh", 0.7], ["Đoàn", 0.6],
  ["Lương", 0.5], ["Mai", 0.5], ["Trương", 0.5], ["Đào", 0.5], ["Cao", 0.4], ["Hà", 0.4],
  ["Lâm", 0.3], ["Tạ", 0.3], ["Chu", 0.3], ["Lưu", 0.3], ["Kiều", 0.2], ["Tô", 0.2],
  ["Phùng", 0.2], ["Quách", 0.1], ["Triệu", 0.1], ["Vương", 0.1], ["Thái", 0.1],
]);

/** The classic middle names ("Văn", "Thị") are far more common among older generations. */
const CLASSIC_MIDDLE: Record<Gender, string> = { [Gender.MALE]: "Văn", [Gender.FEMALE]: "Thị" };
const classicMiddleShare = (birthYear: number, gender: Gender): number => {
  if (birthYear < 1975) return gender === Gender.MALE ? 0.6 : 0.8;
  if (birthYear < 2000) return gender === Gender.MALE ? 0.4 : 0.5;
  return 0.15;
};

// prettier-ignore
const OTHER_MIDDLE: Record<Gender, Weighted<string>> = {
  [Gender.MALE]: uniform([
    "Đức", "Minh", "Quang", "Hữu", "Công", "Thành", "Xuân", "Tiến", "Mạnh", "Ngọc", "Anh", "Duy",
    "Hoàng", "Thế", "Trọng", "Đình", "Quốc", "Bảo", "Gia", "Trung", "Hải", "Tuấn", "Việt", "Khắc",
  ]),
  [Gender.FEMALE]: uniform([
    "Ngọc", "Thu", "Thanh", "Minh", "Phương", "Hồng", "Mai", "Kim", "Diệu", "Bảo", "Khánh", "Hải",
    "Thùy", "Lan", "Hoài", "Quỳnh", "Bích", "Thảo", "Hoàng", "Tuyết", "Như", "Cẩm", "Mỹ", "Hà",
  ]),
};

// prettier-ignore
const GIVEN: Record<Gender, Weighted<string>> = {
  [Gender.MALE]: uniform([
    "Anh", "Hùng", "Dũng", "Tuấn", "Minh", "Nam", "Hải", "Long", "Sơn", "Thắng", "Cường", "Huy",
    "Hoàng", "Phong", "Khoa", "Trung", "Đức", "Tùng", "Quân", "Bảo", "Khánh", "Kiên", "Hiếu", "Tâm",
    "Thành", "Vinh", "Hưng", "Lâm", "Toàn", "Đạt", "Phúc", "Quang", "Hiển", "Việt", "Bình", "Tài",
    "Nghĩa", "Lộc", "Tiến", "Hòa", "Thịnh", "Khang", "Duy", "Đông", "Hậu", "Chiến", "Thái", "Lực",
  ]),
  [Gender.FEMALE]: uniform([
    "Anh", "Linh", "Hương", "Lan", "Mai", "Hoa", "Hằng", "Trang", "Thảo", "Ngọc", "Hà", "Nhung",
    "Phương", "Thủy", "Yến", "Nga", "Dung", "Vân", "Huyền", "Loan", "Oanh", "Giang", "Hạnh", "Châu",
    "Chi", "My", "Vy", "Trâm", "Quỳnh", "Nhi", "Thư", "Hiền", "Uyên", "Diệp", "Ly", "Tuyết",
    "Hồng", "Liên", "Nhàn", "Xuân", "Huệ", "Lụa", "Thơm", "Bích", "Ánh", "Tâm", "Hòa", "Thúy",
  ]),
};

const fullNameOf = (random: () => number, gender: Gender, birthYear: number): string => {
  const surname = SURNAMES.pick(random);
  const middle =
    random() < classicMiddleShare(birthYear, gender) ? CLASSIC_MIDDLE[gender] : OTHER_MIDDLE[gender].pick(random);
  let given = GIVEN[gender].pick(random);
  while (given === middle) given = GIVEN[gender].pick(random);
  // About one person in ten carries a second middle name ("Nguyễn Thị Thu Hà").
  if (random() < 0.1) {
    let second = OTHER_MIDDLE[gender].pick(random);
    while (second === middle || second === given) second = OTHER_MIDDLE[gender].pick(random);
    return `${surname} ${middle} ${second} ${given}`;
  }
  return `${surname} ${middle} ${given}`;
};

// ---------------------------------------------------------------------------------------------
// Ages: a population pyramid close to Vietnam's in the mid-2020s, in five-year bands (the last
// band holds ages 90 to 95).

// prettier-ignore
const AGE_BANDS = new Weighted<number>([
  [0, 7.0], [5, 8.0], [10, 8.2], [15, 7.2], [20, 6.8], [25, 7.3], [30, 8.0], [35, 8.2], [40, 7.6],
  [45, 7.0], [50, 6.2], [55, 5.4], [60, 4.6], [65, 3.6], [70, 2.4], [75, 1.5], [80, 1.0], [85, 0.6],
  [90, 0.4],
]);

/** Every possible birth date as YYYY-MM-DD, oldest first: formatting a million dates one by one is slow. */
const FIRST_BIRTH_DAY = Date.UTC(REFERENCE_YEAR - MAX_AGE - 1, REFERENCE_MONTH, REFERENCE_DAY) + DAY_MS;
const BIRTH_DAYS: readonly string[] = Array.from(
  { length: Math.round((Date.UTC(REFERENCE_YEAR, REFERENCE_MONTH, REFERENCE_DAY) - FIRST_BIRTH_DAY) / DAY_MS) + 1 },
  (_, day) => new Date(FIRST_BIRTH_DAY + day * DAY_MS).toISOString().slice(0, 10),
);

/** A birth date (YYYY-MM-DD) of someone who is `age` years old on the reference day. */
const birthDateAt = (age: number, random: () => number): string => {
  const latest = Date.UTC(REFERENCE_YEAR - age, REFERENCE_MONTH, REFERENCE_DAY);
  const earliest = Date.UTC(REFERENCE_YEAR - age - 1, REFERENCE_MONTH, REFERENCE_DAY) + DAY_MS;
  const days = Math.round((latest - earliest) / DAY_MS) + 1;
  return BIRTH_DAYS[Math.round((earliest - FIRST_BIRTH_DAY) / DAY_MS) + Math.floor(random() * days)];
};

const pickAge = (random: () => number): number => {
  const band = AGE_BANDS.pick(random);
  const width = band === 90 ? MAX_AGE - 90 + 1 : 5;
  return band + Math.floor(random() * width);
};

// ---------------------------------------------------------------------------------------------
// Personal identification numbers

const BIRTH_PROVINCE_CODES = Object.keys(BIRTH_PROVINCES);
const ANY_BIRTH_PROVINCE = uniform(BIRTH_PROVINCE_CODES);

/**
 * Most people's births were registered in the province they live in; since 2025 each province's
 * 2-digit code is the code of one of the provinces merged into it, so "0" + that code is a valid
 * birth-registration code. One in five was born elsewhere.
 */
const birthProvinceOf = (residenceProvince: string, random: () => number): string => {
  const home = `0${residenceProvince}`;
  if (home in BIRTH_PROVINCES && random() < 0.8) return home;
  return ANY_BIRTH_PROVINCE.pick(random);
};

/**
 * Serial numbers: the n-th person with a given 6-digit prefix gets (n × A + B) mod 10⁶, with A
 * coprime to 10⁶. That map is a bijection, so serials never repeat within a prefix (hence IDs are
 * unique) while still looking random; B varies by prefix and seed.
 */
const SERIAL_MULTIPLIER = 387_419;
const SERIALS_PER_PREFIX = 1_000_000;

const hash32 = (text: string, seed: number): number => {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
};

// ---------------------------------------------------------------------------------------------
// Real sizes

/** What is known of a province's people, for estimating each commune's. */
interface ProvincePeople {
  people: number;
  /** The share living in urban wards (the rest in rural communes and special zones). */
  urbanShare: number;
  source: string;
}

const PROVINCE_PEOPLE: Readonly<Record<string, ProvincePeople>> = {
  "01": {
    people: 8_700_000,
    urbanShare: 0.5,
    source:
      "Hà Nội: about 8.7 million people (GSO average population 2024, rounded; medium) and about half " +
      "of them urban (GSO 2023–2024: 49–50 % urban; medium)",
  },
};

/**
 * How much a commune's people differ from the average of its kind: from 0.6 to 1.4 times it,
 * drawn from the commune's code (new wards and communes range from about 20,000 to over 100,000
 * people; estimate, low confidence), so a commune is the same size in every run and in every
 * service that asks.
 */
const SIZE_SPREAD = 0.4;

/**
 * About how many people live in each commune (by code): the province's people shared between its
 * urban wards and its other communes by the urban share, and within each kind by a factor drawn
 * from the commune's code. Known for Hà Nội only (PROVINCE_PEOPLE). The demo scale samples these
 * people, and the demo desks receive dossiers at real per-capita rates of them.
 */
export const estimatedPopulations = (communes: readonly CommuneForSeeding[]): Map<string, number> => {
  const sizes = new Map<string, number>();
  for (const province of new Set(communes.map((commune) => commune.provinceCode))) {
    const known = PROVINCE_PEOPLE[province];
    if (!known) throw new Error(`No estimate of the people of province ${province}: add it to PROVINCE_PEOPLE`);
    const inProvince = communes.filter((commune) => commune.provinceCode === province);
    const wards = inProvince.filter((commune) => commune.kind === "WARD");
    const others = inProvince.filter((commune) => commune.kind !== "WARD");
    const urban = others.length === 0 ? 1 : wards.length === 0 ? 0 : known.urbanShare;
    for (const [group, people] of [
      [wards, known.people * urban],
      [others, known.people * (1 - urban)],
    ] as const) {
      const factors = group.map((commune) => 1 - SIZE_SPREAD + 2 * SIZE_SPREAD * (hash32(commune.code, 0) / 2 ** 32));
      const sum = factors.reduce((total, factor) => total + factor, 0);
      group.forEach((commune, index) => sizes.set(commune.code, Math.round((people * factors[index]) / sum)));
    }
  }
  return sizes;
};

// ---------------------------------------------------------------------------------------------
// Planning and generating

export interface CommunePlan {
  code: string;
  provinceCode: string;
  count: number;
}

export const resolvePopulationScale = (scale: PopulationScaleName | PopulationScale): PopulationScale => {
  if (typeof scale !== "string") return scale;
  const found = (POPULATION_SCALES as Record<string, PopulationScale | undefined>)[scale];
  if (!found) {
    throw new Error(`Unknown population scale "${scale}"; use one of ${Object.keys(POPULATION_SCALES).join(", ")}`);
  }
  return found;
};

/**
 * How many citizens each commune of the scale gets, communes in code order. A total is shared
 * by weight with the largest-remainder method, so the counts add up to it exactly.
 */
export const planPopulation = (
  communes: readonly CommuneForSeeding[],
  scaleOrName: PopulationScaleName | PopulationScale,
): CommunePlan[] => {
  const scale = resolvePopulationScale(scaleOrName);
  const chosen = communes
    .filter((commune) => scale.provinceCode === undefined || commune.provinceCode === scale.provinceCode)
    .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  if (chosen.length === 0) {
    throw new Error(
      `No communes${scale.provinceCode ? ` in province ${scale.provinceCode}` : ""} to populate: import the administrative units first`,
    );
  }
  if ("sampleOneIn" in scale.size) {
    const { sampleOneIn } = scale.size;
    const real = estimatedPopulations(chosen);
    return chosen.map(({ code, provinceCode }) => ({
      code,
      provinceCode,
      count: Math.max(scale.nguyenVanPerCommune, Math.round((real.get(code) as number) / sampleOneIn)),
    }));
  }
  if ("perCommune" in scale.size) {
    const { perCommune } = scale.size;
    if (perCommune < scale.nguyenVanPerCommune) {
      throw new Error(`A scale cannot name ${scale.nguyenVanPerCommune} of ${perCommune} citizens Nguyễn Văn`);
    }
    return chosen.map(({ code, provinceCode }) => ({ code, provinceCode, count: perCommune }));
  }
  const { total, weights } = scale.size;
  const weightSum = chosen.reduce((sum, commune) => sum + weights[commune.kind], 0);
  const shares = chosen.map((commune, index) => {
    const exact = (total * weights[commune.kind]) / weightSum;
    return { index, count: Math.floor(exact), remainder: exact - Math.floor(exact) };
  });
  let left = total - shares.reduce((sum, share) => sum + share.count, 0);
  const byRemainder = [...shares].sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  for (const share of byRemainder) {
    if (left === 0) break;
    share.count += 1;
    left -= 1;
  }
  return chosen.map(({ code, provinceCode }, index) => ({ code, provinceCode, count: shares[index].count }));
};

const foldOnce = (cache: Map<string, string>, name: string): string => {
  const value = foldForSearch(name);
  cache.set(name, value);
  return value;
};

/**
 * Generates the population of a scale over the given communes (in any order), without touching a
 * database. Pure: the same communes, scale and seed give the same citizens in the same order.
 */
export function* generateCitizens(
  communes: readonly CommuneForSeeding[],
  scaleOrName: PopulationScaleName | PopulationScale,
  seed: number = DEFAULT_POPULATION_SEED,
): Generator<CitizenSeed, void, undefined> {
  const scale = resolvePopulationScale(scaleOrName);
  const random = mulberry32(seed);
  const issued = new Map<string, number>();
  /** Each prefix's serial offset (hash32 of the prefix and the seed), computed once. */
  const offsets = new Map<string, number>();
  // Full names repeat a lot; folding each distinct one once saves most of the folding work.
  const folded = new Map<string, string>();
  for (const { code, provinceCode, count } of planPopulation(communes, scale)) {
    for (let i = 0; i < count; i += 1) {
      const nguyenVan = i < scale.nguyenVanPerCommune;
      const gender = nguyenVan || random() < 0.5 ? Gender.MALE : Gender.FEMALE;
      const birthDate = birthDateAt(pickAge(random), random);
      const birthYear = Number(birthDate.slice(0, 4));
      const fullName = toNfc(
        nguyenVan ? `Nguyễn Văn ${GIVEN[Gender.MALE].pick(random)}` : fullNameOf(random, gender, birthYear),
      );
      const prefix =
        birthProvinceOf(provinceCode, random) +
        String(centuryGenderDigit(birthYear, gender)) +
        String(birthYear % 100).padStart(2, "0");
      const n = issued.get(prefix) ?? 0;
      if (n >= SERIALS_PER_PREFIX) throw new Error(`More than ${SERIALS_PER_PREFIX} personal IDs start with ${prefix}`);
      issued.set(prefix, n + 1);
      let offset = offsets.get(prefix);
      if (offset === undefined) offsets.set(prefix, (offset = hash32(prefix, seed)));
      const serial = (n * SERIAL_MULTIPLIER + offset) % SERIALS_PER_PREFIX;
      yield {
        personalId: prefix + String(serial).padStart(6, "0"),
        fullName,
        gender,
        birthDate,
        residenceCommuneCode: code,
        searchName: folded.get(fullName) ?? foldOnce(folded, fullName),
      };
    }
  }
}

/** The commune whose desk the demo personas staff: Xã Ứng Thiên, Hà Nội. */
export const SHOWCASE_COMMUNE_CODE = "10369";

/**
 * The person a commune leader's Citizen 360 opens on in the demo: the oldest resident of Ứng Thiên
 * in the generated population (the earliest birth date, then the lowest personal ID). Every field's
 * seed makes sure this person has records at Ứng Thiên (a birth, a land right, a social benefit),
 * so the leader sees all three fields of one real-looking person. Differs between scales.
 */
export const showcaseResident = (citizens: Iterable<CitizenSeed>): CitizenSeed | undefined => {
  let oldest: CitizenSeed | undefined;
  for (const citizen of citizens) {
    if (citizen.residenceCommuneCode !== SHOWCASE_COMMUNE_CODE) continue;
    if (
      !oldest ||
      citizen.birthDate < oldest.birthDate ||
      (citizen.birthDate === oldest.birthDate && citizen.personalId < oldest.personalId)
    )
      oldest = citizen;
  }
  return oldest;
};
