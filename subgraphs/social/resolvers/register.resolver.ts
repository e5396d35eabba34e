import { Arg, Authorized, Ctx, Mutation, Resolver } from "type-graphql";
import type { EntityManager } from "typeorm";

import { writeAudit } from "../../kit/audit";
import { toLocalDate } from "../../kit/calendar";
import { Role } from "../../kit/caller";
import type { Completion } from "../../kit/desk/desk";
import { isDuplicateKey } from "../../kit/dossier/workflow";
import { badInput, conflict, forbidden, notFound } from "../../kit/errors";
import { refuse } from "../../kit/rule-problem";
import { requireText } from "../../kit/text";
import type { SocialProcedure } from "../catalogue";
import { socialDesk } from "../desk";
import {
  DisabilityCertificate,
  FuneralSupport,
  SocialBenefit,
  SocialHousehold,
  SocialHouseholdMember,
  SocialPayment,
  SocialPerson,
  SocialRollClosure,
} from "../entities/register";
import type { SocialDossier } from "../entities/social-dossier";
import {
  BenefitEndReason,
  BenefitProgram,
  FuneralSupportStatus,
  HouseholdClassification,
  PaymentStatus,
} from "../enums";
import {
  type BeneficiaryInput,
  DecideFuneralSupportInput,
  GrantAllowanceInput,
  GrantPensionInput,
  IssueDisabilityCertificateInput,
  RecognizeHouseholdInput,
} from "../inputs/register.input";
import type { SocialContext } from "../loaders";
import { addMonths, allowanceGroup, firstDayOf, isMonth, monthOf } from "../money";
import { openRollLines } from "../roll";
import {
  checkAllowanceGrant,
  checkDisabilityCertificate,
  checkHousehold,
  checkMemberOf,
  checkPensionGrant,
  classifyHousehold,
  type OpenBenefit,
  type PersonFacts,
} from "../rules";

const ISSUING_ROLES = [Role.COMMUNE_OFFICER, Role.COMMUNE_LEADER, Role.ADMIN];

interface Issue extends Completion<SocialProcedure> {
  today: string;
}

const issue = (
  context: SocialContext,
  input: { dossierCode: string; expectedVersion: number },
  mutation: string,
  write: (issue: Issue) => Promise<{ operation: string; subjects: string[] }>,
): Promise<SocialDossier> =>
  socialDesk.complete(
    context,
    { dossierCode: input.dossierCode, expectedVersion: input.expectedVersion, mutation },
    (completion) => write({ ...completion, today: toLocalDate(completion.now) }),
  );

/**
 * The person as social affairs knows them: the birth date on the decision (it must agree with
 * one recorded before) and the date of death civil status reported. Recorded when first seen.
 */
const personFacts = async (manager: EntityManager, input: BeneficiaryInput): Promise<PersonFacts> => {
  const known = await manager.findOneBy(SocialPerson, { personalId: input.personalId });
  if (known?.birthDate && known.birthDate !== input.birthDate) {
    throw badInput(
      "person.birthDate",
      `The register has ${input.personalId} born on ${known.birthDate}, not ${input.birthDate}`,
    );
  }
  if (!known) {
    await manager.insert(SocialPerson, {
      personalId: input.personalId,
      birthDate: input.birthDate,
      deceasedOn: null,
      meritCategory: null,
    });
  } else if (!known.birthDate) {
    await manager.update(SocialPerson, { personalId: input.personalId }, { birthDate: input.birthDate });
  }
  return { personalId: input.personalId, birthDate: input.birthDate, deceasedOn: known?.deceasedOn ?? null };
};

const openBenefits = async (manager: EntityManager, personalId: string): Promise<SocialBenefit[]> =>
  manager.find(SocialBenefit, { where: { personalId }, order: { id: "ASC" } });

const asOpen = (benefits: readonly SocialBenefit[]): OpenBenefit[] =>
  benefits
    .filter((benefit) => benefit.endMonth === null || benefit.endMonth >= benefit.startMonth)
    .map((benefit) => ({ program: benefit.program, startMonth: benefit.startMonth, endMonth: benefit.endMonth }));

