/**
 * The 12-digit personal identification number (số định danh cá nhân), structured as set out by the
 * Law on Identification 2023 (Luật Căn cước, 26/2023/QH15) art. 12 and Decree 70/2024/NĐ-CP, which
 * replaced Decree 137/2015/NĐ-CP; the province table is Circular 07/2016/TT-BCA's (DESIGN §6). The
 * law also allows the code of the country where a birth registered abroad was recorded in place of
 * PPP; no table of those codes was found, so such numbers are refused as unknown provinces for now.
 * A number kept after a gender re-determination or a corrected birth year (Decree 70/2024 art.
 * 11(7)–(8)) may disagree with the person's gender or birth year: only a number issued now must agree.
 *
 *   PPP C YY NNNNNN
 *   PPP     the province where the birth was registered, as the 63 province codes in force
 *           before the 2025 reform (numbers already issued stay valid for life)
 *   C       century and gender: 0/1 male/female born 1900–1999, 2/3 for 2000–2099, 4/5 for
 *           2100–2199, 6/7 for 2200–2299, 8/9 for 2300–2399
 *   YY      the last two digits of the birth year
 *   NNNNNN  a serial number
 */

/** The 63 pre-2025 province codes a personal identification number may begin with. */
export const BIRTH_PROVINCES: Readonly<Record<string, string>> = Object.freeze({
  "001": "Hà Nội",
  "002": "Hà Giang",
  "004": "Cao Bằng",
  "006": "Bắc Kạn",
  "008": "Tuyên Quang",
  "010": "Lào Cai",
  "011": "Điện Biên",
  "012": "Lai Châu",
  "014": "Sơn La",
  "015": "Yên Bái",
  "017": "Hòa Bình",
  "019": "Thái Nguyên",
  "020": "Lạng Sơn",
  "022": "Quảng Ninh",
  "024": "Bắc Giang",
  "025": "Phú Thọ",
  "026": "Vĩnh Phúc",
  "027": "Bắc Ninh",
  "030": "Hải Dương",
  "031": "Hải Phòng",
  "033": "Hưng Yên",
  "034": "Thái Bình",
  "035": "Hà Nam",
  "036": "Nam Định",
  "037": "Ninh Bình",
  "038": "Thanh Hóa",
  "040": "Nghệ An",
  "042": "Hà Tĩnh",
  "044": "Quảng Bình",
  "045": "Quảng Trị",
  "046": "Thừa Thiên Huế",
  "048": "Đà Nẵng",
  "049": "Quảng Nam",
  "051": "Quảng Ngãi",
  "052": "Bình Định",
  "054": "Phú Yên",
  "056": "Khánh Hòa",
  "058": "Ninh Thuận",
  "060": "Bình Thuận",
  "062": "Kon Tum",
  "064": "Gia Lai",
  "066": "Đắk Lắk",
  "067": "Đắk Nông",
  "068": "Lâm Đồng",
  "070": "Bình Phước",
  "072": "Tây Ninh",
  "074": "Bình Dương",
  "075": "Đồng Nai",
  "077": "Bà Rịa – Vũng Tàu",
  "079": "Hồ Chí Minh",
  "080": "Long An",
  "082": "Tiền Giang",
  "083": "Bến Tre",
  "084": "Trà Vinh",
  "086": "Vĩnh Long",
  "087": "Đồng Tháp",
  "089": "An Giang",
  "091": "Kiên Giang",
  "092": "Cần Thơ",
  "093": "Hậu Giang",
  "094": "Sóc Trăng",
  "095": "Bạc Liêu",
  "096": "Cà Mau",
});

export type PersonalIdGender = "MALE" | "FEMALE";

export type PersonalIdParse =
  | { ok: true; provinceCode: string; gender: PersonalIdGender; birthYear: number }
  | { ok: false; reason: string };

/** The first birth year each century/gender digit pair stands for: 0/1 → 1900, 2/3 → 2000, … */
const centuryStart = (digit: number): number => 1900 + Math.floor(digit / 2) * 100;

/** The century/gender digit (the 4th digit) for a birth year and gender, for generators and tests. */
export const centuryGenderDigit = (birthYear: number, gender: PersonalIdGender): number => {
  if (!Number.isInteger(birthYear) || birthYear < 1900 || birthYear > 2399) {
    throw new RangeError(`A personal identification number cannot encode the birth year ${birthYear}`);
  }
  return Math.floor((birthYear - 1900) / 100) * 2 + (gender === "FEMALE" ? 1 : 0);
};

/**
 * Checks the structure of a personal identification number and reads what it encodes. `today`
 * (default: now) rejects numbers whose birth year has not happened yet. The input is taken as
 * given: callers that accept typed text trim it first.
 */
export const parsePersonalId = (id: string, today: Date = new Date()): PersonalIdParse => {
  if (typeof id !== "string" || id.length === 0) {
    return { ok: false, reason: "The personal identification number is empty; it must have exactly 12 digits." };
  }
  if (!/^[0-9]+$/.test(id)) {
    return {
      ok: false,
      reason: "The personal identification number must contain digits only (no spaces, letters or punctuation).",
    };
  }
  if (id.length !== 12) {
    return {
      ok: false,
      reason: `The personal identification number must have exactly 12 digits; this one has ${id.length}.`,
    };
  }
  const provinceCode = id.slice(0, 3);
  if (!(provinceCode in BIRTH_PROVINCES)) {
    return {
      ok: false,
      reason: `The personal identification number starts with ${provinceCode}, which is not a province code; the first three digits must be the code of the province where the birth was registered (for example 001 for Hà Nội).`,
    };
  }
  const digit = Number(id[3]);
  const birthYear = centuryStart(digit) + Number(id.slice(4, 6));
  const currentYear = today.getUTCFullYear();
  if (birthYear > currentYear) {
    return {
      ok: false,
      reason: `The personal identification number encodes the birth year ${birthYear}, which is in the future; check the 4th to 6th digits.`,
    };
  }
  return { ok: true, provinceCode, gender: digit % 2 === 0 ? "MALE" : "FEMALE", birthYear };
};

const GENDER_WORDS: Record<PersonalIdGender, string> = { MALE: "male", FEMALE: "female" };

/**
 * Why a personal identification number cannot belong to a person of this gender and birth date
 * (`YYYY-MM-DD`), or `undefined` when it can. An ID that is malformed in itself yields the reason
 * from {@link parsePersonalId}.
 */
export const personalIdMismatch = (
  id: string,
  gender: PersonalIdGender,
  birthDate: string,
  today: Date = new Date(),
): string | undefined => {
  const parsed = parsePersonalId(id, today);
  if (!parsed.ok) return parsed.reason;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(birthDate);
  if (!match) return `The birth date ${birthDate} is not a date in the form YYYY-MM-DD.`;
  const birthYear = Number(match[1]);
  const problems: string[] = [];
  if (parsed.gender !== gender) {
    problems.push(
      `it is the number of a ${GENDER_WORDS[parsed.gender]} person, but the gender given is ${GENDER_WORDS[gender]}`,
    );
  }
  if (parsed.birthYear !== birthYear) {
    problems.push(`it encodes the birth year ${parsed.birthYear}, but the birth date given is in ${birthYear}`);
  }
  if (problems.length === 0) return undefined;
  return `The personal identification number does not match the person: ${problems.join("; and ")}.`;
};
