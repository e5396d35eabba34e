import { Arg, Ctx, Directive, Field, FieldResolver, Float, Int, ObjectType, Resolver, Root } from "type-graphql";

import { AccessLogConnection, type AccessLogEntry } from "../../kit/audit";
import { toLocalDate } from "../../kit/calendar";
import type { Connection } from "../../kit/pagination";
import { DateScalar } from "../../kit/scalars";
import { CitizenRef, socialDesk } from "../desk";
import {
  DisabilityCertificate,
  FuneralSupport,
  SocialBenefit,
  SocialHousehold,
  SocialPayment,
} from "../entities/register";
import { BenefitProgram } from "../enums";
import type { CitizenSocialRecords, SocialContext } from "../loaders";
import { monthOf } from "../money";
import { amountOf } from "../roll";

/** Thành viên hộ: one member of a household, by key. */
@ObjectType("SocialHouseholdMember", { description: "Thành viên hộ — one member of a household" })
export class SocialHouseholdMemberView {
  @Field({ description: "Quan hệ với chủ hộ — relation to the head" })
  relation: string;

  @Field(() => CitizenRef, { description: "Công dân — the member" })
  citizen: CitizenRef;
}

/** Văn hóa – xã hội của công dân: what social affairs holds of one person. */
@ObjectType("CitizenSocial", {
  description:
    "Văn hóa – xã hội của công dân — a person's benefits, pension, household, disability certificate and payments",
})
export class CitizenSocial {
  records: CitizenSocialRecords;
}

const running = (benefit: SocialBenefit, month: string) =>
  benefit.startMonth <= month && (benefit.endMonth === null || benefit.endMonth >= month);

@Resolver(() => CitizenRef)
export class CitizenSocialNamespaceResolver {
  // Nullable so that a refusal here leaves the rest of the citizen (the registry's fields) readable.
  @FieldResolver(() => CitizenSocial, {
    nullable: true,
    description:
      "Văn hóa – xã hội — the person's benefits, pension, household, disability certificate and payments; for the person, the social desks and city officers of a place that holds something of theirs, admins; audited",
  })
  async social(@Root() citizen: CitizenRef, @Ctx() { loaders }: SocialContext): Promise<CitizenSocial> {
    const records = await loaders.citizenSocial.load(citizen.personalId);
    if (records instanceof Error) throw records;
    return Object.assign(new CitizenSocial(), {
      records: records ?? {
        personalId: citizen.personalId,
        person: null,
        benefits: [],
        payments: [],
        households: [],
        disabilityCertificates: [],
        funeralSupport: null,
        places: [],
      },
    });
  }
}

@Resolver(() => CitizenSocial)
export class CitizenSocialResolver {
  @Directive("@listSize(assumedSize: 10)")
  @FieldResolver(() => [SocialBenefit], {
    description: "Chế độ — every benefit decision for the person, running or stopped, oldest first",
  })
  benefits(@Root() { records }: CitizenSocial): SocialBenefit[] {
    return records.benefits;
  }

  @FieldResolver(() => SocialBenefit, {
    nullable: true,
    description: "Trợ cấp hưu trí xã hội — the social pension running this month, if any",
  })
  pension(@Root() { records }: CitizenSocial, @Ctx() { services }: SocialContext): SocialBenefit | null {
    const month = monthOf(toLocalDate(services.clock()));
    return (
      records.benefits.find(
        (benefit) => benefit.program === BenefitProgram.SOCIAL_PENSION && running(benefit, month),
      ) ?? null
    );
  }

  @FieldResolver(() => Float, {
    description:
      "Số tiền tháng này — what the person is paid this month, whole VND: the running decision (never a pension and an allowance together); 0 when none runs",
  })
  monthlyAmountVnd(@Root() { records }: CitizenSocial, @Ctx() { services }: SocialContext): number {
    const month = monthOf(toLocalDate(services.clock()));
    const amounts = records.benefits.filter((benefit) => running(benefit, month)).map((b) => amountOf(b, month));
    return amounts.length === 0 ? 0 : Math.max(...amounts);
  }

  @FieldResolver(() => SocialHousehold, {
    nullable: true,
    description: "Hộ gia đình — the person's household as last reviewed, with its poverty classification",
  })
  household(@Root() { records }: CitizenSocial): SocialHousehold | null {
    return records.households[0]?.household ?? null;
  }

