import { personalIdMismatch } from "../kit/personal-id";
import { fullYearsOn, isCalendarDate, notADate, requireCalendarDate, type RuleProblem } from "../kit/rule-problem";

/**
 * The checks a civil-status officer applies before recording an event, as pure functions over plain
 * objects: no database, no GraphQL. The subgraph loads the facts, calls a check and turns a problem
 * into BAD_USER_INPUT naming the field (DESIGN §6); nothing is written when a check fails.
 *
 * Each check returns `undefined` when the request may go ahead, otherwise the first problem found,
 * in the order a desk officer would look: the request's own dates, then the people, then what the
 * registers already say. `field` is a path into the check's own input (`a.birthDate`, `diedOn`),
 * so the subgraph's input types mirror these names. Messages are written for the desk officer and
 * name the dates involved.
 *
 * Dates are civil dates in Vietnam, "YYYY-MM-DD" (the kit's `toLocalDate` of an instant). A date in
 * the request that is not a real calendar date is a problem on its field; a malformed date in the
 * register facts or in `today` is a programming error and throws a RangeError, since the officer can
 * do nothing about it.
 */

export type Gender = "MALE" | "FEMALE";

export interface Person {
  personalId: string;
  gender: Gender;
  /** "YYYY-MM-DD". */
  birthDate: string;
}

/** Why a marriage ended: a divorce taking effect, or the other spouse's death. */
export type MarriageEndReason = "DIVORCE" | "DEATH_OF_SPOUSE";

/** A marriage in the register, from one spouse's side. */
export interface MarriageRecord {
  spouseId: string;
  registeredOn: string;
  /** The day the marriage ended; set together with `endReason`. */
  endedOn?: string;
  endReason?: MarriageEndReason;
}

export interface DeathRecord {
  diedOn: string;
}

/** The person's birth registration; the parents as recorded in it, when known. */
export interface BirthRecord {
  registeredOn: string;
  fatherId?: string | null;
  motherId?: string | null;
}

/** What the civil-status registers hold about one person. */
export interface RegisterFacts {
  marriages: readonly MarriageRecord[];
  death: DeathRecord | null;
  birth: BirthRecord | null;
}

export type { RuleProblem };

export type MaritalStatus = "SINGLE" | "MARRIED" | "DIVORCED" | "WIDOWED";

/**
 * Marriage age (Law on Marriage and Family 2014, art. 8(1)(a)): "nam từ đủ 20 tuổi trở lên, nữ từ
 * đủ 18 tuổi trở lên" — full years, counted by day, month and year of birth (Joint Circular
 * 01/2016/TTLT-TANDTC-VKSNDTC-BTP, art. 2(1): a woman born on 10 January 1997 reaches 18 on
 * 10 January 2015, and may marry that day).
 */
export const MINIMUM_MARRIAGE_AGE: Readonly<Record<Gender, number>> = Object.freeze({ MALE: 20, FEMALE: 18 });

export { fullYearsOn };

/** Checks one register record's dates; the register is the office's own, so a bad record throws. */
const checkMarriageRecord = (record: MarriageRecord): void => {
  requireCalendarDate(record.registeredOn, `registration date of the marriage with ${record.spouseId}`);
  const ended = record.endedOn !== undefined && record.endedOn !== null;
  const reason = record.endReason !== undefined && record.endReason !== null;
  if (ended !== reason) {
    throw new RangeError(
      `The marriage with ${record.spouseId} registered on ${record.registeredOn} must record both when and why it ended, or neither`,
    );
  }
  if (ended) {
    requireCalendarDate(record.endedOn as string, `end date of the marriage with ${record.spouseId}`);
    if ((record.endedOn as string) < record.registeredOn) {
      throw new RangeError(
        `The marriage with ${record.spouseId} ends on ${record.endedOn}, before it was registered on ${record.registeredOn}`,
      );
    }
  }
};