const decisionOf = (value: string) => requireText(value, "decisionNo", 40, "decision number");

/** The social register's mutations: each issues one result and completes its dossier (DESIGN §4–§5). */
@Resolver()
export class SocialRegisterResolver {
  @Authorized(...ISSUING_ROLES)
  @Mutation(() => socialDesk.Dossier, {
    description:
      "Quyết định trợ cấp xã hội hằng tháng — grant a monthly social allowance or care support (1.001776); a running one of the person is adjusted: it ends the month before; refused for a coefficient not in the table, a deceased person, a start before birth, or months of a social pension",
  })
  async grantAllowance(
    @Arg("input", () => GrantAllowanceInput) input: GrantAllowanceInput,
    @Ctx() context: SocialContext,
  ): Promise<SocialDossier> {
    const decisionNo = decisionOf(input.decisionNo);
    const coefficientTenths =
      input.coefficient === undefined || input.coefficient === null ? null : Math.round(input.coefficient * 10);
    return issue(context, input, "grantAllowance", async ({ manager, dossier, today }) => {
      const person = await personFacts(manager, input.person);
      const existing = await openBenefits(manager, person.personalId);
      refuse(
        checkAllowanceGrant({
          person,
          provinceCode: dossier.provinceCode,
          groupCode: input.groupCode,
          coefficientTenths,
          children: input.children ?? null,
          startMonth: input.startMonth,
          today,
          existing: asOpen(existing),
        }),
        [["personalId", "person.personalId"]],
      );
      const group = allowanceGroup(input.groupCode, dossier.provinceCode, firstDayOf(input.startMonth))!;
      const children = input.children ?? 0;
      const amountTenths = group.perChild ? 10 * children : group.coefficientTenths + 10 * children;
      // One allowance at a time: a running one is adjusted by this decision (NĐ 20/2021 art. 8(1)).
      for (const running of existing) {
        if (running.program === BenefitProgram.SOCIAL_PENSION) continue;
        if (running.endMonth !== null && running.endMonth < input.startMonth) continue;
        await manager.update(
          SocialBenefit,
          { id: running.id },
          { endMonth: addMonths(input.startMonth, -1), endReason: BenefitEndReason.ADJUSTED },
        );
      }
      await manager.insert(SocialBenefit, {
        personalId: person.personalId,
        program: group.program as BenefitProgram,
        groupCode: group.code,
        coefficientTenths: group.coefficientTenths,
        children: children || null,
        amountTenths,
        decisionNo,
        decisionDate: today,
        dossierCode: dossier.code,
        startMonth: input.startMonth,
        endMonth: null,
        endReason: null,
        communeCode: dossier.communeCode,
        provinceCode: dossier.provinceCode,
      });
      return { operation: "social.allowance.grant", subjects: [person.personalId] };
    });
  }

  @Authorized(...ISSUING_ROLES)
  @Mutation(() => socialDesk.Dossier, {
    description:
      "Quyết định trợ cấp hưu trí xã hội — grant the social pension (1.014027): 75+, or 70–74 in a poor or near-poor household; never beside an allowance",
  })
  async grantPension(
    @Arg("input", () => GrantPensionInput) input: GrantPensionInput,
    @Ctx() context: SocialContext,
  ): Promise<SocialDossier> {
    const decisionNo = decisionOf(input.decisionNo);
    return issue(context, input, "grantPension", async ({ manager, dossier, today }) => {
      const person = await personFacts(manager, input.person);
      let household: { classification: HouseholdClassification; year: number } | null = null;
      if (input.householdCode) {
        const year = isMonth(input.startMonth) ? Number(input.startMonth.slice(0, 4)) : 0;
        const found = await manager.findOneBy(SocialHousehold, { code: input.householdCode, year });
        if (!found) throw notFound("SocialHousehold", `${input.householdCode} (${year})`, "householdCode");
        const members = await manager.findBy(SocialHouseholdMember, { householdId: found.id });
        refuse(checkMemberOf({ members }, person.personalId, "householdCode"));
        household = { classification: found.classification, year: found.year };
      }
      refuse(
        checkPensionGrant({
          person,
          provinceCode: dossier.provinceCode,
          startMonth: input.startMonth,
          today,
          household,
          existing: asOpen(await openBenefits(manager, person.personalId)),
        }),
        [
          ["personalId", "person.personalId"],
          ["household", "householdCode"],
        ],
      );
      await manager.insert(SocialBenefit, {
        personalId: person.personalId,
        program: BenefitProgram.SOCIAL_PENSION,
        groupCode: null,
        coefficientTenths: null,
        children: null,
        amountTenths: 0,
        decisionNo,
        decisionDate: today,
        dossierCode: dossier.code,
        startMonth: input.startMonth,
        endMonth: null,
        endReason: null,
        communeCode: dossier.communeCode,
        provinceCode: dossier.provinceCode,
      });
      return { operation: "social.pension.grant", subjects: [person.personalId] };
    });
  }

