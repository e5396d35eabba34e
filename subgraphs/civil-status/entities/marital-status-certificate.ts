import { Field, ID, ObjectType } from "type-graphql";
import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";

import { DateScalar } from "../../kit/scalars";
import { MaritalStatus } from "../marital-status";
import { RegisterEntry } from "./register-columns";

/**
 * Giấy xác nhận tình trạng hôn nhân: certifies the status the registers show on the day of issue,
 * for a stated purpose, valid six months (Decree 123/2015/NĐ-CP, art. 23).
 */
@ObjectType("MaritalStatusCertificate", {
  implements: RegisterEntry,
  description: "Giấy xác nhận tình trạng hôn nhân — a marital-status certificate",
})
@Entity("marital_status_certificate")
@Index("idx_marital_status_certificate_person", ["personalId"])
export class MaritalStatusCertificate extends RegisterEntry {
  @Field(() => ID, { description: "Số giấy — the certificate's number" })
  @PrimaryGeneratedColumn({ type: "integer" })
  id: number;

  @Field(() => ID, { description: "Số định danh cá nhân — whose status it certifies" })
  @Column({ name: "personal_id", type: "varchar", length: 12 })
  personalId: string;

  @Field(() => MaritalStatus, { description: "Tình trạng hôn nhân — the status certified" })
  @Column({ name: "marital_status", type: "varchar", length: 10 })
  maritalStatus: MaritalStatus;

  @Field({ description: "Mục đích sử dụng — what the certificate is for" })
  @Column({ type: "varchar", length: 200 })
  purpose: string;

  @Field(() => DateScalar, { description: "Có giá trị đến — valid until (six months from issue)" })
  @Column({ name: "valid_until", type: "date" })
  validUntil: string;
}
