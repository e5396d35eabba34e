import { Field, InputType } from "type-graphql";

import { DossierChannel } from "../../kit/dossier/entities";
import { DossierStatus } from "../../kit/dossier/status";
import { DateScalar } from "../../kit/scalars";

@InputType({ description: "Lọc hồ sơ — narrows a desk's dossier list; the parts combine with AND" })
export class CivilStatusDossierFilter {
  @Field(() => [DossierStatus], { nullable: true, description: "Trạng thái — any of these states" })
  status?: DossierStatus[];

  @Field({ nullable: true, description: "Mã thủ tục — one procedure" })
  procedureCode?: string;

  @Field(() => DossierChannel, { nullable: true, description: "Kênh nộp — desk or online" })
  channel?: DossierChannel;

  @Field(() => DateScalar, { nullable: true, description: "Nhận từ ngày — received on or after this local date" })
  receivedFrom?: string;

  @Field(() => DateScalar, { nullable: true, description: "Nhận đến ngày — received on or before this local date" })
  receivedTo?: string;

  @Field({ nullable: true, description: "Quá hạn — only dossiers still open past their due date" })
  overdue?: boolean;
}
