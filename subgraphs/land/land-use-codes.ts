/**
 * Land-use type codes (mã loại đất) of Thông tư 08/2024/TT-BTNMT, Phụ lục II, as versioned data.
 * Every parcel use in the register carries one of these codes; a code the table does not know is
 * refused with a message naming the table's version, so that when the table changes (a later
 * circular, or codes verified and added) old and new data can be told apart.
 *
 * Only the codes on which two independent 2026 codebases following TT 08/2024 agree are listed
 * (shared/domain/land-and-social.md §A5.3, confidence high–medium). Codes whose presence or label
 * differs between the sources (DDT, DSK, DSO, CSK, SKN, DCK, DPC, DSH, DNG, RSN, SKK) are left out
 * until someone reads the circular in the Official Gazette (congbao.chinhphu.vn,
 * "thong-tu-so-08-2024-tt-btnmt"); they are listed in `unverified` so that the refusal says why.
 */

/**
 * The groups of the classification of land (phân loại đất, Luật Đất đai 2024 art. 9): agricultural,
 * non-agricultural and unused. Residential land (đất ở) belongs to the non-agricultural group in
 * law; it is kept apart here because so many rules turn on it (term, houses, split minimums).
 */
export type LandUseGroup = "AGRICULTURAL" | "RESIDENTIAL" | "NON_AGRICULTURAL" | "UNUSED";

export interface LandUseCode {
  /** Three capital letters, as printed on the certificate and in the cadastral database. */
  readonly code: string;
  readonly nameVi: string;
  readonly group: LandUseGroup;
}

/** A code left out of the table on purpose, and why. */
export interface ExcludedLandUseCode {
  readonly code: string;
  readonly reason: string;
}

export interface LandUseCodeTable {
  /** Named in every refusal, so that data entered against another table can be traced. */
  readonly version: string;
  readonly source: string;
  readonly codes: readonly LandUseCode[];
  /** Codes of the older table (TT 27/2018/TT-BTNMT) that TT 08/2024 no longer has. */
  readonly retired: readonly ExcludedLandUseCode[];
  /** Codes one source has and another does not, or labels differently: not accepted until verified. */
  readonly unverified: readonly ExcludedLandUseCode[];
  readonly note: string;
}

const code = (value: string, nameVi: string, group: LandUseGroup): LandUseCode =>
  Object.freeze({ code: value, nameVi: nameVi.normalize("NFC"), group });

const excluded = (value: string, reason: string): ExcludedLandUseCode => Object.freeze({ code: value, reason });

