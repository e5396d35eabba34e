import { addCalendarDays } from "../kit/calendar";
import { centuryGenderDigit } from "../kit/personal-id";
import type { CitizenSeed } from "../kit/population";
import { certificateValidUntil } from "./catalogue";
import { fullYearsOn, maritalStatusOf, MINIMUM_MARRIAGE_AGE, type RegisterFacts } from "./rules";

/**
 * The demo registers, built in memory in the order events happen so that every entry agrees with
 * the rules an officer applies: nobody marries twice at once, the dead do not apply, a certificate
 * states the status the registers showed on its day. Pure and deterministic for a given random source.
 */

export interface DemoMarriage {
  husband: string;
  wife: string;
  registeredOn: string;
  endedOn: string | null;
  endReason: "DIVORCE" | "DEATH_OF_SPOUSE" | null;
  communeCode: string;
  dossierCode: string | null;
}

export interface DemoBirth {
  personalId: string;
  fullName: string;
  gender: string;
  birthDate: string;
  father: string | null;
  mother: string | null;
  placeOfBirth: string | null;
  registeredOn: string;
  communeCode: string;
  dossierCode: string | null;
}

export interface DemoCorrection {
  personalId: string;
  field: "FULL_NAME" | "PLACE_OF_BIRTH";
  previousValue: string | null;
  newValue: string;
  registeredOn: string;
  communeCode: string;
  dossierCode: string;
}

export interface DemoDeath {
  personalId: string;
  diedOn: string;
  registeredOn: string;
  communeCode: string;
  dossierCode: string;
}

export interface DemoCertificate {
  personalId: string;
  maritalStatus: string;
  purpose: string;
  validUntil: string;
  registeredOn: string;
  communeCode: string;
  dossierCode: string;
}

export interface DemoCopy {
  personalId: string;
  register: "BIRTH" | "MARRIAGE" | "DEATH";
  copies: number;
  registeredOn: string;
  communeCode: string;
  dossierCode: string;
}

const HOSPITALS = ["Bệnh viện Phụ sản Hà Nội", "Bệnh viện Đa khoa Vân Đình", "Trạm y tế xã"];

const PURPOSES = ["Để đăng ký kết hôn", "Để bổ sung hồ sơ vay vốn ngân hàng", "Để làm thủ tục mua bán nhà đất"];
const CHILD_NAMES = {
  MALE: ["Minh Khôi", "Gia Bảo", "Đức Anh", "Hoàng Nam"],
  FEMALE: ["Bảo Ngọc", "Khánh An", "Minh Thư", "Hà My"],
};

/** The day `years` after a birth date, the day a person reaches that age (29 February → 1 March, as in fullYearsOn). */
const yearsAfter = (date: string, years: number): string =>
  `${Number(date.slice(0, 4)) + years}${date.slice(4) === "-02-29" ? "-03-01" : date.slice(4)}`;

export class DemoRegisters {
  readonly births: DemoBirth[] = [];
  readonly marriages: DemoMarriage[] = [];
  readonly deaths: DemoDeath[] = [];
  readonly certificates: DemoCertificate[] = [];
  readonly copies: DemoCopy[] = [];
  readonly corrections: DemoCorrection[] = [];
  private readonly died = new Map<string, string>();
  /** Indexes over the lists above, by person. */
  private readonly birthOf = new Map<string, DemoBirth>();
  private readonly marriagesOf = new Map<string, DemoMarriage[]>();
  private readonly usedIds: Set<string>;
  private childSerial = 0;

  constructor(
    private readonly people: ReadonlyMap<string, CitizenSeed>,
    private readonly random: () => number,
  ) {
    this.usedIds = new Set(people.keys());
  }

  private addBirth(birth: DemoBirth): void {
    this.births.push(birth);
    this.birthOf.set(birth.personalId, birth);
  }

  private addMarriage(marriage: DemoMarriage): void {
    this.marriages.push(marriage);
    for (const id of [marriage.husband, marriage.wife])
      this.marriagesOf.set(id, [...(this.marriagesOf.get(id) ?? []), marriage]);
  }

  /** What the registers hold about a person, in the rules' terms. */
  factsOf(personalId: string): RegisterFacts {
    const birth = this.birthOf.get(personalId);
    const died = this.died.get(personalId);
    return {
      birth: birth ? { registeredOn: birth.registeredOn, fatherId: birth.father, motherId: birth.mother } : null,
      death: died ? { diedOn: died } : null,
      marriages: (this.marriagesOf.get(personalId) ?? []).map((m) => ({
        spouseId: m.husband === personalId ? m.wife : m.husband,
        registeredOn: m.registeredOn,
        ...(m.endedOn && m.endReason ? { endedOn: m.endedOn, endReason: m.endReason } : {}),
      })),
    };
  }

