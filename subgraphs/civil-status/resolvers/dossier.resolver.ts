import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from "type-graphql";

import { writeAudit } from "../../kit/audit";
import { Role, WorkField } from "../../kit/caller";
import { DOSSIER_CODE, FIELD_PREFIX } from "../../kit/dossier/code";
import { DossierChannel, DossierTransition } from "../../kit/dossier/entities";
import { DossierStatus, DossierTimeliness, NATIONAL_STATUS_CODE } from "../../kit/dossier/status";
import { createIdempotently, moveDossier, nextDossierCode, recordCreation } from "../../kit/dossier/workflow";
import { badInput, forbidden, notFound } from "../../kit/errors";
import { requireRole } from "../../kit/guards";
import { parsePersonalId } from "../../kit/personal-id";
import { canWorkOnDossier } from "../access";
import { limitFor, procedureByCode } from "../catalogue";
import { CivilStatusDossier } from "../entities/civil-status-dossier";
import { ReceiveCivilStatusDossierInput } from "../inputs/receive-dossier.input";
import type { CivilStatusContext } from "../loaders";

const DESK_ROLES = [Role.COMMUNE_OFFICER, Role.COMMUNE_LEADER];

const requireCivilStatusCode = (code: string): void => {
  const match = DOSSIER_CODE.exec(code);
  if (!match || match[2] !== FIELD_PREFIX.CIVIL_STATUS) {
    throw badInput("code", `"${code}" is not a civil-status dossier code ({commune}.HT-{yyMMdd}-{nnnn})`);
  }
};

/** Civil-status dossiers at the commune desk: receive, read, move through the workflow (DESIGN §4). */
@Resolver(() => CivilStatusDossier)
export class CivilStatusDossierResolver {
  @Authorized()
  @Query(() => CivilStatusDossier, {
    nullable: true,
    description: "Hồ sơ hộ tịch — one civil-status dossier by its code; audited",
  })
  async civilStatusDossier(
    @Arg("code", () => ID, { description: "Mã hồ sơ — e.g. 10369.HT-250701-0001" }) code: string,
    @Ctx() { loaders }: CivilStatusContext,
  ): Promise<CivilStatusDossier> {
    requireCivilStatusCode(code);
    const dossier = await loaders.dossier.load(code);
    if (dossier instanceof Error) throw dossier;
    if (!dossier) throw notFound("Dossier", code, "code");
    return dossier;
  }

  @Authorized(...DESK_ROLES)
  @Mutation(() => CivilStatusDossier, {
    description:
      "Tiếp nhận hồ sơ — receive a civil-status dossier at the caller's commune desk; accepted at once, its due date fixed by the procedure's limit on the working-day calendar",
  })
  async receiveCivilStatusDossier(
    @Arg("input", () => ReceiveCivilStatusDossierInput) input: ReceiveCivilStatusDossierInput,
    @Ctx() { caller, requestId, database, services }: CivilStatusContext,
  ): Promise<CivilStatusDossier> {
    requireRole(caller);
    if (!caller.communeCode || !caller.provinceCode) throw forbidden("Your token names no commune desk");
    if (caller.role === Role.COMMUNE_OFFICER && !caller.fields.includes(WorkField.CIVIL_STATUS)) {
      throw forbidden("Only civil-status officers receive civil-status dossiers");
    }
    const procedure = procedureByCode(input.procedureCode);
    if (!procedure)
      throw badInput("procedureCode", `${input.procedureCode} is not a civil-status procedure of the commune`);
    const applicant = parsePersonalId(input.applicantPersonalId);
    if (!applicant.ok) throw badInput("applicantPersonalId", applicant.reason);
    const now = new Date();
    const dueAt = services.calendar.dueAt(
      now,
      limitFor(procedure, { verificationNeeded: input.verificationNeeded ?? false }),
    );
    const communeCode = caller.communeCode;
    const provinceCode = caller.provinceCode;

    const { code } = await createIdempotently(
      database,
      input.idempotencyKey,
      "receiveCivilStatusDossier",
      { ...input, communeCode, verificationNeeded: input.verificationNeeded ?? false },
      async (manager) => {
        const code = await nextDossierCode(manager, database.kind, communeCode, FIELD_PREFIX.CIVIL_STATUS, now);
        const dossier = Object.assign(new CivilStatusDossier(), {
          code,
          procedureCode: procedure.code,
          communeCode,
          provinceCode,
          applicantPersonalId: input.applicantPersonalId,
          channel: DossierChannel.DESK,
          status: DossierStatus.ACCEPTED,
          nationalStatusCode: NATIONAL_STATUS_CODE.ACCEPTED,
          version: 1,
          receivedAt: now,
          acceptedAt: now,
          dueAt,
          endedAt: null,
          supplementCount: 0,
          supplementSince: null,
          effectiveDueAt: dueAt,
          supplementMs: "0",
        });
        await manager.insert(CivilStatusDossier, dossier);
        await recordCreation(manager, dossier, caller, input.note);
        await writeAudit(manager, caller, requestId, [
          { operation: "dossier.receive", entityType: "CivilStatusDossier", entityIds: [code], outcome: "ALLOWED" },
        ]);
        return code;
      },
    );
    const created = await database.dataSource.manager.findOneByOrFail(CivilStatusDossier, { code });
    return created;
  }

