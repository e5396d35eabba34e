import { badInput } from "./errors";

/**
 * Vietnamese text handling. Names are stored in Unicode NFC; searches compare a folded form
 * (lower case, no diacritics, đ → d) kept in an indexed column, because "đ" has no Unicode
 * decomposition and would otherwise survive diacritic stripping.
 */
export const toNfc = (text: string): string => text.normalize("NFC");

/** A required text input: NFC, trimmed, not empty, at most `max` characters (one limit, the same on every database). */
export const requireText = (value: string | undefined | null, field: string, max: number, what: string): string => {
  const text = toNfc((value ?? "").trim());
  if (text.length === 0) throw badInput(field, `The ${what} is empty`);
  if (text.length > max) throw badInput(field, `The ${what} is longer than ${max} characters`);
  return text;
};

/** An optional text input: none when blank, otherwise as requireText. */
export const optionalText = (
  value: string | undefined | null,
  field: string,
  max: number,
  what: string,
): string | null =>
  value === undefined || value === null || value.trim() === "" ? null : requireText(value, field, max, what);

export const foldForSearch = (text: string): string =>
  text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();

/**
 * The LIKE escape character. Not a backslash: MySQL treats a backslash in a string literal as an
 * escape of its own and SQLite does not, while "!" means the same to both.
 */
export const LIKE_ESCAPE = "!";

/** Escapes LIKE wildcards so that user input matches literally (use with `ESCAPE '!'`). */
export const escapeLike = (text: string): string => text.replace(/[!%_]/g, (c) => `${LIKE_ESCAPE}${c}`);

/**
 * Search matches whole words from their start ("ung thien" finds "Ứng Thiên" but not
 * "Tùng Thiện"): a condition on a folded column, with the LIKE patterns to bind to it.
 */
export const wordPrefixMatch = (column: string, folded: string): { sql: string; params: Record<string, string> } => {
  const escaped = escapeLike(folded);
  return {
    sql: `(${column} LIKE :searchStart ESCAPE '${LIKE_ESCAPE}' OR ${column} LIKE :searchWord ESCAPE '${LIKE_ESCAPE}')`,
    params: { searchStart: `${escaped}%`, searchWord: `% ${escaped}%` },
  };
};
