import DataLoader from "dataloader";
import { Arg, Ctx, Directive, Field, FieldResolver, ID, ObjectType, Resolver, Root } from "type-graphql";

import { endOfLocalDay, startOfLocalDay } from "../../kit/calendar";
import { type Caller, Role, WorkField } from "../../kit/caller";
import { DossierStats, queryDossierStats, type StatsRow, summarise } from "../../kit/dossier/stats";
import { badInput, forbidden } from "../../kit/errors";
import { requireRole, worksInField } from "../../kit/guards";
import { DateScalar } from "../../kit/scalars";
import { procedureByCode } from "../catalogue";
import type { CivilStatusContext } from "../loaders";

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

/**
 * Who may read a desk's figures (DESIGN §7): analysts and admins everywhere; a commune's officers
 * (in the field) and leaders their own commune; city officers their province — for a commune
 * desk, their figures count only dossiers of their own province.
 */
const statsAccess = (caller: Caller, scope: Scope): { restrictToProvince?: string } => {
  const role = requireRole(caller);
  if (role === Role.ANALYST || role === Role.ADMIN) return {};
  if (!worksInField(caller, WorkField.CIVIL_STATUS))
    throw forbidden("Civil-status figures are for the civil-status field");
  if (role === Role.COMMUNE_OFFICER || role === Role.COMMUNE_LEADER) {
    if (scope.kind === "COMMUNE" && scope.code === caller.communeCode) return {};
    throw forbidden(`A desk of ${caller.communeCode ?? "no commune"} may not read the figures of ${scope.code}`);
  }
  if (role === Role.CITY_OFFICER && caller.provinceCode) {
    if (scope.kind === "PROVINCE" && scope.code !== caller.provinceCode) {
      throw forbidden(`City officers of ${caller.provinceCode} may not read the figures of province ${scope.code}`);
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

/** One grouped query per batch: a dashboard over 126 communes costs one statement, not 126. */
export const createStatsLoader = (context: Pick<CivilStatusContext, "database">) =>
  new DataLoader<string, CivilStatusStats, string>(async (keys) => {
    const parsed = keys.map(
      (key) => JSON.parse(key) as { kind: Scope["kind"]; code: string; from: string; to: string; restrict?: string },
    );
    const groups = new Map<string, typeof parsed>();
    for (const item of parsed) {
      const group = JSON.stringify([item.kind, item.from, item.to, item.restrict ?? null]);
      groups.set(group, [...(groups.get(group) ?? []), item]);
    }
    const now = new Date();
    const results = new Map<string, CivilStatusStats>();
    for (const items of groups.values()) {
      const { kind, from, to, restrict } = items[0];
      const rows = await queryDossierStats(
        context.database.dataSource.manager,
        context.database.kind,
        "civil_status_dossier",
        kind === "COMMUNE" ? "commune_code" : "province_code",
        [...new Set(items.map((item) => item.code))],
        { from: startOfLocalDay(from), to: endOfLocalDay(to), now },
        restrict,
      );
      for (const item of items) {
        results.set(JSON.stringify(item), toStats(rows.filter((row) => row.key === item.code)));
      }
    }
    return parsed.map((item) => results.get(JSON.stringify(item)) as CivilStatusStats);
  });

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
    @Ctx() { caller, loaders }: CivilStatusContext,
  ): Promise<CivilStatusStats> {
    if (to < from) throw badInput("to", `to (${to}) is before from (${from})`);
    const { restrictToProvince } = statsAccess(caller, desk.scope);
    return loaders.stats.load(
      JSON.stringify({ ...desk.scope, from, to, ...(restrictToProvince ? { restrict: restrictToProvince } : {}) }),
    );
  }
}