/** The land-use codes in force, TT 08/2024/TT-BTNMT Phụ lục II (agreed codes only). */
export const LAND_USE_CODES: LandUseCodeTable = Object.freeze({
  version: "TT08/2024",
  source:
    "Thông tư 08/2024/TT-BTNMT (thống kê, kiểm kê đất đai), Phụ lục II; read through two 2026 codebases " +
    "that follow it and agree on these codes (shared/domain/land-and-social.md §A5.3)",
  codes: Object.freeze([
    // Nhóm đất nông nghiệp — agricultural land.
    code("LUC", "Đất chuyên trồng lúa", "AGRICULTURAL"),
    code("LUK", "Đất trồng lúa còn lại", "AGRICULTURAL"),
    code("HNK", "Đất trồng cây hằng năm khác", "AGRICULTURAL"),
    code("CLN", "Đất trồng cây lâu năm", "AGRICULTURAL"),
    code("RDD", "Đất rừng đặc dụng", "AGRICULTURAL"),
    code("RPH", "Đất rừng phòng hộ", "AGRICULTURAL"),
    code("RSX", "Đất rừng sản xuất", "AGRICULTURAL"),
    code("NTS", "Đất nuôi trồng thủy sản", "AGRICULTURAL"),
    code("CNT", "Đất chăn nuôi tập trung", "AGRICULTURAL"),
    code("LMU", "Đất làm muối", "AGRICULTURAL"),
    code("NKH", "Đất nông nghiệp khác", "AGRICULTURAL"),
    // Đất ở — residential land.
    code("ONT", "Đất ở tại nông thôn", "RESIDENTIAL"),
    code("ODT", "Đất ở tại đô thị", "RESIDENTIAL"),
    // Nhóm đất phi nông nghiệp — non-agricultural land.
    code("TSC", "Đất xây dựng trụ sở cơ quan", "NON_AGRICULTURAL"),
    code("CQP", "Đất quốc phòng", "NON_AGRICULTURAL"),
    code("CAN", "Đất an ninh", "NON_AGRICULTURAL"),
    code("DVH", "Đất xây dựng cơ sở văn hóa", "NON_AGRICULTURAL"),
    code("DYT", "Đất xây dựng cơ sở y tế", "NON_AGRICULTURAL"),
    code("DGD", "Đất xây dựng cơ sở giáo dục và đào tạo", "NON_AGRICULTURAL"),
    code("DTT", "Đất xây dựng cơ sở thể dục thể thao", "NON_AGRICULTURAL"),
    code("DKH", "Đất xây dựng cơ sở khoa học và công nghệ", "NON_AGRICULTURAL"),
    code("TMD", "Đất thương mại, dịch vụ", "NON_AGRICULTURAL"),
    code("SKC", "Đất cơ sở sản xuất phi nông nghiệp", "NON_AGRICULTURAL"),
    code("SKS", "Đất sử dụng cho hoạt động khoáng sản", "NON_AGRICULTURAL"),
    code("DGT", "Đất giao thông", "NON_AGRICULTURAL"),
    code("DTL", "Đất thủy lợi", "NON_AGRICULTURAL"),
    code("DRA", "Đất bãi thải, xử lý chất thải", "NON_AGRICULTURAL"),
    code("DNL", "Đất công trình năng lượng, chiếu sáng công cộng", "NON_AGRICULTURAL"),
    code("TON", "Đất cơ sở tôn giáo", "NON_AGRICULTURAL"),
    code("TIN", "Đất cơ sở tín ngưỡng", "NON_AGRICULTURAL"),
    code("SON", "Đất sông, ngòi, kênh, rạch, suối", "NON_AGRICULTURAL"),
    code("MNC", "Đất có mặt nước chuyên dùng", "NON_AGRICULTURAL"),
    code("PNK", "Đất phi nông nghiệp khác", "NON_AGRICULTURAL"),
    // Nhóm đất chưa sử dụng — unused land.
    code("BCS", "Đất bằng chưa sử dụng", "UNUSED"),
    code("DCS", "Đất đồi núi chưa sử dụng", "UNUSED"),
    code("NCS", "Núi đá không có rừng cây", "UNUSED"),
  ]),
  retired: Object.freeze([
    excluded("BHK", "merged into HNK (Đất trồng cây hằng năm khác) by TT 08/2024"),
    excluded("NHK", "merged into HNK (Đất trồng cây hằng năm khác) by TT 08/2024"),
  ]),
  unverified: Object.freeze([
    excluded("DDT", "historic-site land: one source keeps it, the other treats it as superseded"),
    excluded("DSK", "its label differs between the sources"),
    excluded("DSO", "its label differs between the sources"),
    excluded("CSK", "its label differs between the sources"),
    excluded("SKN", "its label differs between the sources"),
    excluded("DCK", "its label differs between the sources"),
    excluded("DPC", "its label is probably swapped with DSH in one source"),
    excluded("DSH", "its label is probably swapped with DPC in one source"),
    excluded("DNG", "labelled 'ngoại giao' in the old table and 'hành lang bảo vệ an toàn' in a 2026 source"),
    excluded("RSN", "natural production forest: present in one source only"),
    excluded("SKK", "industrial zone: present in one source only"),
  ]),
  note:
    "The full labels of DVH, DYT, DGD, DTT and DKH ('Đất xây dựng cơ sở …') follow the older table; the research " +
    "gives them in short form. Check them, and the codes in `unverified`, against the circular in the Official Gazette.",
});

const BY_CODE: ReadonlyMap<string, LandUseCode> = new Map(LAND_USE_CODES.codes.map((entry) => [entry.code, entry]));

/** The entry for a land-use code, or undefined when the table in force does not list it. */
export const landUseCode = (value: string): LandUseCode | undefined => BY_CODE.get(value);

/**
 * Residential land (đất ở): rural ONT and urban ODT. A house needs one of them on its parcel
 * (NĐ 217/2026 art. 50(1)), and their term is stable long-term (Luật Đất đai 2024 art. 171).
 */
export const RESIDENTIAL_CODES: readonly string[] = Object.freeze(["ONT", "ODT"]);

/**
 * Why a code is not accepted, naming the table version, or undefined when the table lists it.
 * Codes are matched exactly: "ont" and " ONT" are not codes (the register stores them as printed).
 */
export const landUseCodeProblem = (value: string): string | undefined => {
  if (typeof value === "string" && BY_CODE.has(value)) return undefined;
  const shown = JSON.stringify(value);
  const table = `land-use code table ${LAND_USE_CODES.version} (Thông tư 08/2024/TT-BTNMT, Phụ lục II)`;
  const retired = LAND_USE_CODES.retired.find((entry) => entry.code === value);
  if (retired) return `The land-use code ${shown} is no longer in the ${table}: ${retired.reason}.`;
  const unverified = LAND_USE_CODES.unverified.find((entry) => entry.code === value);
  if (unverified) {
    return `The land-use code ${shown} is not accepted by the ${table} until it is verified against the circular: ${unverified.reason}.`;
  }
  return `The land-use code ${shown} is not in the ${table}; use one of its codes, such as ONT, ODT, LUC or CLN.`;
};
