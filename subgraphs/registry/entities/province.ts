import { Directive, Field, ID, ObjectType, registerEnumType } from "type-graphql";
import { Column, Entity, PrimaryColumn } from "typeorm";

export enum ProvinceKind {
  CITY = "CITY",
  PROVINCE = "PROVINCE",
}

registerEnumType(ProvinceKind, {
  name: "ProvinceKind",
  description: "Loại đơn vị hành chính cấp tỉnh — the kind of a province-level unit",
  valuesConfig: {
    CITY: { description: "Thành phố trực thuộc trung ương — centrally-run city" },
    PROVINCE: { description: "Tỉnh — province" },
  },
});

@Directive('@key(fields: "code")')
@ObjectType({ description: "Tỉnh, thành phố trực thuộc trung ương — a province-level unit" })
@Entity("province")
export class Province {
  @Field(() => ID, { description: "Mã tỉnh — 2-digit province code (Decision 19/2025/QĐ-TTg)" })
  @PrimaryColumn({ type: "varchar", length: 2 })
  code: string;

  @Field({ description: "Tên — short name without the unit type, e.g. Hà Nội" })
  @Column({ type: "varchar", length: 100 })
  name: string;

  @Field({ description: "Tên đầy đủ — name with the unit type, e.g. Thành phố Hà Nội" })
  @Column({ name: "full_name", type: "varchar", length: 150 })
  fullName: string;

  @Field({ description: "Tên tiếng Anh — English name" })
  @Column({ name: "name_en", type: "varchar", length: 150 })
  nameEn: string;

  @Field(() => ProvinceKind, { description: "Loại đơn vị — centrally-run city or province" })
  @Column({ type: "varchar", length: 16 })
  kind: ProvinceKind;
}
