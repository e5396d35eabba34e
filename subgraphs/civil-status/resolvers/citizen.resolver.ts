import { Arg, Ctx, Directive, FieldResolver, Int, ObjectType, Resolver, Root } from "type-graphql";

import { AccessLogConnection, type AccessLogEntry } from "../../kit/audit";
import { toLocalDate } from "../../kit/calendar";
import type { Connection } from "../../kit/pagination";
import { CitizenRef, civilStatusDesk } from "../desk";
import { BirthRegistration } from "../entities/birth-registration";
import type { CivilStatusDossier } from "../entities/civil-status-dossier";
import { DeathRegistration } from "../entities/death-registration";
import { MaritalStatusCertificate } from "../entities/marital-status-certificate";
import { MarriageRegistration } from "../entities/marriage-registration";
import type { CivilStatusContext } from "../loaders";
import { MaritalStatus } from "../marital-status";
import { type CitizenRegisters, factsOf } from "../registers";
import { maritalStatusOf } from "../rules";

/** Hộ tịch của công dân: what the civil-status registers and desks hold of one person. */
@ObjectType("CitizenCivilStatus", {
  description:
    "Hộ tịch của công dân — a person's civil-status records: birth, marriages, death, certificates, dossiers",
})
export class CitizenCivilStatus {
  registers: CitizenRegisters;
}

@Resolver(() => CitizenRef)
export class CitizenNamespaceResolver {
  // Nullable so that a refusal here leaves the rest of the citizen (the registry's fields) readable.
  @FieldResolver(() => CitizenCivilStatus, {
    nullable: true,
    description:
      "Hộ tịch — the person's civil-status records; for the person, the desks and city officers that hold something of theirs, admins; audited",
  })
  async civilStatus(@Root() citizen: CitizenRef, @Ctx() { loaders }: CivilStatusContext): Promise<CitizenCivilStatus> {
    const registers = await loaders.registers.load(citizen.personalId);
    if (registers instanceof Error) throw registers;
    return Object.assign(new CitizenCivilStatus(), {
      registers: registers ?? {
        personalId: citizen.personalId,
        birth: null,
        death: null,
        marriages: [],
        certificates: [],
        places: [],
      },
    });
  }
}

@Resolver(() => CitizenCivilStatus)
export class CitizenCivilStatusResolver {
  @FieldResolver(() => MaritalStatus, {
    description:
      "Tình trạng hôn nhân — today's marital status, derived from the marriage register: single, married, divorced or widowed",
  })
  maritalStatus(@Root() { registers }: CitizenCivilStatus, @Ctx() { services }: CivilStatusContext): MaritalStatus {
    return maritalStatusOf(factsOf(registers), toLocalDate(services.clock())) as MaritalStatus;
  }

  @FieldResolver(() => BirthRegistration, { nullable: true, description: "Khai sinh — the birth registration" })
  birth(@Root() { registers }: CitizenCivilStatus): BirthRegistration | null {
    return registers.birth;
  }

  @FieldResolver(() => DeathRegistration, { nullable: true, description: "Khai tử — the death registration" })
  death(@Root() { registers }: CitizenCivilStatus): DeathRegistration | null {
    return registers.death;
  }

  // A person's marriages and marital-status certificates: a handful in a lifetime.
  @Directive("@listSize(assumedSize: 5)")
  @FieldResolver(() => [MarriageRegistration], {
    description: "Kết hôn — every marriage registered, oldest first, with the spouse",
  })
  marriages(@Root() { registers }: CitizenCivilStatus): MarriageRegistration[] {
    return registers.marriages.map((marriage) =>
      Object.assign(new MarriageRegistration(), marriage, { viewedFrom: registers.personalId }),
    );
  }

  @Directive("@listSize(assumedSize: 10)")
  @FieldResolver(() => [MaritalStatusCertificate], {
    description: "Giấy xác nhận tình trạng hôn nhân — the certificates issued, newest first",
  })
  maritalStatusCertificates(@Root() { registers }: CitizenCivilStatus): MaritalStatusCertificate[] {
    return [...registers.certificates].reverse();
  }

  @FieldResolver(() => AccessLogConnection, {
    description:
      "Nhật ký truy cập — who read or wrote the person's civil-status records and dossiers, newest first; for the person themselves and admins",
  })
  accessLog(
    @Root() { registers }: CitizenCivilStatus,
    @Ctx() context: CivilStatusContext,
    @Arg("first", () => Int, { nullable: true, description: "Số mục mỗi trang — 1 to 100 (default 20)" })
    first?: number,
    @Arg("after", () => String, { nullable: true, description: "Sau con trỏ — endCursor of the previous page" })
    after?: string,
  ): Promise<Connection<AccessLogEntry>> {
    return civilStatusDesk.accessLog(context, registers.personalId, first, after);
  }

  @FieldResolver(() => civilStatusDesk.DossierConnection, {
    description:
      "Hồ sơ — the civil-status dossiers the person filed, newest first; a desk sees those kept at its commune, a city officer those of its province",
  })
  dossiers(
    @Root() { registers }: CitizenCivilStatus,
    @Ctx() context: CivilStatusContext,
    @Arg("first", () => Int, { nullable: true, description: "Số hồ sơ mỗi trang — 1 to 100 (default 20)" })
    first?: number,
    @Arg("after", () => String, { nullable: true, description: "Sau con trỏ — endCursor of the previous page" })
    after?: string,
  ): Promise<Connection<CivilStatusDossier>> {
    return civilStatusDesk.applicantDossiers(context, registers.personalId, first, after);
  }
}
