import { landUseCodeProblem } from "./land-use-codes";

/**
 * The minimum area (and, where set, frontage and depth) of each parcel resulting from a split
 * (diện tích tối thiểu được tách thửa). The Land Law leaves the numbers to each province: the
 * provincial People's Committee sets them per land type and per area of its territory (Luật Đất
 * đai 2024 art. 220; the clause is not confirmed here), so the table is data, one row per
 * province, zone and land use, each row naming the decision it comes from.
 *
 * The table is EMPTY on purpose. No province's decision was read (shared/domain/land-and-social.md
 * §A5, item 3). Hà Nội's decision on minimum split areas was searched for in the stored public
 * pages and documentation while this module was written: the results held only titles, unrelated
 * pages, or Quyết định 61/2024/QĐ-UBND, which deals with compensation on land recovery rather than
 * splits, and no text giving the numbers. A guessed minimum would let a split through that the
 * province forbids, or refuse one it allows, so a province without rows is refused by the split
 * check with a message saying that its minimum is not configured. Add a province only from its
 * decision's text.
 */

export interface MinimumSplitArea {
  /** The 2-digit province code (DESIGN §6). */
  readonly provinceCode: string;
  /**
   * The province's own zone, as its decision names it: e.g. "WARD" (phường), "COMMUNE" (xã),
   * "MOUNTAINOUS_COMMUNE" (xã miền núi). Decisions divide their territory differently, so the zone
   * is the province's key, not a national list.
   */
  readonly zone: string;
  /** The land-use codes (TT08/2024) the minimum applies to. */
  readonly landUseCodes: readonly string[];
  /** The least area of each resulting parcel, in m². */
  readonly minAreaM2: number;
  /** The least width of the resulting parcel's side on the road (mặt tiền), in metres, where set. */
  readonly minFrontageM?: number;
  /** The least depth (chiều sâu), in metres, where set. */
  readonly minDepthM?: number;
  /** The decision and the article that set the row, e.g. "Quyết định …/2024/QĐ-UBND, art. 5(1)(a)". */
  readonly source: string;
  readonly note?: string;
}

/** Every row in force. Empty until a province's decision has been read: see the module comment. */
export const MINIMUM_SPLIT_AREAS: readonly MinimumSplitArea[] = Object.freeze([]);

const isPositive = (value: unknown): value is number =>
  typeof value === "number" && Number.isFinite(value) && value > 0;

/**
 * Checks a table before it is used: province codes of 2 digits, a zone, known land-use codes,
 * positive measures, a source, and no two rows for the same province, zone and land use (which
 * would leave the minimum ambiguous). Throws a RangeError naming the row, since a bad table is a
 * programming error the desk cannot fix.
 */
export const validateMinimumSplitAreas = (rows: readonly MinimumSplitArea[]): void => {
  const seen = new Map<string, number>();
  rows.forEach((row, index) => {
    const where = `Minimum split area row ${index}`;
    if (!/^\d{2}$/.test(row.provinceCode)) {
      throw new RangeError(`${where}: the province code must have 2 digits, got ${JSON.stringify(row.provinceCode)}`);
    }
    if (typeof row.zone !== "string" || row.zone.trim() === "") throw new RangeError(`${where}: the zone is empty`);
    if (row.landUseCodes.length === 0) throw new RangeError(`${where}: it names no land-use code`);
    for (const landUse of row.landUseCodes) {
      const problem = landUseCodeProblem(landUse);
      if (problem) throw new RangeError(`${where}: ${problem}`);
      const key = `${row.provinceCode}|${row.zone}|${landUse}`;
      const earlier = seen.get(key);
      if (earlier !== undefined) {
        throw new RangeError(
          `${where} repeats row ${earlier} for province ${row.provinceCode}, zone ${row.zone} and land use ${landUse}`,
        );
      }
      seen.set(key, index);
    }
    if (!isPositive(row.minAreaM2))
      throw new RangeError(`${where}: the minimum area must be > 0 m², got ${row.minAreaM2}`);
    for (const [name, value] of [
      ["frontage", row.minFrontageM],
      ["depth", row.minDepthM],
    ] as const) {
      if (value !== undefined && !isPositive(value)) {
        throw new RangeError(`${where}: the minimum ${name} must be > 0 m when set, got ${value}`);
      }
    }
    if (typeof row.source !== "string" || row.source.trim() === "")
      throw new RangeError(`${where}: it must name its source`);
  });
};

validateMinimumSplitAreas(MINIMUM_SPLIT_AREAS);

/** Whether the table has any row for the province, i.e. whether its decision has been entered at all. */
export const provinceHasMinimumSplitAreas = (
  provinceCode: string,
  rows: readonly MinimumSplitArea[] = MINIMUM_SPLIT_AREAS,
): boolean => rows.some((row) => row.provinceCode === provinceCode);

/**
 * The row setting the minimum for a parcel of this land use in this province and zone, or
 * undefined when the table has none: the caller must then refuse, never fall back on another
 * zone's or province's numbers. `rows` defaults to the table in force; tests pass their own.
 */
export const minimumSplitArea = (
  provinceCode: string,
  zone: string,
  landUseCode: string,
  rows: readonly MinimumSplitArea[] = MINIMUM_SPLIT_AREAS,
): MinimumSplitArea | undefined =>
  rows.find((row) => row.provinceCode === provinceCode && row.zone === zone && row.landUseCodes.includes(landUseCode));
