import { Arg, Authorized, Ctx, Directive, FieldResolver, ID, Int, Query, Resolver, Root } from "type-graphql";

import { writeAudit } from "../../kit/audit";
import { Role } from "../../kit/caller";
import { forbidden, notFound } from "../../kit/errors";
import { CitizenRef, landDesk } from "../desk";
import { LandCertificate, LandCertificateEndorsement, LandCertificateHolder } from "../entities/certificate";
import { ConstructionPermit } from "../entities/construction-permit";
import { LandEncumbrance } from "../entities/encumbrance";
import { LandUse } from "../entities/land-use";
import { LandParcel } from "../entities/parcel";
import type { LandContext } from "../loaders";
import { findParcel } from "../register";
import { requireParcelKey } from "./checks";

/** Who may read a parcel and the people on it: its desk and city officers in the land field, its holders, admins. */
const mayReadParcel = (context: LandContext, parcel: LandParcel, holderIds: readonly string[]): boolean => {
  const { caller } = context;
  if (caller.role === Role.CITIZEN) return caller.personalId !== undefined && holderIds.includes(caller.personalId);
  return landDesk.policy.canReadAt(caller, parcel);
};

@Resolver(() => LandParcel)
export class LandParcelResolver {
  @Authorized()
  @Query(() => LandParcel, {
    nullable: true,
    description:
      "Thửa đất — one parcel by map unit, sheet and number, with its uses, certificates, holders, encumbrances and permits; for its commune's land desk, its city officers, its holders and admins; audited",
  })
  async landParcel(
    @Arg("mapUnitCode", () => ID, { description: "Đơn vị bản đồ — the 5-digit commune whose map numbers the sheet" })
    mapUnitCode: string,
    @Arg("mapSheet", () => Int, { description: "Số tờ bản đồ" }) mapSheet: number,
    @Arg("parcelNumber", () => Int, { description: "Số thửa" }) parcelNumber: number,
    @Ctx() context: LandContext,
  ): Promise<LandParcel> {
    const key = requireParcelKey({ mapUnitCode, mapSheet, parcelNumber }, "");
    const { database, loaders, caller, requestId } = context;
    const parcel = await findParcel(database.dataSource.manager, database.kind, key);
    if (!parcel) throw notFound("LandParcel", `${mapUnitCode}/${mapSheet}/${parcelNumber}`);
    const valid = (await loaders.certificates.load(parcel.id)).find((certificate) => certificate.status === "VALID");
    const holderIds = valid ? (await loaders.holders.load(valid.id)).map((holder) => holder.personalId) : [];
    const allowed = mayReadParcel(context, parcel, holderIds);
    const outcome = allowed ? "ALLOWED" : "DENIED";
    // The holders' own access log lists every read of their parcel, allowed or not.
    await writeAudit(
      database.dataSource.manager,
      caller,
      requestId,
      [
        { operation: "parcel.read", entityType: "LandParcel", entityIds: [String(parcel.id)], outcome } as const,
        { operation: "parcel.read", entityType: "Citizen", entityIds: holderIds, outcome } as const,
      ].filter((entry) => entry.entityIds.length > 0),
    );
    if (!allowed) throw forbidden(`You may not see parcel ${mapUnitCode}/${mapSheet}/${parcelNumber}`);
    return parcel;
  }

  // A parcel carries a few uses (residential and garden, say).
  @Directive("@listSize(assumedSize: 5)")
  @FieldResolver(() => [LandUse], { description: "Mục đích sử dụng — the parcel's uses" })
  uses(@Root() parcel: LandParcel, @Ctx() { loaders }: LandContext): Promise<LandUse[]> {
    return loaders.uses.load(parcel.id);
  }

  // Every certificate a parcel ever had: first issue, then one per change, exchange or re-issue.
  @Directive("@listSize(assumedSize: 20)")
  @FieldResolver(() => [LandCertificate], { description: "Giấy chứng nhận — every certificate, newest first" })
  async certificates(@Root() parcel: LandParcel, @Ctx() { loaders }: LandContext): Promise<LandCertificate[]> {
    return [...(await loaders.certificates.load(parcel.id))].reverse();
  }

  @FieldResolver(() => LandCertificate, {
    nullable: true,
    description: "GCN hiện hành — the valid certificate, if any",
  })
  async validCertificate(@Root() parcel: LandParcel, @Ctx() { loaders }: LandContext): Promise<LandCertificate | null> {
    return (await loaders.certificates.load(parcel.id)).find((certificate) => certificate.status === "VALID") ?? null;
  }

  @Directive("@listSize(assumedSize: 10)")
  @FieldResolver(() => [LandEncumbrance], { description: "Hạn chế — every encumbrance recorded, past ones included" })
  encumbrances(@Root() parcel: LandParcel, @Ctx() { loaders }: LandContext): Promise<LandEncumbrance[]> {
    return loaders.encumbrances.load(parcel.id);
  }

  @Directive("@listSize(assumedSize: 10)")
  @FieldResolver(() => [ConstructionPermit], { description: "Giấy phép xây dựng — permits issued for works on it" })
  permits(@Root() parcel: LandParcel, @Ctx() { loaders }: LandContext): Promise<ConstructionPermit[]> {
    return loaders.permits.load(parcel.id);
  }
}

@Resolver(() => LandCertificate)
export class LandCertificateResolver {
  // A household, or co-owners: a handful of names on one certificate.
  @Directive("@listSize(assumedSize: 10)")
  @FieldResolver(() => [LandCertificateHolder], { description: "Người sử dụng đất — the holders named" })
  holders(@Root() certificate: LandCertificate, @Ctx() { loaders }: LandContext): Promise<LandCertificateHolder[]> {
    return loaders.holders.load(certificate.id);
  }

  @Directive("@listSize(assumedSize: 20)")
  @FieldResolver(() => [LandCertificateEndorsement], { description: "Chỉnh lý — endorsements, oldest first" })
  endorsements(
    @Root() certificate: LandCertificate,
    @Ctx() { loaders }: LandContext,
  ): Promise<LandCertificateEndorsement[]> {
    return loaders.endorsements.load(certificate.id);
  }

  @FieldResolver(() => LandParcel, { description: "Thửa đất — the parcel it certifies" })
  async parcel(@Root() certificate: LandCertificate, @Ctx() { loaders }: LandContext): Promise<LandParcel> {
    return (await loaders.parcel.load(certificate.parcelId)) as LandParcel;
  }
}

@Resolver(() => LandCertificateHolder)
export class LandCertificateHolderResolver {
  @FieldResolver(() => CitizenRef, { description: "Công dân — the holder, read from the population reference" })
  citizen(@Root() holder: LandCertificateHolder): CitizenRef {
    return CitizenRef.of(holder.personalId);
  }
}

@Resolver(() => ConstructionPermit)
export class ConstructionPermitResolver {
  @FieldResolver(() => CitizenRef, { description: "Chủ đầu tư — the permit's holder" })
  holder(@Root() permit: ConstructionPermit): CitizenRef {
    return CitizenRef.of(permit.holderPersonalId);
  }

  @FieldResolver(() => LandParcel, { description: "Thửa đất — the parcel the work stands on" })
  async parcel(@Root() permit: ConstructionPermit, @Ctx() { loaders }: LandContext): Promise<LandParcel> {
    return (await loaders.parcel.load(permit.parcelId)) as LandParcel;
  }
}
