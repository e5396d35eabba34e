import {
  Arg,
  Authorized,
  createUnionType,
  Ctx,
  FieldResolver,
  ID,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
} from "type-graphql";

import { writeAudit } from "../../kit/audit";
import { Role, WorkField } from "../../kit/caller";
import { FIELD_PREFIX } from "../../kit/dossier/code";
import { DossierChannel, DossierTransition } from "../../kit/dossier/entities";
import { DossierStatus, DossierTimeliness, NATIONAL_STATUS_CODE } from "../../kit/dossier/status";
import { createIdempotently, moveDossier, nextDossierCode, recordCreation } from "../../kit/dossier/workflow";
import { badInput, forbidden, notFound } from "../../kit/errors";
import { requireRole } from "../../kit/guards";
import { parsePersonalId } from "../../kit/personal-id";
import { procedureByCode } from "../catalogue";
import { BirthRegistration } from "../entities/birth-registration";
import { CivilStatusCorrection } from "../entities/civil-status-correction";
import { CivilStatusDossier } from "../entities/civil-status-dossier";
import { DeathRegistration } from "../entities/death-registration";
import { ExtractCopy } from "../entities/extract-copy";
import { MaritalStatusCertificate } from "../entities/marital-status-certificate";
import { MarriageRegistration } from "../entities/marriage-registration";
import { ReceiveCivilStatusDossierInput } from "../inputs/receive-dossier.input";
import { SubmitCivilStatusDossierInput } from "../inputs/submit-dossier.input";
import type { CivilStatusContext, IssuedResult } from "../loaders";
import { CitizenRef } from "./citizen-ref";
import { ISSUING_MUTATION, requireCivilStatusCode } from "./issuing";
import { civilStatusMoveHooks, dueDateFor } from "./workflow";

const DESK_ROLES = [Role.COMMUNE_OFFICER, Role.COMMUNE_LEADER];

/** The paper a completed dossier issued (kết quả giải quyết). */
export const CivilStatusResultUnion = createUnionType({
  name: "CivilStatusResult",
  description: "Kết quả giải quyết — the paper a civil-status dossier issued",
  types: () =>
    [
      BirthRegistration,
      DeathRegistration,
      MarriageRegistration,
      MaritalStatusCertificate,
      ExtractCopy,
      CivilStatusCorrection,
    ] as const,
  resolveType: (value) => {
    if (value instanceof BirthRegistration) return "BirthRegistration";
    if (value instanceof DeathRegistration) return "DeathRegistration";
    if (value instanceof MarriageRegistration) return "MarriageRegistration";
    if (value instanceof MaritalStatusCertificate) return "MaritalStatusCertificate";
    if (value instanceof CivilStatusCorrection) return "CivilStatusCorrection";
    return "ExtractCopy";
  },
});

interface NewDossier {
  idempotencyKey: string;
  /** The mutation, part of the idempotency record: a key reused by another mutation is a CONFLICT. */
  operation: string;
  payload: unknown;
  procedureCode: string;
  communeCode: string;
  provinceCode: string;
  applicantPersonalId: string;
  channel: DossierChannel;
  at: Date;
  /** Fixed when the desk receives it (ACCEPTED); none while it waits online (SUBMITTED). */
  dueAt: Date | null;
  note?: string;
}