  @Authorized(...DESK_ROLES, Role.CITIZEN, Role.ADMIN)
  @Mutation(() => CivilStatusDossier, {
    description:
      "Chuyển trạng thái — move a dossier along the workflow; pass the version you saw (a stale one is a CONFLICT); refusing, stopping and supplement requests need a note",
  })
  async moveCivilStatusDossier(
    @Arg("code", () => ID, { description: "Mã hồ sơ" }) code: string,
    @Arg("expectedVersion", () => Int, { description: "Phiên bản — the version this move is based on" })
    expectedVersion: number,
    @Arg("to", () => DossierStatus, { description: "Sang trạng thái — the state to move to" }) to: DossierStatus,
    @Ctx() { caller, requestId, database, services }: CivilStatusContext,
    @Arg("note", () => String, { nullable: true, description: "Ghi chú — the reason or remark" }) note?: string,
  ): Promise<CivilStatusDossier> {
    requireCivilStatusCode(code);
    return database.transaction(async (manager) => {
      const moved = await moveDossier(
        manager,
        CivilStatusDossier,
        caller,
        { code, expectedVersion, to, note: note ?? undefined, at: new Date() },
        {
          authorize: (dossier) => {
            if (!canWorkOnDossier(caller, dossier)) throw forbidden(`You may not work on dossier ${dossier.code}`);
          },
          extendDue: (dossier, due, waitedFrom, waitedTo) =>
            services.calendar.extendedDueAt({
              acceptedAt: new Date(dossier.acceptedAt ?? waitedFrom),
              dueAt: due,
              supplementIntervals: [{ from: waitedFrom, to: waitedTo }],
              until: waitedTo,
            }),
          dueAt: (dossier, acceptedAt) => {
            const procedure = procedureByCode(dossier.procedureCode);
            if (!procedure) throw notFound("Procedure", dossier.procedureCode);
            return services.calendar.dueAt(acceptedAt, limitFor(procedure, { verificationNeeded: false }));
          },
        },
      );
      await writeAudit(manager, caller, requestId, [
        { operation: `dossier.move.${to}`, entityType: "CivilStatusDossier", entityIds: [code], outcome: "ALLOWED" },
      ]);
      return Object.assign(new CivilStatusDossier(), moved);
    });
  }

  @FieldResolver(() => String, { description: "Tên thủ tục — the procedure's name" })
  procedureName(@Root() dossier: CivilStatusDossier): string {
    return procedureByCode(dossier.procedureCode)?.nameVi ?? dossier.procedureCode;
  }

  @FieldResolver(() => [DossierTransition], { description: "Quá trình xử lý — every step, oldest first" })
  history(@Root() dossier: CivilStatusDossier, @Ctx() { loaders }: CivilStatusContext): Promise<DossierTransition[]> {
    return loaders.history.load(dossier.code);
  }

  @FieldResolver(() => DossierTimeliness, {
    nullable: true,
    description:
      "Đúng hạn — per the national on-time indicator: supplement time excluded, a second supplement request makes it late",
  })
  async timeliness(
    @Root() dossier: CivilStatusDossier,
    @Ctx() { loaders, services }: CivilStatusContext,
  ): Promise<DossierTimeliness | null> {
    if (!dossier.acceptedAt || !dossier.dueAt) return null;
    const history = await loaders.history.load(dossier.code);
    const intervals: { from: Date; to: Date | null }[] = [];
    for (const step of history) {
      if (step.toStatus === DossierStatus.SUPPLEMENT_REQUESTED) intervals.push({ from: new Date(step.at), to: null });
      else if (step.fromStatus === DossierStatus.SUPPLEMENT_REQUESTED && intervals.length > 0) {
        intervals[intervals.length - 1].to = new Date(step.at);
      }
    }
    return services.calendar.timeliness({
      acceptedAt: new Date(dossier.acceptedAt),
      dueAt: new Date(dossier.dueAt),
      endedAt: dossier.endedAt ? new Date(dossier.endedAt) : null,
      supplementIntervals: intervals,
      now: new Date(),
    }) as DossierTimeliness;
  }
}
