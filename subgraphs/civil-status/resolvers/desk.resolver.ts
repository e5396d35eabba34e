import { Arg, Ctx, Directive, Field, FieldResolver, ID, Int, ObjectType, Resolver, Root } from "type-graphql";

import type { AdminUnits } from "../../kit/admin-units";
import { createParameterisedLoader } from "../../kit/batch-loader";
import { endOfLocalDay, startOfLocalDay } from "../../kit/calendar";
import { type Caller, Role, WorkField } from "../../kit/caller";
import type { Database } from "../../kit/database";
import { DossierStats, queryDossierStats, type StatsRow, summarise } from "../../kit/dossier/stats";
import { badInput, forbidden } from "../../kit/errors";
import { requireRole, worksInField } from "../../kit/guards";
import { type Connection, pageSize } from "../../kit/pagination";
import { DateScalar } from "../../kit/scalars";
import { procedureByCode } from "../catalogue";
import type { CivilStatusDossier } from "../entities/civil-status-dossier";
import { CivilStatusDossierFilter } from "../inputs/dossier-filter.input";
import type { CivilStatusContext } from "../loaders";
import { CivilStatusDossierConnection, dossierPage } from "./dossier-page";

@ObjectType("CivilStatusProcedureStats", { description: "Số liệu theo thủ tục — the figures of one procedure" })
export class CivilStatusProcedureStats extends DossierStats {
  @Field({ description: "Mã thủ tục — the national procedure code" })
  procedureCode: string;

  @Field({ description: "Tên thủ tục — the procedure's name" })
  procedureName: string;
}

@ObjectType("CivilStatusStats", {
  description: "Số liệu hộ tịch — civil-status dossier figures, in total and by procedure",
})
export class CivilStatusStats extends DossierStats {
  @Field(() => [CivilStatusProcedureStats], { description: "Theo thủ tục — one entry per procedure with dossiers" })
  byProcedure: CivilStatusProcedureStats[];
}

type Scope = { kind: "COMMUNE" | "PROVINCE"; code: string };

@ObjectType("CivilStatusDesk", { description: "Bàn hộ tịch — the civil-status desk of a commune or a province" })
export class CivilStatusDesk {
  scope: Scope;
}

@Directive('@key(fields: "code")')
@ObjectType("Commune")
export class CommuneWithCivilStatus {
  @Field(() => ID)
  code: string;
}

@Directive('@key(fields: "code")')
@ObjectType("Province")
export class ProvinceWithCivilStatus {
  @Field(() => ID)
  code: string;
}

@Resolver(() => CommuneWithCivilStatus)
export class CommuneDeskResolver {
  @FieldResolver(() => CivilStatusDesk, { description: "Hộ tịch — the commune's civil-status desk" })
  civilStatus(@Root() commune: CommuneWithCivilStatus): CivilStatusDesk {
    return Object.assign(new CivilStatusDesk(), { scope: { kind: "COMMUNE", code: commune.code } });
  }
}

@Resolver(() => ProvinceWithCivilStatus)
export class ProvinceDeskResolver {
  @FieldResolver(() => CivilStatusDesk, { description: "Hộ tịch — civil status across the province's communes" })
  civilStatus(@Root() province: ProvinceWithCivilStatus): CivilStatusDesk {
    return Object.assign(new CivilStatusDesk(), { scope: { kind: "PROVINCE", code: province.code } });
  }
}

/** The province a desk belongs to: its own code, or its commune's province in the official list. */
const provinceOf = (scope: Scope, units: AdminUnits): string | undefined =>
  scope.kind === "PROVINCE" ? scope.code : units.get(scope.code);

/**
 * Who may read a desk's figures (DESIGN §7): analysts and admins everywhere; a commune's officers
 * (in the field) and leaders their own commune; city officers their province — for a commune
 * desk, the commune must be in their province (the official list says which).
 */
const statsAccess = (caller: Caller, scope: Scope, units: AdminUnits): { restrictToProvince?: string } => {
  const role = requireRole(caller);
  if (role === Role.ANALYST || role === Role.ADMIN) return {};
  if (!worksInField(caller, WorkField.CIVIL_STATUS))
    throw forbidden("Civil-status figures are for the civil-status field");
  if (role === Role.COMMUNE_OFFICER || role === Role.COMMUNE_LEADER) {
    if (scope.kind === "COMMUNE" && scope.code === caller.communeCode) return {};
    throw forbidden(`A desk of ${caller.communeCode ?? "no commune"} may not read the figures of ${scope.code}`);
  }
  if (role === Role.CITY_OFFICER && caller.provinceCode) {
    if (provinceOf(scope, units) !== caller.provinceCode) {
      throw forbidden(`City officers of ${caller.provinceCode} may not read the figures of ${scope.code}`);
    }
    return { restrictToProvince: caller.provinceCode };
  }
  throw forbidden(`The role ${role} may not read desk figures`);
};

const toStats = (rows: readonly StatsRow[]): CivilStatusStats => {
  const byProcedure = [...new Set(rows.map((row) => row.procedureCode))].sort().map((code) =>
    Object.assign(new CivilStatusProcedureStats(), summarise(rows.filter((row) => row.procedureCode === code)), {
      procedureCode: code,
      procedureName: procedureByCode(code)?.nameVi ?? code,
    }),
  );
  return Object.assign(new CivilStatusStats(), summarise(rows), { byProcedure });
};

