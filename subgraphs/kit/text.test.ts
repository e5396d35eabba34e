import { escapeLike, foldForSearch, LIKE_ESCAPE, toNfc } from "./text";

describe("kit > text > foldForSearch", () => {
  test("folds a full name to lower case without diacritics", () => {
    // A desk officer types "nguyen van a" and expects to find Nguyễn Văn A.
    expect(foldForSearch("Nguyễn Văn A")).toBe("nguyen van a");
  });

  test("turns đ and Đ into d", () => {
    // Đ has no Unicode decomposition, so stripping combining marks alone would keep it.
    expect(foldForSearch("Đặng")).toBe("dang");
    expect(foldForSearch("đặng")).toBe("dang");
    expect(foldForSearch("ĐỖ ĐỨC ĐẠT")).toBe("do duc dat");
    expect(foldForSearch("Phường Đống Đa")).toBe("phuong dong da");
  });

  test("gives the same result for NFC and NFD input", () => {
    // Names pasted from macOS or some keyboards arrive decomposed; they must match the stored NFC form.
    for (const name of ["Nguyễn Văn A", "Trần Thị Thủy", "Đặng Hữu Phước", "Xã Ứng Thiên", "Huỳnh Ngọc Quỳnh"]) {
      const nfc = name.normalize("NFC");
      const nfd = name.normalize("NFD");
      expect(nfd).not.toBe(nfc);
      expect(foldForSearch(nfd)).toBe(foldForSearch(nfc));
    }
  });

  test("removes every Vietnamese tone and vowel mark", () => {
    // All five tones on every modified vowel (ă â ê ô ơ ư) fold to the bare letter.
    const pairs: Array<[string, string]> = [
      ["àáảãạ", "aaaaa"],
      ["ằắẳẵặ", "aaaaa"],
      ["ầấẩẫậ", "aaaaa"],
      ["èéẻẽẹ", "eeeee"],
      ["ềếểễệ", "eeeee"],
      ["ìíỉĩị", "iiiii"],
      ["òóỏõọ", "ooooo"],
      ["ồốổỗộ", "ooooo"],
      ["ờớởỡợ", "ooooo"],
      ["ùúủũụ", "uuuuu"],
      ["ừứửữự", "uuuuu"],
      ["ỳýỷỹỵ", "yyyyy"],
      ["ăâêôơư", "aaeoou"],
      ["ĂÂÊÔƠƯ", "aaeoou"],
    ];
    for (const [marked, bare] of pairs) expect(foldForSearch(marked)).toBe(bare);
  });

  test("treats old and new tone placement alike", () => {
    // "Hoà" and "Hòa", "Thuý" and "Thúy" are the same name written in two conventions.
    expect(foldForSearch("Hoà")).toBe(foldForSearch("Hòa"));
    expect(foldForSearch("Thuý")).toBe(foldForSearch("Thúy"));
    expect(foldForSearch("Khánh Hoà")).toBe("khanh hoa");
  });

  test("ignores case", () => {
    // Mixed-case input folds like its lower-case form.
    expect(foldForSearch("NGUYỄN văn A")).toBe("nguyen van a");
    expect(foldForSearch("nGuYễN VĂN a")).toBe("nguyen van a");
  });

  test("collapses and trims whitespace", () => {
    // Extra spaces, tabs, line breaks and no-break spaces from copied text do not change the result.
    expect(foldForSearch("  Nguyễn   Văn\tA \n")).toBe("nguyen van a");
    expect(foldForSearch("Nguyễn\u00a0Văn\u00a0A")).toBe("nguyen van a");
    expect(foldForSearch("   ")).toBe("");
    expect(foldForSearch("")).toBe("");
  });

  test("leaves ASCII text, digits and punctuation alone apart from case", () => {
    // Only diacritics, đ, case and spacing are folded.
    expect(foldForSearch("Bà Rịa - Vũng Tàu 2")).toBe("ba ria - vung tau 2");
    expect(foldForSearch("abc_%")).toBe("abc_%");
  });

  test("is idempotent", () => {
    // Folding a folded value changes nothing, so stored search columns can be compared with folded input.
    for (const name of ["Nguyễn Văn A", "Đặng Thị Ngọc Ánh", "Xã Ứng Thiên"]) {
      expect(foldForSearch(foldForSearch(name))).toBe(foldForSearch(name));
    }
  });

  test("keeps a prefix a prefix", () => {
    // Search is a prefix match on the folded column, so folding must not reorder or drop letters.
    expect(foldForSearch("Nguyễn Văn Anh").startsWith(foldForSearch("Nguyễn Văn"))).toBe(true);
  });
});

describe("kit > text > toNfc", () => {
  test("composes decomposed Vietnamese text", () => {
    // Names are stored in NFC whatever form the client sent.
    const nfd = "Nguyễn Văn A".normalize("NFD");
    expect(toNfc(nfd)).toBe("Nguyễn Văn A".normalize("NFC"));
    expect(toNfc(nfd).length).toBeLessThan(nfd.length);
  });
});

describe("kit > text > escapeLike", () => {
  test("escapes the LIKE wildcards and the escape character itself", () => {
    // A user typing % or _ searches for those characters, not for any text.
    expect(LIKE_ESCAPE).toBe("!");
    expect(escapeLike("50%")).toBe("50!%");
    expect(escapeLike("a_b")).toBe("a!_b");
    expect(escapeLike("wow!")).toBe("wow!!");
    expect(escapeLike("%_!")).toBe("!%!_!!");
  });

  test("leaves backslashes and ordinary text unchanged", () => {
    // Only the escape character and the two wildcards are special under ESCAPE '!'.
    expect(escapeLike("c:\\path")).toBe("c:\\path");
    expect(escapeLike("nguyen van a")).toBe("nguyen van a");
    expect(escapeLike("")).toBe("");
  });
});