  @Authorized(...ISSUING_ROLES)
  @Mutation(() => socialDesk.Dossier, {
    description:
      "Công nhận hộ nghèo, hộ cận nghèo — record a household's review and its classification for the year (1.011607); refused for negative incomes or a head who is not a member",
  })
  async recognizeHousehold(
    @Arg("input", () => RecognizeHouseholdInput) input: RecognizeHouseholdInput,
    @Ctx() context: SocialContext,
  ): Promise<SocialDossier> {
    const decisionNo = decisionOf(input.decisionNo);
    const code = requireText(input.householdCode, "householdCode", 20, "household code");
    return issue(context, input, "recognizeHousehold", async ({ manager, dossier, today }) => {
      refuse(
        checkHousehold({
          members: input.members,
          headPersonalId: input.headPersonalId,
          incomePerCapitaVnd: input.incomePerCapitaVnd,
          deprivationCount: input.deprivationCount,
          year: input.year,
          areaType: input.areaType,
          today,
        }),
      );
      let classified: ReturnType<typeof classifyHousehold>;
      try {
        classified = classifyHousehold(input);
      } catch (error) {
        if (error instanceof RangeError) throw badInput("year", error.message);
        throw error;
      }
      const row = Object.assign(new SocialHousehold(), {
        code,
        year: input.year,
        classification: classified.classification as HouseholdClassification,
        standard: classified.standard,
        incomePerCapitaVnd: input.incomePerCapitaVnd,
        deprivationCount: input.deprivationCount,
        areaType: input.areaType,
        headPersonalId: input.headPersonalId,
        decisionNo,
        dossierCode: dossier.code,
        communeCode: dossier.communeCode,
        provinceCode: dossier.provinceCode,
      });
      try {
        await manager.insert(SocialHousehold, row);
      } catch (error) {
        if (isDuplicateKey(error))
          throw badInput("householdCode", `Household ${code} is already reviewed for ${input.year}`);
        throw error;
      }
      await manager.insert(
        SocialHouseholdMember,
        input.members.map((member) => ({
          householdId: row.id,
          personalId: member.personalId,
          relation: requireText(member.relation, "members.relation", 40, "relation"),
        })),
      );
      return { operation: "social.household.recognize", subjects: input.members.map((member) => member.personalId) };
    });
  }

  @Authorized(...ISSUING_ROLES)
  @Mutation(() => socialDesk.Dossier, {
    description: "Cấp giấy xác nhận khuyết tật — issue (or re-issue) a disability certificate (1.001699, 1.001653)",
  })
  async issueDisabilityCertificate(
    @Arg("input", () => IssueDisabilityCertificateInput) input: IssueDisabilityCertificateInput,
    @Ctx() context: SocialContext,
  ): Promise<SocialDossier> {
    const number = requireText(input.number, "number", 30, "certificate number");
    return issue(context, input, "issueDisabilityCertificate", async ({ manager, dossier, today }) => {
      const person = await personFacts(manager, input.person);
      refuse(checkDisabilityCertificate({ level: input.level, kind: input.kind, issuedOn: today, person, today }), [
        ["personalId", "person.personalId"],
      ]);
      try {
        await manager.insert(DisabilityCertificate, {
          personalId: person.personalId,
          number,
          level: input.level,
          kind: input.kind,
          issuedOn: today,
          dossierCode: dossier.code,
          communeCode: dossier.communeCode,
          provinceCode: dossier.provinceCode,
        });
      } catch (error) {
        if (isDuplicateKey(error)) throw badInput("number", `A certificate numbered ${number} already exists`);
        throw error;
      }
      return { operation: "social.disability.issue", subjects: [person.personalId] };
    });
  }

