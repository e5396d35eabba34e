import { Arg, Authorized, Ctx, Directive, FieldResolver, ID, Int, Query, Resolver, Root } from "type-graphql";

import { isDifficultArea } from "../../kit/difficult-areas";
import { badInput, notFound } from "../../kit/errors";
import { connectionOf, decodeCursor, pageSize, toPage } from "../../kit/pagination";
import { foldForSearch, wordPrefixMatch } from "../../kit/text";
import { Commune } from "../entities/commune";
import { FormerCommune } from "../entities/former-commune";
import { Province } from "../entities/province";
import type { RegistryContext } from "../loaders";
import { PROVINCE_CODE } from "./province.resolver";

export const COMMUNE_CODE = /^\d{5}$/;
export const MAX_SEARCH_LENGTH = 100;

/** Folds a search argument, refusing one that is empty after folding or too long. */
export const searchTerm = (search: string | null | undefined): string | undefined => {
  if (search === null || search === undefined) return undefined;
  const folded = foldForSearch(search);
  if (folded.length === 0) throw badInput("search", "search must contain letters or digits");
  if (folded.length > MAX_SEARCH_LENGTH)
    throw badInput("search", `search is longer than ${MAX_SEARCH_LENGTH} characters`);
  return folded;
};

export const CommuneConnection = connectionOf(
  Commune,
  "CommuneConnection",
  "Trang xã, phường — one page of commune-level units",
);
export type CommuneConnection = InstanceType<typeof CommuneConnection>;

@Resolver(() => Commune)
export class CommuneResolver {
  @Authorized()
  @Query(() => Commune, {
    nullable: true,
    description: "Xã, phường, đặc khu — one commune-level unit by its 5-digit code",
  })
  async commune(
    @Arg("code", () => ID, { description: "Mã xã — 5 digits" }) code: string,
    @Ctx() { loaders }: RegistryContext,
  ): Promise<Commune> {
    if (!COMMUNE_CODE.test(code)) throw badInput("code", `A commune code has 5 digits, got "${code}"`);
    const commune = await loaders.commune.load(code);
    if (!commune) throw notFound("Commune", code, "code");
    return commune;
  }

  @Authorized()
  @Query(() => CommuneConnection, {
    description:
      "Tìm xã, phường — commune-level units by code, optionally of one province and matching a name (case and diacritics ignored)",
  })
  async communes(
    @Ctx() { database }: RegistryContext,
    @Arg("provinceCode", () => ID, { nullable: true, description: "Mã tỉnh — only units of this province" })
    provinceCode?: string,
    @Arg("search", () => String, {
      nullable: true,
      description:
        'Tên — a phrase matched from the start of any word of the name ("ung thien"); case and diacritics ignored',
    })
    search?: string,
    @Arg("first", () => Int, { nullable: true, description: "Số bản ghi — page size, 1–100 (default 20)" })
    first?: number,
    @Arg("after", () => String, { nullable: true, description: "Sau con trỏ — endCursor of the previous page" })
    after?: string,
  ): Promise<CommuneConnection> {
    if (provinceCode !== undefined && provinceCode !== null && !PROVINCE_CODE.test(provinceCode)) {
      throw badInput("provinceCode", `A province code has 2 digits, got "${provinceCode}"`);
    }
    const size = pageSize(first);
    const term = searchTerm(search);
    const [afterCode] = decodeCursor(after, 1) ?? [];
    const query = database.dataSource.manager.createQueryBuilder(Commune, "c");
    if (provinceCode) query.andWhere("c.province_code = :provinceCode", { provinceCode });
    if (term) {
      const match = wordPrefixMatch("c.search_name", term);
      query.andWhere(match.sql, match.params);
    }
    if (afterCode) query.andWhere("c.code > :afterCode", { afterCode });
    const rows = await query
      .orderBy("c.code", "ASC")
      .limit(size + 1)
      .getMany();
    return toPage(rows, size, (row) => [row.code]);
  }

  @FieldResolver(() => Province, { description: "Tỉnh, thành phố — the province the unit belongs to" })
  async province(@Root() commune: Commune, @Ctx() { loaders }: RegistryContext): Promise<Province> {
    const province = await loaders.province.load(commune.provinceCode);
    if (!province) throw notFound("Province", commune.provinceCode);
    return province;
  }

  // At most 14 former communes went into one new commune.
  @Directive("@listSize(assumedSize: 20)")
  @FieldResolver(() => [FormerCommune], {
    description: "Sáp nhập từ — the former communes merged into this one on 1 July 2025, so older addresses map here",
  })
  async mergedFrom(@Root() commune: Commune, @Ctx() { loaders }: RegistryContext): Promise<FormerCommune[]> {
    return loaders.formerByCommune.load(commune.code);
  }

  @FieldResolver(() => Boolean, {
    description:
      "Địa bàn khó khăn — flagged as a difficult area (điều kiện kinh tế – xã hội khó khăn / đặc biệt khó khăn) by an instrument recorded with its source; land procedures there get 10 more working days. False unless listed",
  })
  difficultArea(@Root() commune: Commune): boolean {
    return isDifficultArea(commune.code);
  }
}
