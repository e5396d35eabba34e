import { Arg, Ctx, Directive, FieldResolver, Int, ObjectType, Resolver, Root } from "type-graphql";

import { AccessLogConnection, type AccessLogEntry } from "../../kit/audit";
import { DossierStatus, ENDED_STATES } from "../../kit/dossier/status";
import type { Connection } from "../../kit/pagination";
import { DateScalar } from "../../kit/scalars";
import { CitizenRef, landDesk } from "../desk";
import { LandCertificate } from "../entities/certificate";
import { ConstructionPermit } from "../entities/construction-permit";
import type { LandDossier } from "../entities/land-dossier";
import { LandParcel } from "../entities/parcel";
import { HolderRole } from "../enums";
import type { CitizenLandRecords, HeldRight, LandContext } from "../loaders";

/** Quyền sử dụng đất của công dân: one right a person holds, as their line on a valid certificate. */
@ObjectType("LandRight", {
  description: "Quyền sử dụng đất — a right the person holds: a valid certificate naming them",
})
export class LandRight {
  right: HeldRight;
}

/** Đất đai của công dân: what the land register and desks hold of one person. */
@ObjectType("CitizenLand", {
  description: "Đất đai – xây dựng của công dân — a person's land rights, construction permits and land dossiers",
})
export class CitizenLand {
  records: CitizenLandRecords;
}

/** The dossier states still open: the desk is working, or waiting for the citizen. */
const OPEN_STATES = Object.values(DossierStatus).filter((status) => !ENDED_STATES.includes(status));

@Resolver(() => CitizenRef)
export class CitizenLandNamespaceResolver {
  // Nullable so that a refusal here leaves the rest of the citizen (the registry's fields) readable.
  @FieldResolver(() => CitizenLand, {
    nullable: true,
    description:
      "Đất đai – xây dựng — the person's land rights, permits and dossiers; for the person, the land desks and city officers of a place that holds something of theirs, admins; audited",
  })
  async land(@Root() citizen: CitizenRef, @Ctx() { loaders }: LandContext): Promise<CitizenLand> {
    const records = await loaders.citizenLand.load(citizen.personalId);
    if (records instanceof Error) throw records;
    return Object.assign(new CitizenLand(), {
      records: records ?? { personalId: citizen.personalId, rights: [], permits: [], places: [] },
    });
  }
}

@Resolver(() => CitizenLand)
export class CitizenLandResolver {
  // The parcels one person holds rights on: a handful.
  @Directive("@listSize(assumedSize: 20)")
  @FieldResolver(() => [LandRight], { description: "Quyền sử dụng đất — the valid certificates naming the person" })
  rights(@Root() { records }: CitizenLand): LandRight[] {
    return records.rights.map((right) => Object.assign(new LandRight(), { right }));
  }

  @Directive("@listSize(assumedSize: 10)")
  @FieldResolver(() => [ConstructionPermit], { description: "Giấy phép xây dựng — permits issued to the person" })
  permits(@Root() { records }: CitizenLand): ConstructionPermit[] {
    return records.permits;
  }

  @FieldResolver(() => landDesk.DossierConnection, {
    description:
      "Hồ sơ — the land dossiers the person filed, newest first; a desk sees those kept at its commune, a city officer those of its province",
  })
  dossiers(
    @Root() { records }: CitizenLand,
    @Ctx() context: LandContext,
    @Arg("first", () => Int, { nullable: true, description: "Số hồ sơ mỗi trang — 1 to 100 (default 20)" })
    first?: number,
    @Arg("after", () => String, { nullable: true, description: "Sau con trỏ — endCursor of the previous page" })
    after?: string,
  ): Promise<Connection<LandDossier>> {
    return landDesk.applicantDossiers(context, records.personalId, first, after);
  }

  @FieldResolver(() => landDesk.DossierConnection, {
    description: "Hồ sơ đang giải quyết — the person's land dossiers not yet ended, newest first; seen as `dossiers`",
  })
  openDossiers(
    @Root() { records }: CitizenLand,
    @Ctx() context: LandContext,
    @Arg("first", () => Int, { nullable: true, description: "Số hồ sơ mỗi trang — 1 to 100 (default 20)" })
    first?: number,
    @Arg("after", () => String, { nullable: true, description: "Sau con trỏ — endCursor of the previous page" })
    after?: string,
  ): Promise<Connection<LandDossier>> {
    return landDesk.applicantDossiers(context, records.personalId, first, after, { statuses: OPEN_STATES });
  }

  @FieldResolver(() => AccessLogConnection, {
    description:
      "Nhật ký truy cập — who read or wrote the person's land records and dossiers, newest first; for the person themselves and admins",
  })
  accessLog(
    @Root() { records }: CitizenLand,
    @Ctx() context: LandContext,
    @Arg("first", () => Int, { nullable: true, description: "Số mục mỗi trang — 1 to 100 (default 20)" })
    first?: number,
    @Arg("after", () => String, { nullable: true, description: "Sau con trỏ — endCursor of the previous page" })
    after?: string,
  ): Promise<Connection<AccessLogEntry>> {
    return landDesk.accessLog(context, records.personalId, first, after);
  }
}

@Resolver(() => LandRight)
export class LandRightResolver {
  @FieldResolver(() => HolderRole, { description: "Tư cách — how the person is named on the certificate" })
  role(@Root() { right }: LandRight): HolderRole {
    return right.holder.role;
  }

  @FieldResolver(() => DateScalar, { nullable: true, description: "Ngày chết — set when the holder has died" })
  deceasedOn(@Root() { right }: LandRight): string | null {
    return right.holder.deceasedOn;
  }

  @FieldResolver(() => LandCertificate, { description: "Giấy chứng nhận — the certificate" })
  certificate(@Root() { right }: LandRight): LandCertificate {
    return right.certificate;
  }

  @FieldResolver(() => LandParcel, { description: "Thửa đất — the parcel" })
  async parcel(@Root() { right }: LandRight, @Ctx() { loaders }: LandContext): Promise<LandParcel> {
    return (await loaders.parcel.load(right.certificate.parcelId)) as LandParcel;
  }
}
