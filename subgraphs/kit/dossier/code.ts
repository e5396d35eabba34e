/** The field part of a dossier code (DESIGN §4): hộ tịch, địa chính, xã hội. */
export const FIELD_PREFIX = { CIVIL_STATUS: "HT", LAND: "DD", SOCIAL: "XH" } as const;
export type FieldPrefix = (typeof FIELD_PREFIX)[keyof typeof FIELD_PREFIX];

/** `{commune}.{HT|DD|XH}-{yyMMdd}-{seq4}`, e.g. 10369.HT-250701-0001. */
export const DOSSIER_CODE = /^(\d{5})\.(HT|DD|XH)-(\d{6})-(\d{4})$/;

/** Vietnam keeps UTC+7 all year; dossier codes carry the local date of receipt. */
const VIETNAM_OFFSET_MS = 7 * 3600 * 1000;

export const localYyMmDd = (at: Date): string =>
  new Date(at.getTime() + VIETNAM_OFFSET_MS).toISOString().slice(2, 10).replace(/-/g, "");