  isAlive(personalId: string, on: string): boolean {
    const died = this.died.get(personalId);
    return died === undefined || died > on;
  }

  /** Whether the person's death is known, on whatever day. */
  hasDied(personalId: string): boolean {
    return this.died.has(personalId);
  }

  /** May marry on the day: alive, of age, and no marriage in force. */
  isFree(person: CitizenSeed, on: string): boolean {
    return (
      this.isAlive(person.personalId, on) &&
      fullYearsOn(person.birthDate, on) >= MINIMUM_MARRIAGE_AGE[person.gender] &&
      (!this.marriagesOf.has(person.personalId) || maritalStatusOf(this.factsOf(person.personalId), on) !== "MARRIED")
    );
  }

  /** Everyone's birth, registered within weeks at their commune of residence, before the hub's records begin. */
  registerHistoricalBirths(residents: readonly CitizenSeed[], before: string): void {
    for (const person of residents) {
      const registeredOn = addCalendarDays(person.birthDate, 3 + Math.floor(this.random() * 40));
      this.addBirth({
        personalId: person.personalId,
        fullName: person.fullName,
        gender: person.gender,
        birthDate: person.birthDate,
        father: null,
        mother: null,
        placeOfBirth: null,
        registeredOn: registeredOn < before ? registeredOn : person.birthDate,
        communeCode: person.residenceCommuneCode,
        dossierCode: null,
      });
    }
  }

  /** About half the adults of a commune married before the period, a few of them since divorced. */
  registerHistoricalMarriages(residents: readonly CitizenSeed[], before: string): void {
    const men = residents.filter((p) => p.gender === "MALE");
    const women = residents.filter((p) => p.gender === "FEMALE");
    for (let i = 0; i < Math.min(men.length, women.length); i += 1) {
      if (this.random() < 0.45) continue;
      const [man, woman] = [men[i], women[i]];
      const ofAge = [
        yearsAfter(man.birthDate, MINIMUM_MARRIAGE_AGE.MALE),
        yearsAfter(woman.birthDate, MINIMUM_MARRIAGE_AGE.FEMALE),
      ].sort()[1];
      const registeredOn = addCalendarDays(ofAge, Math.floor(this.random() * 8 * 365));
      if (registeredOn >= before) continue;
      const divorcedOn =
        this.random() < 0.1 ? addCalendarDays(registeredOn, 365 * (3 + Math.floor(this.random() * 10))) : null;
      const divorced = divorcedOn !== null && divorcedOn < before;
      this.addMarriage({
        husband: man.personalId,
        wife: woman.personalId,
        registeredOn,
        endedOn: divorced ? divorcedOn : null,
        endReason: divorced ? "DIVORCE" : null,
        communeCode: man.residenceCommuneCode,
        dossierCode: null,
      });
    }
  }

  /** A marital-status certificate stating what the registers show on its day. */
  certify(applicant: CitizenSeed, on: string, communeCode: string, dossierCode: string): boolean {
    if (!this.isAlive(applicant.personalId, on)) return false;
    const validUntil = certificateValidUntil(on);
    this.certificates.push({
      personalId: applicant.personalId,
      maritalStatus: maritalStatusOf(this.factsOf(applicant.personalId), on),
      purpose: PURPOSES[Math.floor(this.random() * PURPOSES.length)],
      validUntil,
      registeredOn: on,
      communeCode,
      dossierCode,
    });
    return true;
  }

  /** Completes the applicant's birth registration with the place of birth the old paper books left out. */
  completePlaceOfBirth(applicant: CitizenSeed, on: string, communeCode: string, dossierCode: string): boolean {
    const birth = this.birthOf.get(applicant.personalId);
    if (!birth || birth.placeOfBirth !== null || !this.isAlive(applicant.personalId, on)) return false;
    birth.placeOfBirth = HOSPITALS[Math.floor(this.random() * HOSPITALS.length)];
    this.corrections.push({
      personalId: applicant.personalId,
      field: "PLACE_OF_BIRTH",
      previousValue: null,
      newValue: birth.placeOfBirth,
      registeredOn: on,
      communeCode,
      dossierCode,
    });
    return true;
  }

  /** Copies of the applicant's birth extract. */
  copyBirth(applicant: CitizenSeed, on: string, communeCode: string, dossierCode: string): boolean {
    if (!this.birthOf.has(applicant.personalId) || !this.isAlive(applicant.personalId, on)) return false;
    this.copies.push({
      personalId: applicant.personalId,
      register: "BIRTH",
      copies: 1 + Math.floor(this.random() * 3),
      registeredOn: on,
      communeCode,
      dossierCode,
    });
    return true;
  }

