import type { DossierListFilter } from "../../kit/dossier/listing";
import { badInput } from "../../kit/errors";
import { type Connection, connectionOf, decodeCursor, toPage } from "../../kit/pagination";
import { CivilStatusDossier } from "../entities/civil-status-dossier";
import type { CivilStatusLoaders, DossierPageKey } from "../loaders";

export const CivilStatusDossierConnection = connectionOf(
  CivilStatusDossier,
  "CivilStatusDossierConnection",
  "Trang hồ sơ hộ tịch — one page of civil-status dossiers, newest first",
);

/** One page of a desk's or a person's dossiers through the batched loader, newest first. */
export const dossierPage = async (
  loaders: CivilStatusLoaders,
  column: DossierPageKey["column"],
  key: string,
  filter: DossierListFilter,
  size: number,
  after: string | null | undefined,
): Promise<Connection<CivilStatusDossier>> => {
  const cursor = decodeCursor(after, 2);
  const position = cursor ? { receivedAt: new Date(cursor[0]), code: cursor[1] } : undefined;
  if (position && Number.isNaN(position.receivedAt.getTime())) {
    throw badInput("after", "after is not a cursor this list gave out");
  }
  const rows = await loaders.dossierPages.load({ column, key, filter, size, after: position });
  return toPage(rows, size, (row) => [new Date(row.receivedAt).toISOString(), row.code]);
};
