/**
 * Communes flagged as difficult areas (địa bàn có điều kiện kinh tế – xã hội khó khăn / đặc biệt
 * khó khăn), as data with the legal source of each entry. Land procedures at such a commune get
 * 10 more working days (NĐ 151/2025/NĐ-CP Phụ lục I; land disputes 10 more days, Phụ lục II), so
 * the flag moves due dates and must never be guessed: a commune not listed is not flagged.
 *
 * The lists come from instruments of the Prime Minister and the Committee for Ethnic Minority
 * Affairs: the list of extremely difficult communes in ethnic-minority and mountainous areas
 * (e.g. Quyết định 861/QĐ-TTg of 4 June 2021 for 2021–2025, and its successor for the two-tier
 * communes formed on 1 July 2025), and the list of areas with difficult socio-economic conditions
 * annexed to the decree on investment incentives (Nghị định 31/2021/NĐ-CP, Phụ lục III). Those
 * lists name pre-merger communes; an entry here names today's 5-digit commune code, and its
 * `source` names the instrument and the annex row it was read from, so that a reviewer can check
 * it. Hà Nội (province 01) has, as far as known, no commune on these lists after the 2025
 * merger, so the list is empty until an instrument is read that names one.
 */
export interface DifficultArea {
  /** Today's 5-digit commune code (DESIGN §6). */
  readonly communeCode: string;
  /** "DIFFICULT" (khó khăn) or "EXTREMELY_DIFFICULT" (đặc biệt khó khăn). */
  readonly level: "DIFFICULT" | "EXTREMELY_DIFFICULT";
  /** The instrument, its annex and row, e.g. "Quyết định …/QĐ-TTg, Phụ lục, row …". */
  readonly source: string;
}

/** Every commune flagged; empty until an instrument naming one is read (see the module comment). */
export const DIFFICULT_AREAS: readonly DifficultArea[] = Object.freeze([]);

/** Checks the list once at load: 5-digit codes, a source per entry, no commune twice. */
const validate = (areas: readonly DifficultArea[]): ReadonlySet<string> => {
  const codes = new Set<string>();
  for (const [index, area] of areas.entries()) {
    if (!/^\d{5}$/.test(area.communeCode)) {
      throw new RangeError(`Difficult area ${index}: the commune code must have 5 digits, got ${area.communeCode}`);
    }
    if (typeof area.source !== "string" || area.source.trim() === "") {
      throw new RangeError(`Difficult area ${index} (${area.communeCode}) must name its legal source`);
    }
    if (codes.has(area.communeCode)) throw new RangeError(`Difficult area ${area.communeCode} is listed twice`);
    codes.add(area.communeCode);
  }
  return codes;
};

const FLAGGED = validate(DIFFICULT_AREAS);

/** Whether the commune is flagged as a difficult area; false for every commune not listed. */
export const isDifficultArea = (communeCode: string): boolean => FLAGGED.has(communeCode);