/** Creates a dossier once per idempotency key, with its first history step and audit event, in one transaction. */
const createDossier = async (
  { caller, requestId, database }: CivilStatusContext,
  request: NewDossier,
): Promise<CivilStatusDossier> => {
  const status = request.dueAt ? DossierStatus.ACCEPTED : DossierStatus.SUBMITTED;
  const { code } = await createIdempotently(
    database,
    request.idempotencyKey,
    request.operation,
    request.payload,
    async (manager) => {
      const code = await nextDossierCode(
        manager,
        database.kind,
        request.communeCode,
        FIELD_PREFIX.CIVIL_STATUS,
        request.at,
      );
      const dossier = Object.assign(new CivilStatusDossier(), {
        code,
        procedureCode: request.procedureCode,
        communeCode: request.communeCode,
        provinceCode: request.provinceCode,
        applicantPersonalId: request.applicantPersonalId,
        channel: request.channel,
        status,
        nationalStatusCode: NATIONAL_STATUS_CODE[status],
        version: 1,
        receivedAt: request.at,
        acceptedAt: request.dueAt ? request.at : null,
        dueAt: request.dueAt,
        endedAt: null,
        supplementCount: 0,
        supplementSince: null,
        effectiveDueAt: request.dueAt,
        supplementMs: "0",
      });
      await manager.insert(CivilStatusDossier, dossier);
      await recordCreation(manager, dossier, caller, request.note);
      await writeAudit(manager, caller, requestId, [
        {
          operation: request.channel === DossierChannel.DESK ? "dossier.receive" : "dossier.submit",
          entityType: "CivilStatusDossier",
          entityIds: [code],
          outcome: "ALLOWED",
        },
      ]);
      return code;
    },
  );
  return database.dataSource.manager.findOneByOrFail(CivilStatusDossier, { code });
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
    @Ctx() context: CivilStatusContext,
  ): Promise<CivilStatusDossier> {
    const { caller, services } = context;
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
    const now = services.clock();
    const dueAt = dueDateFor(services, procedure, now, input.verificationNeeded ?? false);
    const communeCode = caller.communeCode;
    const provinceCode = caller.provinceCode;

    return createDossier(context, {
      idempotencyKey: input.idempotencyKey,
      operation: "receiveCivilStatusDossier",
      payload: { ...input, communeCode, verificationNeeded: input.verificationNeeded ?? false },
      procedureCode: procedure.code,
      communeCode,
      provinceCode,
      applicantPersonalId: input.applicantPersonalId,
      channel: DossierChannel.DESK,
      at: now,
      dueAt,
      note: input.note,
    });
  }

  @Authorized(Role.CITIZEN)
  @Mutation(() => CivilStatusDossier, {
    description:
      "Nộp hồ sơ trực tuyến — a citizen files a civil-status dossier for themselves at a commune; it waits as SUBMITTED until the desk accepts it, which fixes the due date",
  })
  async submitCivilStatusDossier(
    @Arg("input", () => SubmitCivilStatusDossierInput) input: SubmitCivilStatusDossierInput,
    @Ctx() context: CivilStatusContext,
  ): Promise<CivilStatusDossier> {
    const { caller, services } = context;
    const applicant = caller.personalId;
    if (!applicant) throw forbidden("Your token names no citizen");
    const procedure = procedureByCode(input.procedureCode);
    if (!procedure)
      throw badInput("procedureCode", `${input.procedureCode} is not a civil-status procedure of the commune`);
    const provinceCode = services.units.get(input.communeCode);
    if (!provinceCode) throw badInput("communeCode", `${input.communeCode} is not a commune in force`);
    return createDossier(context, {
      idempotencyKey: input.idempotencyKey,
      operation: "submitCivilStatusDossier",
      payload: { ...input, applicant },
      procedureCode: procedure.code,
      communeCode: input.communeCode,
      provinceCode,
      applicantPersonalId: applicant,
      channel: DossierChannel.ONLINE,
      at: services.clock(),
      dueAt: null,
      note: input.note,
    });
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
        { code, expectedVersion, to, note: note ?? undefined, at: services.clock() },
        civilStatusMoveHooks(caller, services),
      );
      // A result that goes into a register is issued and completes its dossier in one step.
      const issuing = to === DossierStatus.COMPLETED ? ISSUING_MUTATION[moved.procedureCode] : undefined;
      if (issuing) {
        throw badInput("to", `Dossier ${code} is completed by issuing its result: use ${issuing}`);
      }
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

  @FieldResolver(() => CitizenRef, { description: "Người nộp — the applicant, read from the population reference" })
  applicant(@Root() dossier: CivilStatusDossier): CitizenRef {
    return CitizenRef.of(dossier.applicantPersonalId);
  }

  @FieldResolver(() => CivilStatusResultUnion, {
    nullable: true,
    description: "Kết quả — the paper the dossier issued, once completed",
  })
  result(@Root() dossier: CivilStatusDossier, @Ctx() { loaders }: CivilStatusContext): Promise<IssuedResult | null> {
    return loaders.result.load(`${dossier.procedureCode}|${dossier.code}`);
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
      now: services.clock(),
    }) as DossierTimeliness;
  }
}