/** Whether a marriage binds on a date: registered by then and not yet ended. */
const isInForceOn = (record: MarriageRecord, onDate: string): boolean =>
  record.registeredOn <= onDate && (record.endedOn === undefined || record.endedOn === null || record.endedOn > onDate);

/**
 * A person's marital status as the registers show it on a date, ignoring marriages registered
 * later.
 *
 * - A marriage binds from the day it is registered (Law on Marriage and Family 2014, art. 9 and
 *   art. 3(5)) until the day it ends: the day the divorce judgment or decision takes effect
 *   (art. 57(1)) or the spouse's death (art. 65). From the day it ends the person is free to marry
 *   again, so a marriage ending on `onDate` no longer counts on that day.
 * - DIVORCED is reported apart from WIDOWED because the register records why each marriage
 *   ended (a divorce is entered in the civil-status book on the court's judgment, Law on Civil
 *   Status 2014 art. 3(3)), and the marital-status certificate states which it was. When more than
 *   one marriage has ended, the latest to end decides.
 * - Death does not change the person's own status: a deceased person's status is the one they had
 *   on the day; the checks refuse events for the dead separately.
 */
export const maritalStatusOf = (facts: RegisterFacts, onDate: string): MaritalStatus => {
  requireCalendarDate(onDate, "date");
  for (const record of facts.marriages) checkMarriageRecord(record);
  const registered = facts.marriages.filter((record) => record.registeredOn <= onDate);
  if (registered.length === 0) return "SINGLE";
  if (registered.some((record) => isInForceOn(record, onDate))) return "MARRIED";
  const latest = registered.reduce((a, b) => {
    const endA = a.endedOn as string;
    const endB = b.endedOn as string;
    if (endA !== endB) return endA > endB ? a : b;
    return a.registeredOn >= b.registeredOn ? a : b;
  });
  return latest.endReason === "DEATH_OF_SPOUSE" ? "WIDOWED" : "DIVORCED";
};

/** The marriage in force on a date, if any. */
const marriageInForce = (facts: RegisterFacts, onDate: string): MarriageRecord | undefined =>
  facts.marriages.find((record) => isInForceOn(record, onDate));

/** A date at noon UTC, whose UTC year is the civil year, for the kit's `parsePersonalId`. */
const asInstant = (date: string): Date => new Date(`${date}T12:00:00Z`);

const GENDERS: readonly string[] = ["MALE", "FEMALE"];

/** The person's own data: a real birth date, not in the future, and a known gender. */
const checkPerson = (person: Person, prefix: string, today: string): RuleProblem | undefined => {
  if (!isCalendarDate(person.birthDate)) return notADate(`${prefix}.birthDate`, person.birthDate, "birth date");
  if (person.birthDate > today) {
    return {
      field: `${prefix}.birthDate`,
      message: `The birth date ${person.birthDate} is in the future (today is ${today}).`,
    };
  }
  if (!GENDERS.includes(person.gender)) {
    return { field: `${prefix}.gender`, message: `The gender must be MALE or FEMALE, got ${String(person.gender)}.` };
  }
  return undefined;
};

export interface BirthRegistrationInput {
  child: Person;
  /** The day of registration, usually today. */
  registeredOn: string;
  /** The child's register facts, or null when the registers know nothing of this personal ID yet. */
  facts: RegisterFacts | null;
  today: string;
}

/**
 * Birth registration (Law on Civil Status 2014, art. 16):
 * - the birth cannot be in the future nor after the day it is registered, and the registration
 *   itself cannot be dated in the future;
 * - the personal identification number issued with the birth registration (art. 14(2)) must
 *   encode the child's gender and birth year (Decree 137/2015/NĐ-CP, DESIGN §6);
 * - a birth is registered once: each civil-status event is registered at one competent office
 *   only (Law on Civil Status 2014, art. 5(4)); a wrong entry is corrected, not registered again.
 *
 * Registering after the 60 days of art. 15 is still a registration (the fee differs), so lateness
 * is not a problem here.
 */
