import { Arg, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from "type-graphql";
import type { EntityManager } from "typeorm";

import { toLocalDate } from "../../kit/calendar";
import { Role } from "../../kit/caller";
import { isDuplicateKey } from "../../kit/dossier/workflow";
import { badInput } from "../../kit/errors";
import { appendEvents } from "../../kit/events/outbox";
import { log } from "../../kit/logger";
import { parsePersonalId, personalIdMismatch } from "../../kit/personal-id";
import { refuse } from "../../kit/rule-problem";
import { optionalText, requireText } from "../../kit/text";
import { certificateValidUntil, type CivilStatusResult } from "../catalogue";
import { CitizenRef, civilStatusDesk, MUTATION_BY_RESULT } from "../desk";
import { BirthRegistration } from "../entities/birth-registration";
import { CivilStatusCorrection, CorrectableBirthField } from "../entities/civil-status-correction";
import { CivilStatusDossier } from "../entities/civil-status-dossier";
import { DeathRegistration } from "../entities/death-registration";
import { ExtractCopy } from "../entities/extract-copy";
import { MaritalStatusCertificate } from "../entities/marital-status-certificate";
import { MarriageEndReason, MarriageRegistration } from "../entities/marriage-registration";
import { CorrectBirthRegistrationInput } from "../inputs/correct-birth-registration.input";
import { IssueExtractCopyInput } from "../inputs/issue-extract-copy.input";
import { IssueMaritalStatusCertificateInput } from "../inputs/issue-marital-status-certificate.input";
import type { IssueInput, PersonInput } from "../inputs/person.input";
import { RegisterBirthInput } from "../inputs/register-birth.input";
import { RegisterDeathInput } from "../inputs/register-death.input";
import { RegisterMarriageInput } from "../inputs/register-marriage.input";
import type { CivilStatusContext } from "../loaders";
import { MaritalStatus } from "../marital-status";
import { type CitizenRegisters, factsOf, loadRegisters } from "../registers";
import {
  checkBirthRegistration,
  checkCorrection,
  checkDeathRegistration,
  checkMaritalStatusCertificate,
  checkMarriage,
  maritalStatusOf,
  type RuleProblem,
} from "../rules";

const ISSUING_ROLES = [Role.COMMUNE_OFFICER, Role.COMMUNE_LEADER, Role.ADMIN];
const MAX_COPIES = 10;

/**
 * The person's ID must be well formed (DESIGN §6). Its gender and year digits need not agree with
 * the papers: a person may keep their number after a gender re-determination or a corrected birth
 * year (Nghị định 70/2024/NĐ-CP art. 11(7)–(8)), so the papers are compared with the registers'
 * facts instead (agreesWithBirth), and a digit mismatch is only logged for the officer's attention.
 * Only a number issued now, at birth registration, must agree (checkBirthRegistration).
 */
const checkPersonInput = (person: PersonInput, prefix: string, today: Date): void => {
  const parsed = parsePersonalId(person.personalId, today);
  if (!parsed.ok) throw badInput(`${prefix}.personalId`, parsed.reason);
  const mismatch = personalIdMismatch(person.personalId, person.gender, person.birthDate, today);
  if (mismatch) log.warn("personal ID digits disagree with the papers", { field: `${prefix}.personalId`, mismatch });
};

/**
 * The papers must agree with the birth register where it holds the person: an officer does not
 * record an event for someone whose birth date or gender differs from their registered birth.
 */
const agreesWithBirth = (person: PersonInput, registers: CitizenRegisters, prefix: string): RuleProblem | undefined => {
  const birth = registers.birth;
  if (!birth) return undefined;
  const where = `The birth registered at ${birth.communeCode} on ${birth.registeredOn}`;
  if (birth.birthDate !== person.birthDate) {
    return {
      field: `${prefix}.birthDate`,
      message: `${where} gives ${person.personalId} the birth date ${birth.birthDate}, not ${person.birthDate}`,
    };
  }
  if (birth.gender !== person.gender) {
    return {
      field: `${prefix}.gender`,
      message: `${where} gives ${person.personalId} the gender ${birth.gender}, not ${person.gender}`,
    };
  }
  return undefined;
};

interface IssueContext {
  manager: EntityManager;
  dossier: CivilStatusDossier;
  /** The local date of issue, from the service's clock. */
  today: string;
  now: Date;
  /** The registers of the people named, read under lock on MySQL so two desks cannot decide on the same facts. */
  registersOf: (ids: string[]) => Promise<Map<string, CitizenRegisters>>;
}

/**
 * Issues one result and completes its dossier in one database transaction (DESIGN §4): the move
 * to COMPLETED (role, commune, version, state checked), the officer's rules, the register entry
 * and the audit event commit together or not at all, so a refused request changes nothing.
 */
const issue = (
  context: CivilStatusContext,
  input: IssueInput,
  result: CivilStatusResult,
  subjects: string[],
  write: (issue: IssueContext) => Promise<void>,
): Promise<CivilStatusDossier> =>
  civilStatusDesk.complete(
    context,
    { dossierCode: input.dossierCode, expectedVersion: input.expectedVersion, mutation: MUTATION_BY_RESULT[result] },
    async ({ manager, dossier, now }) => {
      await write({
        manager,
        dossier,
        today: toLocalDate(now),
        now,
        registersOf: (ids) => loadRegisters(manager, context.database.kind, ids, { lock: true }),
      });
      return { operation: `issue.${result}`, subjects };
    },
  );

/** Where a register entry is made: the dossier's commune, from the dossier it completes. */
const entryOf = (dossier: CivilStatusDossier, today: string) => ({
  registeredOn: today,
  communeCode: dossier.communeCode,
  provinceCode: dossier.provinceCode,
  dossierCode: dossier.code,
});

/** Inserts a register entry; a key already taken means another desk registered it first. */
const insertOnce = async (manager: EntityManager, row: object, field: string, message: string): Promise<void> => {
  try {
    await manager.insert(row.constructor as never, row as never);
  } catch (error) {
    if (isDuplicateKey(error)) throw badInput(field, message);
    throw error;
  }
};

/** The registers: each mutation issues one result and completes its dossier (DESIGN §4–§5). */
@Resolver()
export class RegisterResolver {
  @Authorized(...ISSUING_ROLES)
  @Mutation(() => CivilStatusDossier, {
    description:
      "Đăng ký khai sinh — register a birth (procedure 1.001193) and complete its dossier, in one transaction; the dossier's `result` is the registration",
  })
  async registerBirth(
    @Arg("input", () => RegisterBirthInput) input: RegisterBirthInput,
    @Ctx() context: CivilStatusContext,
  ): Promise<CivilStatusDossier> {
    const today = context.services.clock();
    const fullName = requireText(input.child.fullName, "child.fullName", 150, "child's full name");
    const placeOfBirth = optionalText(input.placeOfBirth, "placeOfBirth", 200, "place of birth");
    for (const [field, id, gender] of [
      ["fatherPersonalId", input.fatherPersonalId, "MALE"],
      ["motherPersonalId", input.motherPersonalId, "FEMALE"],
    ] as const) {
      if (id === undefined || id === null) continue;
      const parsed = parsePersonalId(id, today);
      if (!parsed.ok) throw badInput(field, parsed.reason);
      // A parent's number may predate a gender re-determination (NĐ 70/2024 art. 11): noted, not refused.
      if (parsed.gender !== gender) log.warn("a parent's personal ID digits name the other gender", { field });
      if (id === input.child.personalId) throw badInput(field, "A parent cannot be the child");
    }
    const child = input.child;
    return issue(
      context,
      input,
      "BIRTH_CERTIFICATE",
      [child.personalId],
      async ({ manager, dossier, today, now, registersOf }) => {
        const registers = (await registersOf([child.personalId])).get(child.personalId) as CitizenRegisters;
        refuse(
          checkBirthRegistration({
            child: { personalId: child.personalId, gender: child.gender, birthDate: child.birthDate },
            registeredOn: today,
            facts: factsOf(registers),
            today,
          }),
        );
        await insertOnce(
          manager,
          Object.assign(new BirthRegistration(), {
            personalId: child.personalId,
            fullName,
            gender: child.gender,
            birthDate: child.birthDate,
            placeOfBirth,
            fatherPersonalId: input.fatherPersonalId ?? null,
            motherPersonalId: input.motherPersonalId ?? null,
            ...entryOf(dossier, today),
          }),
          "child.personalId",
          `The birth of ${child.personalId} is already registered`,
        );
        // The population reference learns of the newborn from this event (DESIGN §3).
        await appendEvents(
          manager,
          [
            {
              aggregateType: "Citizen",
              aggregateId: child.personalId,
              type: "BirthRegistered",
              payload: {
                personalId: child.personalId,
                fullName,
                gender: child.gender,
                birthDate: child.birthDate,
                placeOfBirth,
                fatherPersonalId: input.fatherPersonalId ?? null,
                motherPersonalId: input.motherPersonalId ?? null,
                ...entryOf(dossier, today),
              },
            },
          ],
          now,
        );
      },
    );
  }

  @Authorized(...ISSUING_ROLES)
  @Mutation(() => CivilStatusDossier, {
    description:
      "Đăng ký khai tử — register a death (procedure 1.000656) and complete its dossier; a marriage in force ends that day",
  })
  async registerDeath(
    @Arg("input", () => RegisterDeathInput) input: RegisterDeathInput,
    @Ctx() context: CivilStatusContext,
  ): Promise<CivilStatusDossier> {
    checkPersonInput(input.person, "person", context.services.clock());
    const placeOfDeath = optionalText(input.placeOfDeath, "placeOfDeath", 200, "place of death");
    const person = input.person;
    return issue(
      context,
      input,
      "DEATH_CERTIFICATE",
      [person.personalId],
      async ({ manager, dossier, today, now, registersOf }) => {
        const registers = (await registersOf([person.personalId])).get(person.personalId) as CitizenRegisters;
        refuse(agreesWithBirth(person, registers, "person"));
        refuse(checkDeathRegistration({ person, facts: factsOf(registers), diedOn: input.diedOn, today }));
        await insertOnce(
          manager,
          Object.assign(new DeathRegistration(), {
            personalId: person.personalId,
            diedOn: input.diedOn,
            placeOfDeath,
            ...entryOf(dossier, today),
          }),
          "person.personalId",
          `The death of ${person.personalId} is already registered`,
        );
        // The marriage in force ends on the day of death (Law on Marriage and Family 2014, art. 65).
        const ending = registers.marriages.filter(
          (marriage) => marriage.endedOn === null && marriage.registeredOn <= input.diedOn,
        );
        await manager
          .createQueryBuilder()
          .update(MarriageRegistration)
          .set({ endedOn: input.diedOn, endReason: MarriageEndReason.DEATH_OF_SPOUSE })
          .where(
            "(husband_personal_id = :id OR wife_personal_id = :id) AND ended_on IS NULL AND registered_on <= :on",
            {
              id: person.personalId,
              on: input.diedOn,
            },
          )
          .execute();
        // Social affairs stops benefits from the month after the date of death, the registry marks
        // the person deceased, land flags their rights (DESIGN §3): all from these events.
        await appendEvents(
          manager,
          [
            {
              aggregateType: "Citizen",
              aggregateId: person.personalId,
              type: "DeathRegistered",
              payload: {
                personalId: person.personalId,
                diedOn: input.diedOn,
                placeOfDeath,
                // Who declared the death: the linked funeral-support dossier is theirs (NĐ 63/2024).
                declarantPersonalId: dossier.applicantPersonalId,
                ...entryOf(dossier, today),
              },
            },
            ...ending.map((marriage) => ({
              aggregateType: "Marriage",
              aggregateId: `${marriage.husbandPersonalId}:${marriage.wifePersonalId}:${marriage.registeredOn}`,
              type: "MarriageEnded",
              payload: {
                husbandPersonalId: marriage.husbandPersonalId,
                wifePersonalId: marriage.wifePersonalId,
                registeredOn: marriage.registeredOn,
                endedOn: input.diedOn,
                endReason: MarriageEndReason.DEATH_OF_SPOUSE,
              },
            })),
          ],
          now,
        );
      },
    );
  }

  @Authorized(...ISSUING_ROLES)
  @Mutation(() => CivilStatusDossier, {
    description:
      "Đăng ký kết hôn — register a marriage today (procedure 1.000894) and complete its dossier; refused when either party is married, dead, under age or a close relative",
  })
  async registerMarriage(
    @Arg("input", () => RegisterMarriageInput) input: RegisterMarriageInput,
    @Ctx() context: CivilStatusContext,
  ): Promise<CivilStatusDossier> {
    const clockNow = context.services.clock();
    checkPersonInput(input.a, "a", clockNow);
    checkPersonInput(input.b, "b", clockNow);
    const { a, b } = input;
    return issue(
      context,
      input,
      "MARRIAGE_CERTIFICATE",
      [a.personalId, b.personalId],
      async ({ manager, dossier, today, now, registersOf }) => {
        const registers = await registersOf([a.personalId, b.personalId]);
        refuse(agreesWithBirth(a, registers.get(a.personalId) as CitizenRegisters, "a"));
        refuse(agreesWithBirth(b, registers.get(b.personalId) as CitizenRegisters, "b"));
        refuse(
          checkMarriage({
            a,
            b,
            factsA: factsOf(registers.get(a.personalId) as CitizenRegisters),
            factsB: factsOf(registers.get(b.personalId) as CitizenRegisters),
            on: today,
            today,
          }),
        );
        const [husband, wife] = a.gender === "MALE" ? [a, b] : [b, a];
        await manager.insert(
          MarriageRegistration,
          Object.assign(new MarriageRegistration(), {
            husbandPersonalId: husband.personalId,
            wifePersonalId: wife.personalId,
            endedOn: null,
            endReason: null,
            ...entryOf(dossier, today),
          }),
        );
        await appendEvents(
          manager,
          [
            {
              aggregateType: "Marriage",
              aggregateId: `${husband.personalId}:${wife.personalId}:${today}`,
              type: "MarriageRegistered",
              payload: {
                husbandPersonalId: husband.personalId,
                wifePersonalId: wife.personalId,
                ...entryOf(dossier, today),
              },
            },
          ],
          now,
        );
      },
    );
  }

  @Authorized(...ISSUING_ROLES)
  @Mutation(() => CivilStatusDossier, {
    description:
      "Cấp giấy xác nhận tình trạng hôn nhân — certify a living person's marital status as the registers show it today (procedure 1.004873) and complete the dossier",
  })
  async issueMaritalStatusCertificate(
    @Arg("input", () => IssueMaritalStatusCertificateInput) input: IssueMaritalStatusCertificateInput,
    @Ctx() context: CivilStatusContext,
  ): Promise<CivilStatusDossier> {
    checkPersonInput(input.person, "person", context.services.clock());
    const purpose = requireText(input.purpose, "purpose", 200, "purpose");
    const person = input.person;
    return issue(
      context,
      input,
      "MARITAL_STATUS_CERTIFICATE",
      [person.personalId],
      async ({ manager, dossier, today, registersOf }) => {
        const registers = (await registersOf([person.personalId])).get(person.personalId) as CitizenRegisters;
        refuse(agreesWithBirth(person, registers, "person"));
        const facts = factsOf(registers);
        refuse(checkMaritalStatusCertificate({ person, facts, today }));
        await manager.insert(
          MaritalStatusCertificate,
          Object.assign(new MaritalStatusCertificate(), {
            personalId: person.personalId,
            maritalStatus: maritalStatusOf(facts, today) as MaritalStatus,
            purpose,
            validUntil: certificateValidUntil(today),
            ...entryOf(dossier, today),
          }),
        );
      },
    );
  }

  @Authorized(...ISSUING_ROLES)
  @Mutation(() => CivilStatusDossier, {
    description:
      "Cấp bản sao trích lục hộ tịch — copies of a person's entry in the birth, marriage or death register (procedure 2.000635); completes the dossier",
  })
  async issueExtractCopy(
    @Arg("input", () => IssueExtractCopyInput) input: IssueExtractCopyInput,
    @Ctx() context: CivilStatusContext,
  ): Promise<CivilStatusDossier> {
    const parsed = parsePersonalId(input.personalId, context.services.clock());
    if (!parsed.ok) throw badInput("personalId", parsed.reason);
    const copies = input.copies ?? 1;
    if (!Number.isInteger(copies) || copies < 1 || copies > MAX_COPIES) {
      throw badInput("copies", `copies must be between 1 and ${MAX_COPIES}, got ${copies}`);
    }
    return issue(
      context,
      input,
      "EXTRACT_COPY",
      [input.personalId],
      async ({ manager, dossier, today, registersOf }) => {
        const registers = (await registersOf([input.personalId])).get(input.personalId) as CitizenRegisters;
        const held = {
          BIRTH: registers.birth !== null,
          MARRIAGE: registers.marriages.length > 0,
          DEATH: registers.death !== null,
        };
        if (!held[input.register]) {
          throw badInput(
            "register",
            `The ${input.register.toLowerCase()} register holds no entry for ${input.personalId}; there is nothing to copy`,
          );
        }
        await manager.insert(
          ExtractCopy,
          Object.assign(new ExtractCopy(), {
            personalId: input.personalId,
            register: input.register,
            copies,
            ...entryOf(dossier, today),
          }),
        );
      },
    );
  }

  @Authorized(...ISSUING_ROLES)
  @Mutation(() => CivilStatusDossier, {
    description:
      "Thay đổi, cải chính, bổ sung hộ tịch — amend a registered birth's name or place of birth (procedure 1.004859) and complete the dossier; the register keeps the value replaced",
  })
  async correctBirthRegistration(
    @Arg("input", () => CorrectBirthRegistrationInput) input: CorrectBirthRegistrationInput,
    @Ctx() context: CivilStatusContext,
  ): Promise<CivilStatusDossier> {
    const parsed = parsePersonalId(input.personalId, context.services.clock());
    if (!parsed.ok) throw badInput("personalId", parsed.reason);
    const value = requireText(
      input.value,
      "value",
      input.field === CorrectableBirthField.FULL_NAME ? 150 : 200,
      "new value",
    );
    return issue(context, input, "CORRECTION", [input.personalId], async ({ manager, dossier, today, registersOf }) => {
      const registers = (await registersOf([input.personalId])).get(input.personalId) as CitizenRegisters;
      const column = input.field === CorrectableBirthField.FULL_NAME ? "fullName" : "placeOfBirth";
      const current = registers.birth?.[column] ?? "";
      const problem = checkCorrection({
        person: { personalId: input.personalId },
        facts: factsOf(registers),
        current,
        requested: value,
      });
      // The rules name their own inputs; this mutation calls them personalId and value.
      if (problem) throw badInput(problem.field === "requested" ? "value" : "personalId", problem.message);
      await manager.update(BirthRegistration, { personalId: input.personalId }, { [column]: value });
      await manager.insert(
        CivilStatusCorrection,
        Object.assign(new CivilStatusCorrection(), {
          personalId: input.personalId,
          field: input.field,
          previousValue: current === "" ? null : current,
          newValue: value,
          ...entryOf(dossier, today),
        }),
      );
    });
  }
}

/** The people a birth registration names, as citizens of the graph. */
@Resolver(() => BirthRegistration)
export class BirthRegistrationResolver {
  @FieldResolver(() => CitizenRef, { description: "Người được khai sinh — the child" })
  citizen(@Root() birth: BirthRegistration): CitizenRef {
    return CitizenRef.of(birth.personalId);
  }

  @FieldResolver(() => CitizenRef, { nullable: true, description: "Cha — the father, when recorded" })
  father(@Root() birth: BirthRegistration): CitizenRef | null {
    return birth.fatherPersonalId ? CitizenRef.of(birth.fatherPersonalId) : null;
  }

  @FieldResolver(() => CitizenRef, { nullable: true, description: "Mẹ — the mother, when recorded" })
  mother(@Root() birth: BirthRegistration): CitizenRef | null {
    return birth.motherPersonalId ? CitizenRef.of(birth.motherPersonalId) : null;
  }
}

/** Husband, wife, and — read from one spouse's records — the other. */
@Resolver(() => MarriageRegistration)
export class MarriageRegistrationResolver {
  @FieldResolver(() => CitizenRef, { description: "Chồng — the husband" })
  husband(@Root() marriage: MarriageRegistration): CitizenRef {
    return CitizenRef.of(marriage.husbandPersonalId);
  }

  @FieldResolver(() => CitizenRef, { description: "Vợ — the wife" })
  wife(@Root() marriage: MarriageRegistration): CitizenRef {
    return CitizenRef.of(marriage.wifePersonalId);
  }

  @FieldResolver(() => CitizenRef, {
    nullable: true,
    description: "Vợ/chồng — the other party, when read from one person's civil-status records",
  })
  spouse(@Root() marriage: MarriageRegistration): CitizenRef | null {
    if (!marriage.viewedFrom) return null;
    return CitizenRef.of(
      marriage.viewedFrom === marriage.husbandPersonalId ? marriage.wifePersonalId : marriage.husbandPersonalId,
    );
  }

  @FieldResolver(() => Boolean, { description: "Còn hiệu lực — the marriage has not ended" })
  inForce(@Root() marriage: MarriageRegistration): boolean {
    return !marriage.endedOn;
  }
}

/** The people deaths, certificates and copies name. */
@Resolver(() => DeathRegistration)
export class DeathRegistrationResolver {
  @FieldResolver(() => CitizenRef, { description: "Người chết — the deceased" })
  citizen(@Root() death: DeathRegistration): CitizenRef {
    return CitizenRef.of(death.personalId);
  }
}