  @Authorized(...ISSUING_ROLES)
  @Mutation(() => socialDesk.Dossier, {
    description:
      "Quyết định hỗ trợ mai táng — decide the funeral support proposed when a beneficiary's death was registered (1.001731, 1.014028)",
  })
  async decideFuneralSupport(
    @Arg("input", () => DecideFuneralSupportInput) input: DecideFuneralSupportInput,
    @Ctx() context: SocialContext,
  ): Promise<SocialDossier> {
    const decisionNo = decisionOf(input.decisionNo);
    return issue(context, input, "decideFuneralSupport", async ({ manager, dossier }) => {
      const support = await manager.findOneBy(FuneralSupport, { dossierCode: dossier.code });
      if (!support) {
        throw badInput(
          "dossierCode",
          `Dossier ${dossier.code} proposes no funeral support: it comes from a registered death`,
        );
      }
      await manager.update(FuneralSupport, { id: support.id }, { status: FuneralSupportStatus.DECIDED, decisionNo });
      return { operation: "social.funeral.decide", subjects: [support.deceasedPersonalId] };
    });
  }

  @Authorized(Role.COMMUNE_OFFICER, Role.COMMUNE_LEADER, Role.ADMIN)
  @Mutation(() => Boolean, {
    description:
      "Khóa danh sách chi trả — close a commune's roll for `month` (YYYY-MM, at most next month): its lines are paid and the month is frozen; a month closes once",
  })
  async closePaymentRoll(
    @Arg("communeCode", { description: "Mã xã — the commune" }) communeCode: string,
    @Arg("month", { description: "Tháng — YYYY-MM" }) month: string,
    @Ctx() { caller, database, services, requestId }: SocialContext,
  ): Promise<boolean> {
    const provinceCode = services.units.get(communeCode);
    if (!provinceCode) throw notFound("Commune", communeCode, "communeCode");
    if (!socialDesk.policy.canWorkAt(caller, { communeCode, provinceCode })) {
      throw forbidden(`You may not close the social roll of commune ${communeCode}`);
    }
    if (!isMonth(month)) throw badInput("month", `${JSON.stringify(month)} is not a month; write it as YYYY-MM`);
    const now = services.clock();
    const next = addMonths(monthOf(toLocalDate(now)), 1);
    if (month > next) throw badInput("month", `The roll of ${month} cannot be paid yet: the latest is ${next}`);
    await database.transaction(async (manager) => {
      const closed = await manager.findOneBy(SocialRollClosure, { communeCode, month });
      if (closed)
        throw conflict(
          `The roll of ${communeCode} for ${month} was closed at ${closed.closedAt.toISOString()}`,
          "month",
        );
      const lines = await openRollLines(manager, communeCode, month);
      if (lines.length > 0) {
        await manager.insert(
          SocialPayment,
          lines.map((line) => ({
            benefitId: line.benefitId,
            personalId: line.personalId,
            month,
            amountVnd: line.amountVnd,
            program: line.program,
            decisionNo: line.decisionNo,
            paidAt: now,
            status: PaymentStatus.PAID,
            communeCode,
            provinceCode,
          })),
        );
      }
      await manager.insert(SocialRollClosure, {
        communeCode,
        month,
        provinceCode,
        closedAt: now,
        closedBy: caller.subject,
      });
      await writeAudit(manager, caller, requestId, [
        { operation: "social.roll.close", entityType: "Commune", entityIds: [communeCode], outcome: "ALLOWED" },
      ]);
    });
    return true;
  }
}