export const checkBirthRegistration = ({
  child,
  registeredOn,
  facts,
  today,
}: BirthRegistrationInput): RuleProblem | undefined => {
  requireCalendarDate(today, "current date");
  const personProblem = checkPerson(child, "child", today);
  if (personProblem) return personProblem;
  if (!isCalendarDate(registeredOn)) return notADate("registeredOn", registeredOn, "registration date");
  if (registeredOn > today) {
    return {
      field: "registeredOn",
      message: `The registration date ${registeredOn} is in the future (today is ${today}).`,
    };
  }
  if (child.birthDate > registeredOn) {
    return {
      field: "child.birthDate",
      message: `The birth date ${child.birthDate} is after the registration date ${registeredOn}; a birth is registered after it happens.`,
    };
  }
  const mismatch = personalIdMismatch(child.personalId, child.gender, child.birthDate, asInstant(today));
  if (mismatch) return { field: "child.personalId", message: mismatch };
  if (facts?.birth) {
    return {
      field: "child.personalId",
      message: `The birth of ${child.personalId} was already registered on ${facts.birth.registeredOn}; a birth is registered only once (ask for a copy of the extract instead).`,
    };
  }
  return undefined;
};

export interface DeathRegistrationInput {
  person: Person;
  facts: RegisterFacts;
  diedOn: string;
  today: string;
}

/**
 * Death registration (Law on Civil Status 2014, art. 34):
 * - a death is registered once (art. 5(4)): a second registration is refused whatever date it
 *   gives, and the officer corrects the first one instead if it is wrong;
 * - the date of death cannot be in the future nor before the birth (a child who dies on the day it
 *   is born is registered both ways, so the same day is allowed);
 * - nor before a marriage the register shows the person contracting, which needs the person
 *   present (art. 18(1)): one of the two records would be wrong.
 */
export const checkDeathRegistration = ({
  person,
  facts,
  diedOn,
  today,
}: DeathRegistrationInput): RuleProblem | undefined => {
  requireCalendarDate(today, "current date");
  if (facts.death) {
    requireCalendarDate(facts.death.diedOn, "registered date of death");
    return {
      field: "person.personalId",
      message: `The death of ${person.personalId} is already registered (died on ${facts.death.diedOn}); a death is registered only once.`,
    };
  }
  const personProblem = checkPerson(person, "person", today);
  if (personProblem) return personProblem;
  if (!isCalendarDate(diedOn)) return notADate("diedOn", diedOn, "date of death");
  if (diedOn > today) {
    return { field: "diedOn", message: `The date of death ${diedOn} is in the future (today is ${today}).` };
  }
  if (diedOn < person.birthDate) {
    return {
      field: "diedOn",
      message: `The date of death ${diedOn} is before the birth date ${person.birthDate}.`,
    };
  }
  for (const record of facts.marriages) checkMarriageRecord(record);
  const laterMarriage = facts.marriages.find((record) => record.registeredOn > diedOn);
  if (laterMarriage) {
    return {
      field: "diedOn",
      message: `The date of death ${diedOn} is before the marriage with ${laterMarriage.spouseId} registered on ${laterMarriage.registeredOn}; check the date of death.`,
    };
  }
  return undefined;
};

export interface MarriageInput {
  a: Person;
  b: Person;
  factsA: RegisterFacts;
  factsB: RegisterFacts;
  /** The day the marriage is registered. */
  on: string;
  today: string;
}

const NAMES = { a: "the first party", b: "the second party" } as const;

/** A party who has died by the day of the marriage: dying that very day counts, as the hour is unknown. */
const checkAlive = (person: Person, facts: RegisterFacts, prefix: "a" | "b", on: string): RuleProblem | undefined => {
  if (!facts.death) return undefined;
  requireCalendarDate(facts.death.diedOn, "registered date of death");
  if (facts.death.diedOn > on) return undefined;
  return {
    field: `${prefix}.personalId`,
    message: `${capitalise(NAMES[prefix])} (${person.personalId}) is registered as died on ${facts.death.diedOn}; a marriage cannot be registered for a person who has died.`,
  };
};

