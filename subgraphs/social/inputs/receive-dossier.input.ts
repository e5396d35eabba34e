import { InputType } from "type-graphql";

import { ReceiveDossierInput } from "../../kit/desk/inputs";

@InputType({ description: "Tiếp nhận hồ sơ văn hóa – xã hội — a social-affairs dossier received at the desk" })
export class ReceiveSocialDossierInput extends ReceiveDossierInput {}
