/**
 * Vietnamese text handling. Names are stored in Unicode NFC; searches compare a folded form
 * (lower case, no diacritics, đ → d) kept in an indexed column, because "đ" has no Unicode
 * decomposition and would otherwise survive diacritic stripping.
 */
export const toNfc = (text: string): string => text.normalize("NFC");

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
