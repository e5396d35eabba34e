import { Directive, Field, ID, ObjectType, registerEnumType } from "type-graphql";
import { Column, Entity, Index, PrimaryColumn } from "typeorm";

export enum CommuneKind {
  WARD = "WARD",
  COMMUNE = "COMMUNE",
  SPECIAL_ZONE = "SPECIAL_ZONE",
}

registerEnumType(CommuneKind, {
  name: "CommuneKind",
  description: "Loại đơn vị hành chính cấp xã — the kind of a commune-level unit",
  valuesConfig: {
    WARD: { description: "Phường — urban ward" },
    COMMUNE: { description: "Xã — rural commune" },
    SPECIAL_ZONE: { description: "Đặc khu — special administrative zone (islands)" },
  },
});

@Directive('@key(fields: "code")')
@ObjectType({ description: "Xã, phường, đặc khu — a commune-level unit" })
@Entity("commune")
@Index("idx_commune_province_search", ["provinceCode", "searchName"])
export class Commune {
  @Field(() => ID, { description: "Mã xã — 5-digit commune code, unique nationwide" })
  @PrimaryColumn({ type: "varchar", length: 5 })
  code: string;

  @Field({ description: "Tên — short name without the unit type, e.g. Ứng Thiên" })
  @Column({ type: "varchar", length: 100 })
  name: string;

  @Field({ description: "Tên đầy đủ — name with the unit type, e.g. Xã Ứng Thiên" })
  @Column({ name: "full_name", type: "varchar", length: 150 })
  fullName: string;

  @Field({ description: "Tên tiếng Anh — English name" })
  @Column({ name: "name_en", type: "varchar", length: 150 })
  nameEn: string;

  @Field(() => CommuneKind, { description: "Loại đơn vị — ward, commune or special zone" })
  @Column({ type: "varchar", length: 16 })
  kind: CommuneKind;

  @Column({ name: "province_code", type: "varchar", length: 2 })
  provinceCode: string;

  /** The name folded for search: lower case, no diacritics, đ → d. */
  @Column({ name: "search_name", type: "varchar", length: 150 })
  searchName: string;
}