/** Figures for one desk: the commune or province code as the key, the period, and the caller's restriction. */
export interface StatsRequest {
  key: string;
  kind: Scope["kind"];
  from: string;
  to: string;
  restrict?: string;
}

/** One grouped query per batch: a dashboard over 126 communes costs one statement, not 126. */
export const createStatsLoader = (context: { database: Database; clock: () => Date }) =>
  createParameterisedLoader<StatsRequest, CivilStatusStats>(
    async ({ kind, from, to, restrict }, keys) => {
      const rows = await queryDossierStats(
        context.database.dataSource.manager,
        context.database.kind,
        "civil_status_dossier",
        kind === "COMMUNE" ? "commune_code" : "province_code",
        keys,
        { from: startOfLocalDay(from), to: endOfLocalDay(to), now: context.clock() },
        restrict,
      );
      return new Map(keys.map((key) => [key, toStats(rows.filter((row) => row.key === key))]));
    },
    () => toStats([]),
  );

@Resolver(() => CivilStatusDesk)
export class CivilStatusDeskResolver {
  @FieldResolver(() => CivilStatusStats, {
    description:
      "Số liệu — dossiers received from `from` to `to` (local dates, inclusive): received, completed, on time, late, overdue, rates; aggregates only",
  })
  async stats(
    @Root() desk: CivilStatusDesk,
    @Arg("from", () => DateScalar, { description: "Từ ngày — first day of receipt" }) from: string,
    @Arg("to", () => DateScalar, { description: "Đến ngày — last day of receipt, inclusive" }) to: string,
    @Ctx() { caller, loaders, services }: CivilStatusContext,
  ): Promise<CivilStatusStats> {
    if (to < from) throw badInput("to", `to (${to}) is before from (${from})`);
    const { restrictToProvince } = statsAccess(caller, desk.scope, services.units);
    return loaders.stats.load({
      key: desk.scope.code,
      kind: desk.scope.kind,
      from,
      to,
      ...(restrictToProvince ? { restrict: restrictToProvince } : {}),
    });
  }
}

/**
 * Who may list a desk's dossiers (DESIGN §7): they name applicants, so the desk of the commune
 * (officers in the field, leaders), city officers in the field for communes of their province,
 * admins. Analysts read figures only.
 */
const listAccess = (caller: Caller, scope: Scope, units: AdminUnits): void => {
  const role = requireRole(caller);
  if (role === Role.ADMIN) return;
  if (!worksInField(caller, WorkField.CIVIL_STATUS))
    throw forbidden("Civil-status dossiers are for the civil-status field");
  if ((role === Role.COMMUNE_OFFICER || role === Role.COMMUNE_LEADER) && scope.kind === "COMMUNE") {
    if (scope.code === caller.communeCode) return;
  }
  if (role === Role.CITY_OFFICER && caller.provinceCode) {
    if (provinceOf(scope, units) === caller.provinceCode) return;
  }
  throw forbidden(
    `A ${role} of ${caller.communeCode ?? caller.provinceCode ?? "no unit"} may not list the dossiers of ${scope.code}`,
  );
};

@Resolver(() => CivilStatusDesk)
export class CivilStatusDeskDossiersResolver {
  @FieldResolver(() => CivilStatusDossierConnection, {
    description:
      "Hồ sơ — the desk's dossiers, newest first, filtered and paged; for the desk and its city officers; audited",
  })
  dossiers(
    @Root() desk: CivilStatusDesk,
    @Ctx() { caller, loaders, services }: CivilStatusContext,
    @Arg("filter", () => CivilStatusDossierFilter, { nullable: true, description: "Lọc — which dossiers" })
    filter?: CivilStatusDossierFilter,
    @Arg("first", () => Int, { nullable: true, description: "Số hồ sơ mỗi trang — 1 to 100 (default 20)" })
    first?: number,
    @Arg("after", () => String, { nullable: true, description: "Sau con trỏ — endCursor of the previous page" })
    after?: string,
  ): Promise<Connection<CivilStatusDossier>> {
    const size = pageSize(first);
    listAccess(caller, desk.scope, services.units);
    if (filter?.procedureCode && !procedureByCode(filter.procedureCode)) {
      throw badInput("filter.procedureCode", `${filter.procedureCode} is not a civil-status procedure of the commune`);
    }
    if (filter?.receivedFrom && filter.receivedTo && filter.receivedTo < filter.receivedFrom) {
      throw badInput(
        "filter.receivedTo",
        `receivedTo (${filter.receivedTo}) is before receivedFrom (${filter.receivedFrom})`,
      );
    }
    return dossierPage(
      loaders,
      desk.scope.kind === "COMMUNE" ? "commune_code" : "province_code",
      desk.scope.code,
      {
        ...(filter?.status?.length ? { statuses: filter.status } : {}),
        ...(filter?.procedureCode ? { procedureCode: filter.procedureCode } : {}),
        ...(filter?.channel ? { channel: filter.channel } : {}),
        ...(filter?.receivedFrom ? { receivedFrom: startOfLocalDay(filter.receivedFrom) } : {}),
        ...(filter?.receivedTo ? { receivedTo: endOfLocalDay(filter.receivedTo) } : {}),
        ...(filter?.overdue ? { overdueAt: services.clock() } : {}),
      },
      size,
      after,
    );
  }
}
