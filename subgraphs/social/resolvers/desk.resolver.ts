import { Arg, Ctx, Directive, Field, FieldResolver, Float, Int, ObjectType, Resolver, Root } from "type-graphql";

import { writeAudit } from "../../kit/audit";
import { badInput } from "../../kit/errors";
import { pageSize } from "../../kit/pagination";
import { CitizenRef, socialDesk } from "../desk";
import { SocialPayment } from "../entities/register";
import { BenefitProgram, PaymentStatus } from "../enums";
import type { SocialContext } from "../loaders";
import { isMonth } from "../money";
import { amountOfRows, openRollLines, paidRollLines, type RollLine } from "../roll";

type Desk = InstanceType<typeof socialDesk.Desk>;

@ObjectType("SocialBeneficiaryGroup", {
  description: "Đối tượng theo nhóm — the people paid in a month under one programme and group; aggregates only",
})
export class SocialBeneficiaryGroup {
  @Field(() => BenefitProgram, { description: "Chế độ — the programme" })
  program: BenefitProgram;

  @Field(() => String, { nullable: true, description: "Nhóm đối tượng — the allowance group; none for the pension" })
  groupCode: string | null;

  @Field(() => Int, { description: "Số người — people paid" })
  people: number;

  @Field(() => Float, { description: "Số tiền — their amount for the month, whole VND" })
  amountVnd: number;
}

@ObjectType("SocialRollLine", { description: "Dòng danh sách chi trả — one person's line on a month's roll" })
export class SocialRollLine {
  line: RollLine;

  @Field(() => CitizenRef, { description: "Người hưởng — the beneficiary" })
  get citizen(): CitizenRef {
    return CitizenRef.of(this.line.personalId);
  }

  @Field(() => BenefitProgram, { description: "Chế độ — the programme" })
  get program(): BenefitProgram {
    return this.line.program;
  }

  @Field(() => String, { nullable: true, description: "Nhóm đối tượng — the allowance group" })
  get groupCode(): string | null {
    return this.line.groupCode;
  }

  @Field(() => Float, { description: "Số tiền — the amount, whole VND" })
  get amountVnd(): number {
    return this.line.amountVnd;
  }

  @Field({ description: "Số quyết định — the decision the amount comes from" })
  get decisionNo(): string {
    return this.line.decisionNo;
  }

  @Field(() => PaymentStatus, { nullable: true, description: "Trạng thái — once the month is paid" })
  get status(): PaymentStatus | null {
    return this.line.status;
  }
}

@ObjectType("SocialPaymentRoll", {
  description:
    "Danh sách chi trả — a month's payment roll: computed from the running decisions while open, the payments once closed (frozen)",
})
export class SocialPaymentRoll {
  desk: Desk;

  @Field({ description: "Tháng — YYYY-MM" })
  month: string;

  @Field({ description: "Đã khóa — closed and paid: the roll is what was paid (for a province: every commune closed)" })
  frozen: boolean;

  @Field(() => Int, { description: "Số dòng — people on the roll" })
  lineCount: number;

  @Field(() => Float, { description: "Tổng tiền — the roll's total, whole VND" })
  totalVnd: number;
}

const requireMonth = (month: string, field = "month"): string => {
  if (!isMonth(month)) throw badInput(field, `${JSON.stringify(month)} is not a month; write it as YYYY-MM`);
  return month;
};

@Resolver(() => SocialPaymentRoll)
export class SocialPaymentRollResolver {
  @FieldResolver(() => [SocialRollLine], {
    description:
      "Dòng — the roll's lines by personal ID, one page (a commune's roll; names people: the desk, its city officers, admins; audited)",
  })
  async lines(
    @Root() roll: SocialPaymentRoll,
    @Ctx() { caller, services, database, requestId }: SocialContext,
    @Arg("first", () => Int, { nullable: true, description: "Số dòng — 1 to 100 (default 20)" }) first?: number,
    @Arg("after", () => String, { nullable: true, description: "Sau — the last personal ID of the previous page" })
    after?: string,
  ): Promise<SocialRollLine[]> {
    socialDesk.policy.listAccess(caller, roll.desk.scope, services.units);
    if (roll.desk.scope.kind !== "COMMUNE") {
      throw badInput("lines", "A roll's lines are read per commune: ask each commune's roll");
    }
    const size = pageSize(first);
    const manager = database.dataSource.manager;
    const page = { after: after ?? undefined, size };
    const lines = (
      roll.frozen
        ? await paidRollLines(manager, roll.desk.scope.code, roll.month, page)
        : await openRollLines(manager, roll.desk.scope.code, roll.month, page)
    ).slice(0, size);
    if (lines.length > 0) {
      await writeAudit(manager, caller, requestId, [
        {
          operation: "social.roll.read",
          entityType: "Citizen",
          entityIds: lines.map((l) => l.personalId),
          outcome: "ALLOWED",
        },
      ]);
    }
    return lines.map((line) => Object.assign(new SocialRollLine(), { line }));
  }
}

