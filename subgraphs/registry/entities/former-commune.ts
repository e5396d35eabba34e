import { Field, ID, ObjectType, registerEnumType } from "type-graphql";
import { Column, Entity, Index, PrimaryColumn } from "typeorm";

export enum MergeKind {
  FULL = "FULL",
  PARTIAL = "PARTIAL",
}

registerEnumType(MergeKind, {
  name: "MergeKind",
  description: "Hình thức sắp xếp — whether the whole former unit or only part of it went into the new one",
  valuesConfig: {
    FULL: { description: "Toàn bộ — the whole former unit" },
    PARTIAL: { description: "Một phần — part of the former unit; the rest went elsewhere" },
  },
});

/** One former (pre-1 July 2025) commune merged, in whole or in part, into today's commune. */
@ObjectType({
  description: "Đơn vị hành chính cấp xã cũ — a former commune (before 1 July 2025) merged into a current one",
})
@Entity("former_commune")
@Index("idx_former_commune_code", ["code"])
export class FormerCommune {
  @Column({ name: "commune_code", type: "varchar", length: 5, primary: true })
  communeCode: string;

  @Field(() => ID, {
    description: "Mã đơn vị cũ — the former code (5 digits; 3 for the island districts that had no communes)",
  })
  @PrimaryColumn({ type: "varchar", length: 5 })
  code: string;

  @Field({ description: "Tên cũ — the former name with its unit type, e.g. Xã Hoa Viên" })
  @Column({ type: "varchar", length: 150 })
  name: string;

  @Field(() => MergeKind, { description: "Hình thức sắp xếp — whole or partial merge" })
  @Column({ name: "merge_kind", type: "varchar", length: 8 })
  mergeKind: MergeKind;
}