  /** A newborn of the applicant (and of the applicant's spouse, when married), registered on the day. */
  registerNewborn(applicant: CitizenSeed, on: string, communeCode: string, dossierCode: string): boolean {
    if (!this.isAlive(applicant.personalId, on)) return false;
    const gender = this.random() < 0.5 ? "MALE" : "FEMALE";
    const birthDate = addCalendarDays(on, -(1 + Math.floor(this.random() * 50)));
    const year = Number(birthDate.slice(0, 4));
    let personalId: string;
    do {
      this.childSerial += 1;
      const serial = (this.childSerial * 7919 + Math.floor(this.random() * 1000)) % 1_000_000;
      personalId = `001${centuryGenderDigit(year, gender)}${String(year % 100).padStart(2, "0")}${String(serial).padStart(6, "0")}`;
    } while (this.usedIds.has(personalId));
    this.usedIds.add(personalId);
    const facts = this.factsOf(applicant.personalId);
    const spouse = facts.marriages.find((m) => !m.endedOn && m.registeredOn <= on)?.spouseId ?? null;
    const [father, mother] =
      applicant.gender === "MALE" ? [applicant.personalId, spouse] : [spouse, applicant.personalId];
    const surname = this.people.get(father ?? applicant.personalId)?.fullName.split(" ")[0] ?? "Nguyễn";
    const names = CHILD_NAMES[gender];
    this.addBirth({
      personalId,
      fullName: `${surname} ${names[Math.floor(this.random() * names.length)]}`,
      gender,
      birthDate,
      father,
      mother,
      placeOfBirth: HOSPITALS[Math.floor(this.random() * HOSPITALS.length)],
      registeredOn: on,
      communeCode,
      dossierCode,
    });
    return true;
  }

  /**
   * A couple chosen when their dossier was received marries on the day it completes, if both are
   * still free and neither is known to die (deaths are decided before any marriage is registered,
   * so a marriage never outlives a spouse without ending).
   */
  marry(husband: CitizenSeed, wife: CitizenSeed, on: string, communeCode: string, dossierCode: string): boolean {
    if (husband.gender === wife.gender || husband.personalId === wife.personalId) return false;
    for (const spouse of [husband, wife]) {
      if (!this.isFree(spouse, on) || this.hasDied(spouse.personalId)) return false;
    }
    this.addMarriage({
      husband: husband.personalId,
      wife: wife.personalId,
      registeredOn: on,
      endedOn: null,
      endReason: null,
      communeCode,
      dossierCode,
    });
    return true;
  }

  /**
   * A resident's death, decided when its dossier is received (the death happened before it): from
   * `diedOn` the person is dead to every later check. When the dossier will complete, the marriage
   * in force ends that day too, so that every paper issued after the death states it; the death
   * itself is written when the dossier completes (registerDeath). Returns the spouses it widowed.
   */
  decideDeath(person: CitizenSeed, diedOn: string, willBeRegistered: boolean): CitizenSeed[] {
    this.died.set(person.personalId, diedOn);
    const widowed: CitizenSeed[] = [];
    if (!willBeRegistered) return widowed;
    for (const marriage of this.marriagesOf.get(person.personalId) ?? []) {
      if (!marriage.endedOn) {
        marriage.endedOn = diedOn;
        marriage.endReason = "DEATH_OF_SPOUSE";
        const spouse = this.people.get(marriage.husband === person.personalId ? marriage.wife : marriage.husband);
        if (spouse) widowed.push(spouse);
      }
    }
    return widowed;
  }

  /** Whether a marriage of the person is in force with no end known: married until a death says otherwise. */
  isMarriedForNow(personalId: string): boolean {
    return (this.marriagesOf.get(personalId) ?? []).some((marriage) => !marriage.endedOn);
  }

  /** Writes the death decided for the person (decideDeath) into the register on the day its dossier completes. */
  registerDeath(person: CitizenSeed, on: string, communeCode: string, dossierCode: string): boolean {
    const diedOn = this.died.get(person.personalId);
    if (diedOn === undefined || diedOn > on) return false;
    this.deaths.push({ personalId: person.personalId, diedOn, registeredOn: on, communeCode, dossierCode });
    return true;
  }

  /** The day of the person's last marriage registration, or "" when none. */
  lastMarriageOf(personalId: string): string {
    return (this.marriagesOf.get(personalId) ?? []).reduce((d, m) => (m.registeredOn > d ? m.registeredOn : d), "");
  }
}