/** The social desk's own figures and lists, beside the kit's dossier figures. */
@Resolver(() => socialDesk.Desk)
export class SocialDeskResolver {
  @Directive("@listSize(assumedSize: 30)")
  @FieldResolver(() => [SocialBeneficiaryGroup], {
    description:
      "Đối tượng theo nhóm — people paid in `month` (YYYY-MM) by programme and group, with their amount; same access as `stats`; one grouped statement for any number of desks",
  })
  async beneficiaries(
    @Root() desk: Desk,
    @Arg("month", { description: "Tháng — YYYY-MM" }) month: string,
    @Ctx() { caller, loaders, services }: SocialContext,
  ): Promise<SocialBeneficiaryGroup[]> {
    requireMonth(month);
    const { restrictToProvince } = socialDesk.policy.statsAccess(caller, desk.scope, services.units);
    const province = desk.scope.kind === "PROVINCE" ? desk.scope.code : services.units.get(desk.scope.code);
    const rows = await loaders.beneficiaries.load({
      key: desk.scope.code,
      kind: desk.scope.kind,
      month,
      ...(restrictToProvince ? { restrict: restrictToProvince } : {}),
    });
    return rows.map((row) =>
      Object.assign(new SocialBeneficiaryGroup(), {
        program: row.program as BenefitProgram,
        groupCode: row.groupCode,
        people: row.people,
        amountVnd: province ? amountOfRows([row], province, month) : 0,
      }),
    );
  }

  @FieldResolver(() => SocialPaymentRoll, {
    description:
      "Danh sách chi trả — the payment roll of `month` (YYYY-MM): totals for anyone who may read `stats`, lines for the desk; a commune's closed month is frozen",
  })
  async paymentRoll(
    @Root() desk: Desk,
    @Arg("month", { description: "Tháng — YYYY-MM" }) month: string,
    @Ctx() { caller, loaders, services }: SocialContext,
  ): Promise<SocialPaymentRoll> {
    requireMonth(month);
    socialDesk.policy.statsAccess(caller, desk.scope, services.units);
    const totals = await loaders.rollTotals.load({ key: desk.scope.code, kind: desk.scope.kind, month });
    return Object.assign(new SocialPaymentRoll(), { desk, month, ...totals });
  }

  @Directive("@listSize(assumedSize: 20)")
  @FieldResolver(() => [SocialPayment], {
    description:
      "Khoản chi sai cần thu hồi — payments made for months after a benefit stopped with the person's death, oldest first; for the desk and its city officers; audited",
  })
  async overpayments(
    @Root() desk: Desk,
    @Ctx() { caller, services, database, requestId }: SocialContext,
    @Arg("first", () => Int, { nullable: true, description: "Số mục — 1 to 100 (default 20)" }) first?: number,
  ): Promise<SocialPayment[]> {
    socialDesk.policy.listAccess(caller, desk.scope, services.units);
    const manager = database.dataSource.manager;
    const rows = await manager.find(SocialPayment, {
      where: {
        status: PaymentStatus.OVERPAID_AFTER_DEATH,
        ...(desk.scope.kind === "COMMUNE" ? { communeCode: desk.scope.code } : { provinceCode: desk.scope.code }),
      },
      order: { month: "ASC", id: "ASC" },
      take: pageSize(first),
    });
    if (rows.length > 0) {
      await writeAudit(manager, caller, requestId, [
        {
          operation: "social.overpayments.read",
          entityType: "Citizen",
          entityIds: rows.map((r) => r.personalId),
          outcome: "ALLOWED",
        },
      ]);
    }
    return rows;
  }
}

@Resolver(() => SocialPayment)
export class SocialPaymentResolver {
  @FieldResolver(() => CitizenRef, { description: "Người hưởng — the person paid" })
  citizen(@Root() payment: SocialPayment): CitizenRef {
    return CitizenRef.of(payment.personalId);
  }
}
