import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from "type-graphql";
import type { SelectQueryBuilder } from "typeorm";

import { writeAudit } from "../../kit/audit";
import { Role } from "../../kit/caller";
import { badInput, forbidden, notFound } from "../../kit/errors";
import { requireRole } from "../../kit/guards";
import { connectionOf, decodeCursor, pageSize, toPage } from "../../kit/pagination";
import { parsePersonalId } from "../../kit/personal-id";
import { escapeLike, LIKE_ESCAPE } from "../../kit/text";
import { Citizen } from "../entities/citizen";
import { Commune } from "../entities/commune";
import type { RegistryContext } from "../loaders";
import { COMMUNE_CODE, searchTerm } from "./commune.resolver";

export const CitizenConnection = connectionOf(Citizen, "CitizenConnection", "Trang công dân — one page of citizens");
export type CitizenConnection = InstanceType<typeof CitizenConnection>;

/**
 * Where a page of a search ends: the last name and personal id, and for a search by name whether
 * they are in the second part of the list (names with the phrase at a later word).
 */
const decodeSearchCursor = (
  after: string | null | undefined,
  byName: boolean,
): { position: string[]; laterWord: boolean } | undefined => {
  const key = decodeCursor(after, byName ? 3 : 2);
  if (!key) return undefined;
  if (!byName) return { position: key, laterWord: false };
  if (key[0] !== "0" && key[0] !== "1") throw badInput("after", "after is not a cursor this list gave out");
  return { position: key.slice(1), laterWord: key[0] === "1" };
};

/**
 * Names that start with the phrase. On SQLite LIKE is not read as a range of an index (it ignores
 * case), so the condition adds the range itself: from the phrase to the phrase with its last
 * character's code one higher, which in SQLite's binary order bounds every name that starts with it.
 * MySQL reads `LIKE 'phrase%'` as that range on its own, in its collation's order.
 */
const startsWithCondition =
  (term: string, kind: "mysql" | "sqlite") =>
  (query: SelectQueryBuilder<Citizen>): void => {
    query.andWhere(`p.search_name LIKE :searchStart ESCAPE '${LIKE_ESCAPE}'`, { searchStart: `${escapeLike(term)}%` });
    if (kind === "sqlite") {
      const last = term.codePointAt(term.length - 1)!;
      query.andWhere("p.search_name >= :searchFrom AND p.search_name < :searchTo", {
        searchFrom: term,
        searchTo: term.slice(0, term.length - String.fromCodePoint(last).length) + String.fromCodePoint(last + 1),
      });
    }
  };

/** Names with the phrase from the start of a later word, and not at the start of the name. */
const laterWordCondition =
  (term: string) =>
  (query: SelectQueryBuilder<Citizen>): void => {
    query.andWhere(
      `p.search_name LIKE :searchWord ESCAPE '${LIKE_ESCAPE}' AND p.search_name NOT LIKE :searchStart ESCAPE '${LIKE_ESCAPE}'`,
      { searchWord: `% ${escapeLike(term)}%`, searchStart: `${escapeLike(term)}%` },
    );
  };

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
      "Tìm công dân — residents by name (case and diacritics ignored, đ = d), ordered by name, those whose name starts with the phrase first; officers search their own commune, city officers their province; audited",
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
    const cursor = decodeSearchCursor(after, term !== undefined);
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

    /** One part of the list, in name order, after the cursor when it points into this part. */
    const part = (
      condition: ((query: SelectQueryBuilder<Citizen>) => void) | undefined,
      position?: string[],
      limit = size + 1,
    ) => {
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
      condition?.(query);
      if (position) {
        query.andWhere("(p.search_name > :afterName OR (p.search_name = :afterName AND p.personal_id > :afterId))", {
          afterName: position[0],
          afterId: position[1],
        });
      }
      return query.orderBy("p.search_name", "ASC").addOrderBy("p.personal_id", "ASC").limit(limit).getMany();
    };
    let rows: Citizen[];
    let keyOf = (row: Citizen) => [row.searchName, row.personalId];
    if (term === undefined) {
      rows = await part(undefined, cursor?.position);
    } else {
      // Names that start with the phrase come first, then those with it at a later word, each part
      // in name order. The first part is a range of the name index, read from its start and only
      // as far as the page; the second, which no index can find, is read only once the first runs
      // out: a page of "nguyen van" among 8.7 million people reads some twenty index entries.
      const startsWith = startsWithCondition(term, context.database.kind);
      const inside = laterWordCondition(term);
      const first = cursor?.laterWord ? [] : await part(startsWith, cursor?.position);
      const later =
        first.length > size
          ? []
          : await part(inside, cursor?.laterWord ? cursor.position : undefined, size + 1 - first.length);
      const laterCodes = new Set(later.map((row) => row.personalId));
      rows = [...first, ...later];
      keyOf = (row) => [laterCodes.has(row.personalId) ? "1" : "0", row.searchName, row.personalId];
    }
    const page = toPage(rows, size, keyOf);
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