  @FieldResolver(() => DisabilityCertificate, {
    nullable: true,
    description: "Giấy xác nhận khuyết tật — the latest disability certificate",
  })
  disabilityCertificate(@Root() { records }: CitizenSocial): DisabilityCertificate | null {
    return records.disabilityCertificates.at(-1) ?? null;
  }

  @Directive("@listSize(assumedSize: 24)")
  @FieldResolver(() => [SocialPayment], { description: "Chi trả — every month paid, oldest first" })
  payments(@Root() { records }: CitizenSocial): SocialPayment[] {
    return records.payments;
  }

  @FieldResolver(() => FuneralSupport, {
    nullable: true,
    description: "Hỗ trợ mai táng — funeral support proposed or decided after the person's death",
  })
  funeralSupport(@Root() { records }: CitizenSocial): FuneralSupport | null {
    return records.funeralSupport;
  }

  @FieldResolver(() => DateScalar, {
    nullable: true,
    description: "Ngày chết — as civil status reported it; benefits stop from the month after",
  })
  deceasedOn(@Root() { records }: CitizenSocial): string | null {
    return records.person?.deceasedOn ?? null;
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: "Người có công — the merit category, when the person has one (read only: paid by the province)",
  })
  meritCategory(@Root() { records }: CitizenSocial): string | null {
    return records.person?.meritCategory ?? null;
  }

  @FieldResolver(() => socialDesk.DossierConnection, {
    description:
      "Hồ sơ — the social dossiers the person filed, newest first; a desk sees those kept at its commune, a city officer those of its province",
  })
  dossiers(
    @Root() { records }: CitizenSocial,
    @Ctx() context: SocialContext,
    @Arg("first", () => Int, { nullable: true, description: "Số hồ sơ mỗi trang — 1 to 100 (default 20)" })
    first?: number,
    @Arg("after", () => String, { nullable: true, description: "Sau con trỏ — endCursor of the previous page" })
    after?: string,
  ) {
    return socialDesk.applicantDossiers(context, records.personalId, first, after);
  }

  @FieldResolver(() => AccessLogConnection, {
    description:
      "Nhật ký truy cập — who read or wrote the person's social records and dossiers, newest first; for the person themselves and admins",
  })
  accessLog(
    @Root() { records }: CitizenSocial,
    @Ctx() context: SocialContext,
    @Arg("first", () => Int, { nullable: true, description: "Số mục mỗi trang — 1 to 100 (default 20)" })
    first?: number,
    @Arg("after", () => String, { nullable: true, description: "Sau con trỏ — endCursor of the previous page" })
    after?: string,
  ): Promise<Connection<AccessLogEntry>> {
    return socialDesk.accessLog(context, records.personalId, first, after);
  }
}

@Resolver(() => SocialHousehold)
export class SocialHouseholdResolver {
  @Directive("@listSize(assumedSize: 10)")
  @FieldResolver(() => [SocialHouseholdMemberView], { description: "Thành viên — the household's members" })
  async members(
    @Root() household: SocialHousehold,
    @Ctx() { loaders }: SocialContext,
  ): Promise<SocialHouseholdMemberView[]> {
    return (await loaders.householdMembers.load(household.id)).map((member) =>
      Object.assign(new SocialHouseholdMemberView(), {
        relation: member.relation,
        citizen: CitizenRef.of(member.personalId),
      }),
    );
  }

  @FieldResolver(() => CitizenRef, { description: "Chủ hộ — the head of the household" })
  head(@Root() household: SocialHousehold): CitizenRef {
    return CitizenRef.of(household.headPersonalId);
  }
}

@Resolver(() => SocialBenefit)
export class SocialBenefitResolver {
  @FieldResolver(() => Float, {
    description: "Số tiền hằng tháng — the monthly amount this month (or in its last month), whole VND",
  })
  monthlyAmountVnd(@Root() benefit: SocialBenefit, @Ctx() { services }: SocialContext): number {
    const month = monthOf(toLocalDate(services.clock()));
    const at =
      benefit.endMonth !== null && benefit.endMonth < month
        ? benefit.endMonth
        : month < benefit.startMonth
          ? benefit.startMonth
          : month;
    return amountOf(benefit, at);
  }
}
