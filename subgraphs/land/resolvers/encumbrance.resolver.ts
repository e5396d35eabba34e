import { Arg, Authorized, Ctx, ID, Mutation, Resolver } from "type-graphql";
import type { EntityManager } from "typeorm";

import { writeAudit } from "../../kit/audit";
import { toLocalDate } from "../../kit/calendar";
import { type Caller, Role } from "../../kit/caller";
import { createIdempotently } from "../../kit/dossier/workflow";
import { badInput, forbidden, notFound } from "../../kit/errors";
import { DateScalar } from "../../kit/scalars";
import { optionalText } from "../../kit/text";
import { landDesk } from "../desk";
import { LandCertificate, LandCertificateHolder } from "../entities/certificate";
import { LandEncumbrance } from "../entities/encumbrance";
import { LandParcel } from "../entities/parcel";
import { EncumbranceKind } from "../enums";
import { RecordEncumbranceInput } from "../inputs/register.input";
import type { LandContext } from "../loaders";
import { findParcel } from "../register";
import { requireParcelKey, TEXT_LIMITS } from "./checks";

/** The kinds the Land Law itself names as bars to transfers (art. 45(1)(b), (c), (đ)). */
const LEGAL_BARS: readonly EncumbranceKind[] = [
  EncumbranceKind.DISPUTE,
  EncumbranceKind.SEIZURE,
  EncumbranceKind.COURT_MEASURE,
];

/** The land officers and leaders of the parcel's commune, and admins, keep its encumbrances; city officers only read. */
const requireRegistrar = (caller: Caller, parcel: LandParcel): void => {
  if (landDesk.policy.canWorkAt(caller, parcel)) return;
  throw forbidden(`Only the land desk of commune ${parcel.communeCode} records encumbrances on its parcels`);
};

/** The current holders of the parcel: they see in their access log that their parcel was encumbered. */
const holdersOf = async (manager: EntityManager, parcelId: number): Promise<string[]> => {
  const valid = await manager.findOneBy(LandCertificate, { parcelId, status: "VALID" as never });
  if (!valid) return [];
  return (await manager.findBy(LandCertificateHolder, { certificateId: valid.id })).map((holder) => holder.personalId);
};

const audit = async (manager: EntityManager, context: LandContext, operation: string, encumbrance: LandEncumbrance) => {
  const holders = await holdersOf(manager, encumbrance.parcelId);
  await writeAudit(manager, context.caller, context.requestId, [
    { operation, entityType: "LandEncumbrance", entityIds: [String(encumbrance.id)], outcome: "ALLOWED" },
    ...(holders.length > 0
      ? [{ operation, entityType: "Citizen", entityIds: holders, outcome: "ALLOWED" as const }]
      : []),
  ]);
};

/** Encumbrances are registered by the land desk outside any dossier (a mortgage, a court's notice). */
@Resolver()
export class LandEncumbranceResolver {
  @Authorized(Role.COMMUNE_OFFICER, Role.COMMUNE_LEADER, Role.ADMIN)
  @Mutation(() => LandEncumbrance, {
    description:
      "Đăng ký hạn chế — record a mortgage, dispute, seizure, court measure, recovery decision or fee debt on a parcel; for the land desk of its commune; idempotent by key; audited",
  })
  async recordLandEncumbrance(
    @Arg("input", () => RecordEncumbranceInput) input: RecordEncumbranceInput,
    @Ctx() context: LandContext,
  ): Promise<LandEncumbrance> {
    const { caller, database, services } = context;
    const key = requireParcelKey(input.parcel, "parcel");
    const today = toLocalDate(services.clock());
    if (input.from > today) throw badInput("from", `The start ${input.from} is in the future (today is ${today})`);
    const reference = optionalText(input.reference, "reference", TEXT_LIMITS.reference, "reference");
    const note = optionalText(input.note, "note", TEXT_LIMITS.note, "note");
    const legalBar = LEGAL_BARS.includes(input.kind);
    if (legalBar && input.blocksTransfer === false) {
      throw badInput("blocksTransfer", `A ${input.kind} always bars transfers (Luật Đất đai 2024 art. 45(1))`);
    }
    const { code } = await createIdempotently(
      database,
      input.idempotencyKey,
      "recordLandEncumbrance",
      { ...input, by: caller.subject },
      async (manager) => {
        const parcel = await findParcel(manager, database.kind, key, { lock: true });
        if (!parcel) throw notFound("LandParcel", `${key.mapUnitCode}/${key.mapSheet}/${key.parcelNumber}`, "parcel");
        requireRegistrar(caller, parcel);
        if (!parcel.active) throw badInput("parcel", "The parcel was split into others; record it on them");
        const row = Object.assign(new LandEncumbrance(), {
          parcelId: parcel.id,
          kind: input.kind,
          blocksTransfer: input.blocksTransfer ?? true,
          from: input.from,
          until: null,
          reference,
          note,
          communeCode: parcel.communeCode,
        });
        await manager.insert(LandEncumbrance, row);
        await audit(manager, context, "land.encumbrance.record", row);
        return String(row.id);
      },
    );
    return database.dataSource.manager.findOneByOrFail(LandEncumbrance, { id: Number(code) });
  }

  @Authorized(Role.COMMUNE_OFFICER, Role.COMMUNE_LEADER, Role.ADMIN)
  @Mutation(() => LandEncumbrance, {
    description:
      "Xóa đăng ký hạn chế — the encumbrance stops applying on `on` (a mortgage repaid, a dispute settled); repeating the same release changes nothing; audited",
  })
  releaseLandEncumbrance(
    @Arg("id", () => ID, { description: "Số hiệu — the encumbrance" }) id: string,
    @Arg("on", () => DateScalar, { description: "Ngày xóa — the first day it no longer applies" }) on: string,
    @Ctx() context: LandContext,
  ): Promise<LandEncumbrance> {
    const { caller, database, services } = context;
    if (!/^\d{1,9}$/.test(id)) throw badInput("id", `"${id}" is not an encumbrance number`);
    const today = toLocalDate(services.clock());
    if (on > today) throw badInput("on", `The release day ${on} is in the future (today is ${today})`);
    return database.transaction(async (manager) => {
      const query = manager.createQueryBuilder(LandEncumbrance, "e").where("e.id = :id", { id: Number(id) });
      const row = await (database.kind === "mysql" ? query.setLock("pessimistic_write") : query).getOne();
      if (!row) throw notFound("LandEncumbrance", id, "id");
      const parcel = await manager.findOneByOrFail(LandParcel, { id: row.parcelId });
      requireRegistrar(caller, parcel);
      if (row.until !== null) {
        if (row.until === on) return row;
        throw badInput("on", `Encumbrance ${id} was already released on ${row.until}`);
      }
      if (on < row.from) throw badInput("on", `The release day ${on} is before the encumbrance began on ${row.from}`);
      await manager.update(LandEncumbrance, { id: row.id }, { until: on });
      row.until = on;
      await audit(manager, context, "land.encumbrance.release", row);
      return row;
    });
  }
}
