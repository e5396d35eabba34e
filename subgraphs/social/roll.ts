import { type EntityManager, In } from "typeorm";

import { SocialBenefit, SocialPayment } from "./entities/register";
import type { PaymentStatus } from "./enums";
import { BenefitProgram } from "./enums";
import type { BeneficiaryRow } from "./loaders";
import { amountFor, baseLevel, firstDayOf, socialPension } from "./money";

/**
 * The monthly payment roll (danh sách chi trả). An open month is computed from the decisions
 * running that month, on the base level and pension in force on the month's first day, so the
 * same month computed twice gives the same roll. Closing a month writes what was paid; from then
 * on the month's roll is those payments, frozen, whatever decisions change later.
 */

/** One benefit's amount for one month, in whole VND. */
export const amountOf = (
  benefit: Pick<SocialBenefit, "program" | "amountTenths" | "provinceCode">,
  month: string,
): number =>
  benefit.program === BenefitProgram.SOCIAL_PENSION
    ? socialPension(benefit.provinceCode, month).amountVnd
    : amountFor(baseLevel(benefit.provinceCode, firstDayOf(month)).vnd, benefit.amountTenths);

/** The amount of grouped beneficiary rows of one province for one month. */
export const amountOfRows = (rows: readonly BeneficiaryRow[], provinceCode: string, month: string): number =>
  rows.reduce(
    (total, row) =>
      total +
      (row.program === BenefitProgram.SOCIAL_PENSION
        ? row.people * socialPension(provinceCode, month).amountVnd
        : amountFor(baseLevel(provinceCode, firstDayOf(month)).vnd, row.amountTenths)),
    0,
  );

/** One line of a roll: who, how much, under which decision; `status` once the month is paid. */
export interface RollLine {
  personalId: string;
  program: BenefitProgram;
  groupCode: string | null;
  amountVnd: number;
  decisionNo: string;
  status: PaymentStatus | null;
  benefitId: number;
}

/** The decisions of a commune running in a month, by person (one line each), after `after`. */
export const openRollLines = async (
  manager: EntityManager,
  communeCode: string,
  month: string,
  page?: { after?: string; size: number },
): Promise<RollLine[]> => {
  const query = manager
    .createQueryBuilder(SocialBenefit, "b")
    .where("b.commune_code = :communeCode", { communeCode })
    .andWhere("b.start_month <= :month AND (b.end_month IS NULL OR b.end_month >= :month)", { month })
    .orderBy("b.personal_id", "ASC")
    .addOrderBy("b.id", "ASC");
  if (page?.after) query.andWhere("b.personal_id > :after", { after: page.after });
  if (page) query.limit(page.size + 1);
  const benefits = await query.getMany();
  return benefits.map((benefit) => ({
    personalId: benefit.personalId,
    program: benefit.program,
    groupCode: benefit.groupCode,
    amountVnd: amountOf(benefit, month),
    decisionNo: benefit.decisionNo,
    status: null,
    benefitId: benefit.id,
  }));
};

/** A closed month's lines: what was paid, with what has since become an overpayment. */
export const paidRollLines = async (
  manager: EntityManager,
  communeCode: string,
  month: string,
  page: { after?: string; size: number },
): Promise<RollLine[]> => {
  const query = manager
    .createQueryBuilder(SocialPayment, "p")
    .where("p.commune_code = :communeCode AND p.month = :month", { communeCode, month })
    .orderBy("p.personal_id", "ASC")
    .addOrderBy("p.id", "ASC")
    .limit(page.size + 1);
  if (page.after) query.andWhere("p.personal_id > :after", { after: page.after });
  const payments = await query.getMany();
  const groups = new Map<number, string | null>();
  if (payments.length > 0) {
    const benefits = await manager.findBy(SocialBenefit, {
      id: In([...new Set(payments.map((payment) => payment.benefitId))]),
    });
    for (const benefit of benefits) groups.set(benefit.id, benefit.groupCode);
  }
  return payments.map((payment) => ({
    personalId: payment.personalId,
    program: payment.program,
    groupCode: groups.get(payment.benefitId) ?? null,
    amountVnd: payment.amountVnd,
    decisionNo: payment.decisionNo,
    status: payment.status,
    benefitId: payment.benefitId,
  }));
};