const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** Marriage age, art. 8(1)(a): full years on the day of registration. */
const checkAge = (person: Person, prefix: "a" | "b", on: string): RuleProblem | undefined => {
  const minimum = MINIMUM_MARRIAGE_AGE[person.gender];
  if (fullYearsOn(person.birthDate, on) >= minimum) return undefined;
  const word = person.gender === "MALE" ? "A man" : "A woman";
  return {
    field: `${prefix}.birthDate`,
    message: `${capitalise(NAMES[prefix])} (born ${person.birthDate}) is not yet ${minimum} on ${on}; ${word.toLowerCase()} may marry from the day of turning ${minimum} (Law on Marriage and Family 2014, art. 8(1)(a)).`,
  };
};

/** Monogamy, art. 5(2)(c) and 8(1)(d): a party with a marriage in force on the day cannot marry. */
const checkFree = (
  person: Person,
  facts: RegisterFacts,
  other: Person,
  prefix: "a" | "b",
  on: string,
): RuleProblem | undefined => {
  if (maritalStatusOf(facts, on) !== "MARRIED") return undefined;
  const current = marriageInForce(facts, on) as MarriageRecord;
  if (current.spouseId === other.personalId) {
    return {
      field: `${prefix}.personalId`,
      message: `${person.personalId} and ${other.personalId} are already married to each other (registered on ${current.registeredOn}).`,
    };
  }
  return {
    field: `${prefix}.personalId`,
    message: `${capitalise(NAMES[prefix])} (${person.personalId}) is married (to ${current.spouseId}, registered on ${current.registeredOn}); a person who is married cannot marry again until that marriage ends by divorce or death.`,
  };
};

/**
 * Close relatives, art. 5(2)(d): no marriage between people of the same blood in the direct line
 * nor related within three generations (art. 3(17)–(18)). The registers can show only part of this,
 * through the parents recorded in each birth registration: one party being the other's parent, or
 * the two sharing a father or a mother (brothers and sisters, full or half). Grandparents and
 * cousins need the parents' own records, and adoptive and in-law relations other registers; when
 * the parents are not recorded nothing is concluded, and the officer relies on the parties'
 * declaration as the law provides.
 */
const checkRelatives = (
  a: Person,
  b: Person,
  factsA: RegisterFacts,
  factsB: RegisterFacts,
): RuleProblem | undefined => {
  const parentsOf = (facts: RegisterFacts): string[] =>
    [facts.birth?.fatherId, facts.birth?.motherId].filter((id): id is string => typeof id === "string" && id !== "");
  const parentsA = parentsOf(factsA);
  const parentsB = parentsOf(factsB);
  if (parentsB.includes(a.personalId) || parentsA.includes(b.personalId)) {
    return {
      field: "b.personalId",
      message: `The birth registrations show that one party is the other's parent; marriage between relatives in the direct line is prohibited (Law on Marriage and Family 2014, art. 5(2)(d)).`,
    };
  }
  if (parentsA.some((parent) => parentsB.includes(parent))) {
    return {
      field: "b.personalId",
      message: `The birth registrations show that the parties have a parent in common; marriage between relatives within three generations is prohibited (Law on Marriage and Family 2014, art. 5(2)(d)).`,
    };
  }
  return undefined;
};

/**
 * Marriage registration (Law on Civil Status 2014, art. 18: the officer records the marriage "nếu
 * thấy đủ điều kiện kết hôn theo quy định của Luật hôn nhân và gia đình"). The conditions of the
 * Law on Marriage and Family 2014 (52/2014/QH13) that the registers can answer:
 * - two different people, of different genders: art. 8(2), "Nhà nước không thừa nhận hôn nhân
 *   giữa những người cùng giới tính", and art. 3(5), marriage is between a man and a woman;
 * - both alive on the day: both must appear to register (Law on Civil Status 2014, art. 18(1));
 * - of marriage age on the day: art. 8(1)(a), see MINIMUM_MARRIAGE_AGE;
 * - neither married to someone else on the day: monogamy, art. 2(1), art. 5(2)(c) and
 *   art. 8(1)(d); a widow, widower or divorced person may marry again;
 * - not close relatives, as far as the birth registrations show (see checkRelatives).
 * Free consent (art. 8(1)(b)) and legal capacity (art. 8(1)(c)) are for the officer to see at the
 * desk and are not in the registers.
 */
