import { Arg, Ctx, Directive, Field, FieldResolver, Int, ObjectType, Resolver, Root } from "type-graphql";

import { badInput } from "../../kit/errors";
import { pageSize } from "../../kit/pagination";
import { DateScalar } from "../../kit/scalars";
import { CitizenRef, landDesk } from "../desk";
import { LandCertificate, LandCertificateHolder } from "../entities/certificate";
import { HolderRole, PermitKind } from "../enums";
import type { LandContext } from "../loaders";

type Desk = InstanceType<typeof landDesk.Desk>;

@ObjectType("LandPermitKindCount", { description: "Giấy phép theo loại — permits issued of one kind" })
export class LandPermitKindCount {
  @Field(() => PermitKind, { description: "Loại giấy phép" })
  kind: PermitKind;

  @Field(() => Int, { description: "Số giấy phép — how many" })
  count: number;
}

@ObjectType("LandRegisterStats", {
  description: "Số liệu sổ địa chính — what the land register recorded in a period; aggregates only",
})
export class LandRegisterStats {
  @Field(() => Int, {
    description: "GCN đã cấp — certificates issued (first, after a change, exchange, re-issue, split)",
  })
  certificatesIssued: number;

  @Field(() => Int, { description: "Chuyển quyền — sales, gifts, inheritances and capital contributions registered" })
  transfers: number;

  @Field(() => Int, { description: "Giấy phép xây dựng — construction permits issued" })
  permitsIssued: number;

  // The permit kinds of NĐ 217/2026: new, repair, relocation, temporary.
  @Directive("@listSize(assumedSize: 4)")
  @Field(() => [LandPermitKindCount], { description: "Theo loại — permits issued by kind, kinds with none left out" })
  permitsByKind: LandPermitKindCount[];
}

@ObjectType("LandDeceasedHolding", {
  description:
    "Quyền của người đã chết — a valid certificate naming a holder who has died; the right awaits inheritance",
})
export class LandDeceasedHolding {
  holder: LandCertificateHolder;
  certificate: LandCertificate;

  @Field(() => HolderRole, { description: "Tư cách — how the deceased is named" })
  get role(): HolderRole {
    return this.holder.role;
  }

  @Field(() => DateScalar, { description: "Ngày chết — the date of death" })
  get deceasedOn(): string {
    return this.holder.deceasedOn as string;
  }

  @Field(() => LandCertificate, { description: "Giấy chứng nhận — the certificate" })
  get validCertificate(): LandCertificate {
    return this.certificate;
  }
}

@Resolver(() => LandDeceasedHolding)
export class LandDeceasedHoldingResolver {
  @FieldResolver(() => CitizenRef, { description: "Người đã chết — the deceased holder" })
  citizen(@Root() holding: LandDeceasedHolding): CitizenRef {
    return CitizenRef.of(holding.holder.personalId);
  }
}

/** The land desk's own figures and lists, beside the kit's dossier figures. */
@Resolver(() => landDesk.Desk)
export class LandDeskResolver {
  @FieldResolver(() => LandRegisterStats, {
    description:
      "Số liệu sổ địa chính — certificates issued, transfers and construction permits by kind from `from` to `to` (local dates, inclusive); same access as `stats`; one grouped statement for any number of desks",
  })
  async registerStats(
    @Root() desk: Desk,
    @Arg("from", () => DateScalar, { description: "Từ ngày — first day" }) from: string,
    @Arg("to", () => DateScalar, { description: "Đến ngày — last day, inclusive" }) to: string,
    @Ctx() { caller, loaders, services }: LandContext,
  ): Promise<LandRegisterStats> {
    if (to < from) throw badInput("to", `to (${to}) is before from (${from})`);
    const { restrictToProvince } = landDesk.policy.statsAccess(caller, desk.scope, services.units);
    const rows = await loaders.registerStats.load({
      key: desk.scope.code,
      kind: desk.scope.kind,
      from,
      to,
      ...(restrictToProvince ? { restrict: restrictToProvince } : {}),
    });
    const sum = (metric: string) =>
      rows.filter((row) => row.metric === metric).reduce((total, row) => total + row.count, 0);
    const permitsByKind = Object.values(PermitKind)
      .map((kind) => {
        const count = rows
          .filter((row) => row.metric === "PERMIT" && row.kind === kind)
          .reduce((total, row) => total + row.count, 0);
        return Object.assign(new LandPermitKindCount(), { kind, count });
      })
      .filter((entry) => entry.count > 0);
    return Object.assign(new LandRegisterStats(), {
      certificatesIssued: sum("CERTIFICATE"),
      transfers: sum("TRANSFER"),
      permitsIssued: sum("PERMIT"),
      permitsByKind,
    });
  }

  @FieldResolver(() => [LandDeceasedHolding], {
    description:
      "Quyền của người đã chết — valid certificates at the desk naming a holder who has died, latest death first; for the desk and its city officers; audited",
  })
  async rightsOfDeceased(
    @Root() desk: Desk,
    @Ctx() { caller, services, loaders }: LandContext,
    @Arg("first", () => Int, { nullable: true, description: "Số mục — 1 to 100 (default 20)" }) first?: number,
  ): Promise<LandDeceasedHolding[]> {
    const size = pageSize(first);
    landDesk.policy.listAccess(caller, desk.scope, services.units);
    const holders = await loaders.deceasedHoldings.load({ key: desk.scope.code, kind: desk.scope.kind, size });
    const certificates = await Promise.all(holders.map((holder) => loaders.certificateById.load(holder.certificateId)));
    const byId = new Map(certificates.filter((c) => c !== null).map((certificate) => [certificate.id, certificate]));
    return holders.map((holder) =>
      Object.assign(new LandDeceasedHolding(), { holder, certificate: byId.get(holder.certificateId) }),
    );
  }
}
