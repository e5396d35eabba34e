import { Arg, Authorized, Ctx, Directive, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";

import { badInput, notFound } from "../../kit/errors";
import { Commune } from "../entities/commune";
import { Province } from "../entities/province";
import type { RegistryContext } from "../loaders";

export const PROVINCE_CODE = /^\d{2}$/;

/** Administrative units are public reference data: any authenticated caller may read them. */
@Resolver(() => Province)
export class ProvinceResolver {
  // 34 provinces and centrally-run cities since 1 July 2025.
  @Directive("@listSize(assumedSize: 34)")
  @Authorized()
  @Query(() => [Province], { description: "Các tỉnh, thành phố — all 34 province-level units, by code" })
  async provinces(@Ctx() { database }: RegistryContext): Promise<Province[]> {
    return database.dataSource.manager.find(Province, { order: { code: "ASC" } });
  }

  @Authorized()
  @Query(() => Province, {
    nullable: true,
    description: "Tỉnh, thành phố — one province-level unit by its 2-digit code",
  })
  async province(
    @Arg("code", () => ID, { description: "Mã tỉnh — 2 digits" }) code: string,
    @Ctx() { loaders }: RegistryContext,
  ): Promise<Province> {
    if (!PROVINCE_CODE.test(code)) throw badInput("code", `A province code has 2 digits, got "${code}"`);
    const province = await loaders.province.load(code);
    if (!province) throw notFound("Province", code, "code");
    return province;
  }

  // Hồ Chí Minh City has the most communes: 168.
  @Directive("@listSize(assumedSize: 200)")
  @FieldResolver(() => [Commune], { description: "Các xã, phường, đặc khu — the commune-level units, by code" })
  async communes(@Root() province: Province, @Ctx() { loaders }: RegistryContext): Promise<Commune[]> {
    return loaders.communesByProvince.load(province.code);
  }
}