export const checkMarriage = ({ a, b, factsA, factsB, on, today }: MarriageInput): RuleProblem | undefined => {
  requireCalendarDate(today, "current date");
  if (!isCalendarDate(on)) return notADate("on", on, "marriage date");
  if (on > today) {
    return { field: "on", message: `The marriage date ${on} is in the future (today is ${today}).` };
  }
  const personProblem = checkPerson(a, "a", today) ?? checkPerson(b, "b", today);
  if (personProblem) return personProblem;
  if (a.personalId === b.personalId) {
    return {
      field: "b.personalId",
      message: `Both parties have the personal identification number ${a.personalId}; a marriage needs two different people.`,
    };
  }
  if (a.gender === b.gender) {
    return {
      field: "b.gender",
      message: `Both parties are ${a.gender === "MALE" ? "men" : "women"}; the State does not recognise marriage between people of the same gender (Law on Marriage and Family 2014, art. 8(2)).`,
    };
  }
  return (
    checkAlive(a, factsA, "a", on) ??
    checkAlive(b, factsB, "b", on) ??
    checkAge(a, "a", on) ??
    checkAge(b, "b", on) ??
    checkFree(a, factsA, b, "a", on) ??
    checkFree(b, factsB, a, "b", on) ??
    checkRelatives(a, b, factsA, factsB)
  );
};

export interface MaritalStatusCertificateInput {
  person: Person;
  facts: RegisterFacts;
  today: string;
}

/**
 * Marital-status certificate (Decree 123/2015/NĐ-CP, art. 21–22): it certifies the status of a
 * living person, who applies for it in person or through a representative, for a stated purpose;
 * the registers of a deceased person are read through a copy of the death extract instead.
 */
export const checkMaritalStatusCertificate = ({
  person,
  facts,
  today,
}: MaritalStatusCertificateInput): RuleProblem | undefined => {
  requireCalendarDate(today, "current date");
  if (facts.death) {
    requireCalendarDate(facts.death.diedOn, "registered date of death");
    if (facts.death.diedOn <= today) {
      return {
        field: "person.personalId",
        message: `${person.personalId} is registered as died on ${facts.death.diedOn}; a marital-status certificate is issued only for a living person.`,
      };
    }
  }
  return checkPerson(person, "person", today);
};

export interface CorrectionInput {
  /** Only whose record it is matters here. */
  person: Pick<Person, "personalId">;
  facts: RegisterFacts;
  /** The value as the register holds it now. */
  current: string;
  /** The value asked for. */
  requested: string;
}

/**
 * Change or correction of a civil-status record (Law on Civil Status 2014, art. 26–28): it amends
 * an event already registered, so the person's birth must be in the register, and the requested
 * value must say something and differ from what is recorded. Whether the change is justified (the
 * papers proving the error) is the officer's judgement, not a register fact.
 */
export const checkCorrection = ({ person, facts, current, requested }: CorrectionInput): RuleProblem | undefined => {
  if (!facts.birth) {
    return {
      field: "person.personalId",
      message: `No birth registration of ${person.personalId} is in the register; a record can be changed or corrected only once it is registered.`,
    };
  }
  const wanted = typeof requested === "string" ? requested.normalize("NFC").trim() : "";
  if (wanted === "")
    return { field: "requested", message: "The corrected value is empty; write what the record should say." };
  if (wanted === current.normalize("NFC").trim()) {
    return {
      field: "requested",
      message: `The corrected value "${wanted}" is what the register already says; there is nothing to change.`,
    };
  }
  return undefined;
};
