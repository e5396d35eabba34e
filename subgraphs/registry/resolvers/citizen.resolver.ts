import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from "type-graphql";

import { writeAudit } from "../../kit/audit";
import { Role } from "../../kit/caller";
import { badInput, forbidden, notFound } from "../../kit/errors";
import { requireRole } from "../../kit/guards";
import { connectionOf, decodeCursor, pageSize, toPage } from "../../kit/pagination";
import { parsePersonalId } from "../../kit/personal-id";
import { wordPrefixMatch } from "../../kit/text";
import { Citizen } from "../entities/citizen";
import { Commune } from "../entities/commune";
import type { RegistryContext } from "../loaders";
import { COMMUNE_CODE, searchTerm } from "./commune.resolver";

export const CitizenConnection = connectionOf(Citizen, "CitizenConnection", "Trang công dân — one page of citizens");
export type CitizenConnection = InstanceType<typeof CitizenConnection>;

/** Which residents a search may cover: one commune, one province, or everyone (admins). */
type SearchScope = { communeCode: string } | { provinceCode: string } | Record<string, never>;

@Resolver(() => Citizen)
export class CitizenResolver {
  @Authorized()
  @Query(() => Citizen, {
    nullable: true,
    description: "Công dân — one citizen by exact personal identification number (số định danh cá nhân); audited",
  })
  async citizen(
    @Arg("personalId", () => ID, { description: "Số định danh cá nhân — 12 digits" }) personalId: string,
    @Ctx() { loaders }: RegistryContext,
  ): Promise<Citizen> {
    const parsed = parsePersonalId(personalId);
    if (!parsed.ok) throw badInput("personalId", parsed.reason);
    const citizen = await loaders.citizen.load(personalId);
    if (citizen instanceof Error) throw citizen;
    if (!citizen) throw notFound("Citizen", personalId, "personalId");
    return citizen;
  }

  @Authorized(Role.COMMUNE_OFFICER, Role.COMMUNE_LEADER, Role.CITY_OFFICER, Role.ADMIN, Role.ANALYST, Role.CITIZEN)
  @Query(() => CitizenConnection, {
    description:
      "Tìm công dân — residents by name (case and diacritics ignored, đ = d), ordered by name; officers search their own commune, city officers their province; audited",
  })
  async citizens(
    @Ctx() context: RegistryContext,
    @Arg("communeCode", () => ID, {
      nullable: true,
      description: "Xã cư trú — residence commune; officers default to their own",
    })
    communeCode?: string,
    @Arg("search", () => String, {
      nullable: true,
      description:
        'Họ tên — a phrase matched from the start of any word of the name ("nguyen van", "van an"); case and diacritics ignored',
    })
    search?: string,
    @Arg("first", () => Int, { nullable: true, description: "Số bản ghi — page size, 1–100 (default 20)" })
    first?: number,
    @Arg("after", () => String, { nullable: true, description: "Sau con trỏ — endCursor of the previous page" })
    after?: string,
  ): Promise<CitizenConnection> {
    const { caller, requestId, database, loaders } = context;
    const manager = database.dataSource.manager;
    if (communeCode !== undefined && communeCode !== null && !COMMUNE_CODE.test(communeCode)) {
      throw badInput("communeCode", `A commune code has 5 digits, got "${communeCode}"`);
    }
    const size = pageSize(first);
    const term = searchTerm(search);
    const cursor = decodeCursor(after, 2);
    const commune = communeCode ? await loaders.commune.load(communeCode) : undefined;
    if (communeCode && !commune) throw badInput("communeCode", `Commune ${communeCode} does not exist`);

    const deny = async (reason: string): Promise<never> => {
      await writeAudit(manager, caller, requestId, [
        {
          operation: "citizens.search",
          entityType: "Commune",
          entityIds: communeCode ? [communeCode] : [],
          outcome: "DENIED",
          reason,
        },
      ]);
      throw forbidden(reason);
    };
    const scope = await this.scopeOf(context, commune ?? undefined, deny);

    const query = manager.createQueryBuilder(Citizen, "p");
    if ("communeCode" in scope) query.andWhere("p.residence_commune_code = :commune", { commune: scope.communeCode });
    if ("provinceCode" in scope) {
      query.andWhere(
        `p.residence_commune_code IN (${manager
          .createQueryBuilder(Commune, "c")
          .select("c.code")
          .where("c.province_code = :province")
          .getQuery()})`,
        { province: scope.provinceCode },
      );
    }
    if (term) {
      const match = wordPrefixMatch("p.search_name", term);
      query.andWhere(match.sql, match.params);
    }
    if (cursor) {
      query.andWhere("(p.search_name > :afterName OR (p.search_name = :afterName AND p.personal_id > :afterId))", {
        afterName: cursor[0],
        afterId: cursor[1],
      });
    }
    const rows = await query
      .orderBy("p.search_name", "ASC")
      .addOrderBy("p.personal_id", "ASC")
      .limit(size + 1)
      .getMany();
    const page = toPage(rows, size, (row) => [row.searchName, row.personalId]);
    await writeAudit(manager, caller, requestId, [
      {
        operation: "citizens.search",
        entityType: "Citizen",
        entityIds: page.nodes.map((row) => row.personalId),
        outcome: "ALLOWED",
      },
    ]);
    return page;
  }

  /** The residents a caller may search (DESIGN §7); anything else is denied and audited. */
  private async scopeOf(
    { caller }: RegistryContext,
    commune: Commune | undefined,
    deny: (reason: string) => Promise<never>,
  ): Promise<SearchScope> {
    const role = requireRole(caller);
    switch (role) {
      case Role.ADMIN:
        return commune ? { communeCode: commune.code } : {};
      case Role.COMMUNE_OFFICER:
      case Role.COMMUNE_LEADER:
        if (!caller.communeCode) return deny("Your token names no commune");
        if (commune && commune.code !== caller.communeCode) {
          return deny(
            `Officers of ${caller.communeCode} may search only their own residents, not those of ${commune.code}`,
          );
        }
        return { communeCode: caller.communeCode };
      case Role.CITY_OFFICER:
        if (!caller.provinceCode) return deny("Your token names no province");
        if (commune && commune.provinceCode !== caller.provinceCode) {
          return deny(`City officers of ${caller.provinceCode} may not search residents of ${commune.code}`);
        }
        return commune ? { communeCode: commune.code } : { provinceCode: caller.provinceCode };
      default:
        return deny(`The role ${role} may not search citizens`);
    }
  }

  @FieldResolver(() => Commune, { description: "Nơi cư trú — the commune of residence" })
  async residence(@Root() citizen: Citizen, @Ctx() { loaders }: RegistryContext): Promise<Commune> {
    const commune = await loaders.commune.load(citizen.residenceCommuneCode);
    if (!commune) throw notFound("Commune", citizen.residenceCommuneCode);
    return commune;
  }
}
