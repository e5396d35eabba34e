import { LAND_USE_CODES, landUseCode, landUseCodeProblem, RESIDENTIAL_CODES } from "./land-use-codes";
import {
  MINIMUM_SPLIT_AREAS,
  type MinimumSplitArea,
  minimumSplitArea,
  provinceHasMinimumSplitAreas,
  validateMinimumSplitAreas,
} from "./minimum-split-area";
import {
  AREA_TOLERANCE_M2,
  type CertificateFacts,
  type CertificateIssueInput,
  checkCertificateIssue,
  checkCertificateSerial,
  checkConstructionPermit,
  checkFirstCertificate,
  checkParcel,
  checkPermitExtension,
  checkSplit,
  checkTransfer,
  type ConstructionPermitInput,
  defaultTermFor,
  type EncumbranceFacts,
  type EncumbranceKind,
  landUseExpired,
  type LandUseFacts,
  MAX_PERMIT_EXTENSIONS,
  type ParcelFacts,
  type PermitFacts,
  permitStartDeadline,
  type SplitInput,
  type TransferInput,
} from "./rules";

/** A fixed "today" so that the future-date rules do not depend on when the tests run. */
const TODAY = "2026-07-15";

// A married couple in Hà Nội holding a certificate together, and two buyers.
const ANH = "001085000101"; // man born 1985
const BINH = "001187000102"; // woman born 1987
const CUONG = "001090000103"; // man born 1990
const DUNG = "079195000104"; // woman born 1995 in Hồ Chí Minh City

const KEY = { mapUnitCode: "10369", mapSheet: 12, parcelNumber: 345 };

const ONT_200: LandUseFacts = { landUseCode: "ONT", areaM2: 200, term: "STABLE_LONG_TERM" };
const CLN_150: LandUseFacts = { landUseCode: "CLN", areaM2: 150, term: { until: "2064-10-15" } };

/** 200 m² of rural residential land with 150 m² of perennial crops around it. */
const PARCEL: ParcelFacts = { key: KEY, areaM2: 350, uses: [ONT_200, CLN_150] };

const CERTIFICATE: CertificateFacts = {
  serial: "CS 123456",
  form: "GCN_2009",
  status: "VALID",
  holders: [
    { personalId: ANH, role: "HUSBAND" },
    { personalId: BINH, role: "WIFE" },
  ],
};

const encumbrance = (kind: EncumbranceKind, overrides: Partial<EncumbranceFacts> = {}): EncumbranceFacts => ({
  kind,
  from: "2025-01-10",
  until: null,
  blocksTransfer: false,
  ...overrides,
});

describe("land > land-use-codes > LAND_USE_CODES", () => {
  test("is the TT 08/2024 table, named by its version", () => {
    // Data entered against another table must be traceable, so the version travels with the table.
    expect(LAND_USE_CODES.version).toBe("TT08/2024");
    expect(LAND_USE_CODES.source).toMatch(/Thông tư 08\/2024\/TT-BTNMT.*Phụ lục II/);
  });

  test("holds the 36 agreed codes, each once, in the four groups", () => {
    // §A5.3 lists 11 agricultural, 2 residential, 20 non-agricultural and 3 unused codes.
    const codes = LAND_USE_CODES.codes.map((entry) => entry.code);
    expect(codes).toHaveLength(36);
    expect(new Set(codes).size).toBe(36);
    for (const entry of LAND_USE_CODES.codes) expect(entry.code).toMatch(/^[A-Z]{3}$/);
    const count = (group: string) => LAND_USE_CODES.codes.filter((entry) => entry.group === group).length;
    expect([count("AGRICULTURAL"), count("RESIDENTIAL"), count("NON_AGRICULTURAL"), count("UNUSED")]).toEqual([
      11, 2, 20, 3,
    ]);
  });

  test("includes CNT, new in 2024, and leaves out the retired BHK and NHK", () => {
    // TT 08/2024 added concentrated livestock land and merged the two annual-crop codes into HNK.
    expect(landUseCode("CNT")?.group).toBe("AGRICULTURAL");
    expect(landUseCode("BHK")).toBeUndefined();
    expect(landUseCode("NHK")).toBeUndefined();
  });

  test("leaves out every disputed or unverified code", () => {
    // Codes on which the sources disagree are not hard-coded until the circular is read.
    expect(LAND_USE_CODES.unverified.map((entry) => entry.code)).toEqual([
      "DDT",
      "DSK",
      "DSO",
      "CSK",
      "SKN",
      "DCK",
      "DPC",
      "DSH",
      "DNG",
      "RSN",
      "SKK",
    ]);
    for (const entry of [...LAND_USE_CODES.unverified, ...LAND_USE_CODES.retired]) {
      expect(landUseCode(entry.code)).toBeUndefined();
    }
  });

  test("stores the labels in NFC", () => {
    // Labels are compared and displayed in NFC across the hub.
    for (const entry of LAND_USE_CODES.codes) {
      expect(entry.nameVi).toBe(entry.nameVi.normalize("NFC"));
      expect(entry.nameVi.trim()).not.toBe("");
    }
  });

  test("cannot be modified at run time", () => {
    // A shared reference table must not drift because one caller wrote into it.
    expect(Object.isFrozen(LAND_USE_CODES)).toBe(true);
    expect(Object.isFrozen(LAND_USE_CODES.codes)).toBe(true);
    for (const entry of LAND_USE_CODES.codes) expect(Object.isFrozen(entry)).toBe(true);
    expect(Object.isFrozen(RESIDENTIAL_CODES)).toBe(true);
  });
});

describe("land > land-use-codes > landUseCode", () => {
  test("finds a code with its label and group", () => {
    // ODT is urban residential land.
    expect(landUseCode("ODT")).toEqual({ code: "ODT", nameVi: "Đất ở tại đô thị", group: "RESIDENTIAL" });
    expect(landUseCode("LUC")?.nameVi).toBe("Đất chuyên trồng lúa");
  });

  test.each(["ont", " ONT", "ONT ", "", "ON", "ONTX"])("does not find %j", (value) => {
    // Codes are matched exactly as printed on certificates.
    expect(landUseCode(value)).toBeUndefined();
  });

  test("lists ONT and ODT as the residential codes, and they are the residential group", () => {
    // A house needs one of them (NĐ 217/2026 art. 50(1)).
    expect(RESIDENTIAL_CODES).toEqual(["ONT", "ODT"]);
    const residential = LAND_USE_CODES.codes
      .filter((entry) => entry.group === "RESIDENTIAL")
      .map((entry) => entry.code);
    expect(residential).toEqual([...RESIDENTIAL_CODES]);
  });
});

describe("land > land-use-codes > landUseCodeProblem", () => {
  test("accepts a code of the table", () => {
    // A known code is no problem.
    expect(landUseCodeProblem("CLN")).toBeUndefined();
  });

  test("refuses an unknown code naming the table version", () => {
    // The officer must know which table the code was checked against.
    const message = landUseCodeProblem("XYZ");
    expect(message).toContain('"XYZ"');
    expect(message).toContain("TT08/2024");
    expect(message).toContain("Thông tư 08/2024/TT-BTNMT");
  });

  test("says a retired code was merged into HNK", () => {
    // An old certificate may still show BHK; the officer needs the new code.
    const message = landUseCodeProblem("BHK");
    expect(message).toContain("TT08/2024");
    expect(message).toContain("HNK");
  });

  test("says an unverified code waits for verification", () => {
    // DDT is kept by one source and rejected by the other.
    const message = landUseCodeProblem("DDT");
    expect(message).toContain("TT08/2024");
    expect(message).toMatch(/until it is verified/);
  });

  test("refuses a lower-case code", () => {
    // The register stores codes as printed: "ont" would not match ONT anywhere else.
    expect(landUseCodeProblem("ont")).toContain("TT08/2024");
  });
});

/** Fictitious rows for an imaginary province "99": never real numbers (the real table is empty). */
const FIXTURE_ROWS: readonly MinimumSplitArea[] = [
  {
    provinceCode: "99",
    zone: "WARD",
    landUseCodes: ["ODT", "ONT"],
    minAreaM2: 50,
    minFrontageM: 4,
    source: "test fixture, not a real decision",
  },
  { provinceCode: "99", zone: "WARD", landUseCodes: ["CLN"], minAreaM2: 500, source: "test fixture" },
  {
    provinceCode: "99",
    zone: "COMMUNE",
    landUseCodes: ["ONT"],
    minAreaM2: 80,
    minDepthM: 8,
    source: "test fixture",
  },
];

describe("land > minimum-split-area > MINIMUM_SPLIT_AREAS", () => {
  test("is empty: no province's decision has been read", () => {
    // A guessed minimum would let forbidden splits through; Hà Nội's decision text was not found.
    expect(MINIMUM_SPLIT_AREAS).toEqual([]);
    expect(Object.isFrozen(MINIMUM_SPLIT_AREAS)).toBe(true);
  });

  test("has no row for Hà Nội", () => {
    // Hà Nội (01) is left out until its decision's numbers are read.
    expect(provinceHasMinimumSplitAreas("01")).toBe(false);
    expect(minimumSplitArea("01", "WARD", "ODT")).toBeUndefined();
  });
});

describe("land > minimum-split-area > minimumSplitArea", () => {
  test("finds the row for the province, zone and use", () => {
    // A ward's urban residential land in the fixture province has a 50 m² minimum.
    expect(minimumSplitArea("99", "WARD", "ODT", FIXTURE_ROWS)?.minAreaM2).toBe(50);
    expect(minimumSplitArea("99", "WARD", "ONT", FIXTURE_ROWS)?.minAreaM2).toBe(50);
    expect(minimumSplitArea("99", "COMMUNE", "ONT", FIXTURE_ROWS)?.minAreaM2).toBe(80);
  });

  test.each([
    ["98", "WARD", "ODT"],
    ["99", "COMMUNE", "ODT"],
    ["99", "WARD", "LUC"],
    ["99", "ward", "ODT"],
  ])("finds nothing for province %s, zone %s, use %s", (province, zone, use) => {
    // Another province, zone or use never borrows a row: the caller must refuse instead.
    expect(minimumSplitArea(province, zone, use, FIXTURE_ROWS)).toBeUndefined();
  });

  test("tells a province with rows from one without", () => {
    // "Not configured for the province" and "not configured for this zone" are different refusals.
    expect(provinceHasMinimumSplitAreas("99", FIXTURE_ROWS)).toBe(true);
    expect(provinceHasMinimumSplitAreas("01", FIXTURE_ROWS)).toBe(false);
  });
});

describe("land > minimum-split-area > validateMinimumSplitAreas", () => {
  const row = (overrides: Partial<MinimumSplitArea>): MinimumSplitArea => ({ ...FIXTURE_ROWS[0], ...overrides });

  test("accepts a well-formed table", () => {
    // The fixture is what a province's rows look like.
    expect(() => validateMinimumSplitAreas(FIXTURE_ROWS)).not.toThrow();
    expect(() => validateMinimumSplitAreas([])).not.toThrow();
  });

  test.each<[string, Partial<MinimumSplitArea>, RegExp]>([
    ["a 1-digit province", { provinceCode: "1" }, /province code must have 2 digits/],
    ["an empty zone", { zone: " " }, /zone is empty/],
    ["no land-use code", { landUseCodes: [] }, /names no land-use code/],
    ["an unknown land-use code", { landUseCodes: ["BHK"] }, /TT08\/2024/],
    ["a zero minimum", { minAreaM2: 0 }, /minimum area must be > 0/],
    ["a minimum that is not a number", { minAreaM2: Number.NaN }, /minimum area must be > 0/],
    ["a negative frontage", { minFrontageM: -1 }, /minimum frontage must be > 0/],
    ["a zero depth", { minDepthM: 0 }, /minimum depth must be > 0/],
    ["no source", { source: "" }, /must name its source/],
  ])("refuses a row with %s", (_what, overrides, message) => {
    // A row the split check cannot trust must stop the service at start, naming the row.
    expect(() => validateMinimumSplitAreas([row(overrides)])).toThrow(message);
  });

  test("refuses two rows for the same province, zone and use", () => {
    // Two minimums for one case would make the answer depend on row order.
    expect(() => validateMinimumSplitAreas([...FIXTURE_ROWS, row({ landUseCodes: ["ONT"], minAreaM2: 60 })])).toThrow(
      /row 3 repeats row 0 for province 99, zone WARD and land use ONT/,
    );
  });
});

describe("land > rules > landUseExpired", () => {
  test("never expires a stable long-term use", () => {
    // Residential land is used stably and long-term (Luật Đất đai 2024 art. 171).
    expect(landUseExpired(ONT_200, "2999-12-31")).toBe(false);
  });

  test("lets land be used on the last day of its term and expires it the next day", () => {
    // "Until 15 October 2064" includes that day.
    expect(landUseExpired(CLN_150, "2064-10-14")).toBe(false);
    expect(landUseExpired(CLN_150, "2064-10-15")).toBe(false);
    expect(landUseExpired(CLN_150, "2064-10-16")).toBe(true);
  });

  test("refuses a date that does not exist", () => {
    // An impossible date is a programming error here.
    expect(() => landUseExpired(CLN_150, "2026-02-29")).toThrow(RangeError);
    expect(() => landUseExpired({ term: { until: "2064-13-01" } }, TODAY)).toThrow(RangeError);
  });
});

describe("land > rules > defaultTermFor", () => {
  test.each(["ONT", "ODT"])("gives residential land %s a stable long-term term", (code) => {
    // Luật Đất đai 2024 art. 171: residential land is used stably and long-term.
    expect(defaultTermFor(code, "2026-07-01")).toBe("STABLE_LONG_TERM");
  });

  test.each(["LUC", "LUK", "HNK", "CLN", "RSX", "NTS", "CNT", "LMU", "NKH"])(
    "gives agricultural land %s 50 years",
    (code) => {
      // Art. 172(1)(a): agricultural land allocated to an individual is allocated for 50 years.
      expect(defaultTermFor(code, "2024-08-01")).toEqual({ until: "2074-08-01" });
    },
  );

  test("ends a term begun on 29 February on 28 February when the last year is common", () => {
    // 2074 is not a leap year; the period ends on the month's last day (Civil Code 2015 art. 148).
    expect(defaultTermFor("LUC", "2024-02-29")).toEqual({ until: "2074-02-28" });
  });

  test.each(["RDD", "RPH", "TMD", "SKC", "DGT", "BCS", "NCS"])("offers no default for %s", (code) => {
    // Protection and special-use forest, non-agricultural and unused land take the term of their decision.
    expect(defaultTermFor(code, "2026-07-01")).toBeUndefined();
  });

  test("refuses an unknown code naming the table version", () => {
    // Callers check codes first; an unknown one here is a programming error.
    expect(() => defaultTermFor("BHK", "2026-07-01")).toThrow(/TT08\/2024/);
  });

  test("refuses an impossible allocation date", () => {
    // 2026 is not a leap year.
    expect(() => defaultTermFor("LUC", "2026-02-29")).toThrow(RangeError);
  });
});

describe("land > rules > checkCertificateSerial", () => {
  test.each([
    ["GCN_2009", "CS 123456"],
    ["GCN_2009", "CS123456"],
    ["LEGACY_GCN_QSDD", "AĐ 000001"],
    ["LEGACY_GCN_QSHNO", "ĐĐ 999999"],
  ] as const)("accepts the %s serial %j", (form, serial) => {
    // Two Vietnamese capital letters (Đ included) and six digits, with or without a space.
    expect(checkCertificateSerial(form, serial)).toBeUndefined();
  });

  test.each([
    "cs 123456",
    "CS  123456",
    "CS 12345",
    "CS 1234567",
    "C 123456",
    "CSA 123456",
    " CS 123456",
    "CS-123456",
    "DĂ 123456",
  ])("refuses the 2009 serial %j", (serial) => {
    // Lower case, extra spaces, wrong digit counts and letters outside A–Z and Đ do not fit the form.
    expect(checkCertificateSerial("GCN_2009", serial)).toEqual({
      field: "certificate.serial",
      message: expect.stringContaining("two capital letters and six digits"),
    });
  });

  test("accepts a 2024 serial as given, whatever its shape", () => {
    // The TT 10/2024 serial format was not found, so it is stored as written.
    expect(checkCertificateSerial("GCN_2024", "AB 01234567/QR-xyz")).toBeUndefined();
    expect(checkCertificateSerial("GCN_2024", "x".repeat(30))).toBeUndefined();
  });

  test("refuses a 2024 serial longer than 30 characters", () => {
    // The column holds 30 characters.
    expect(checkCertificateSerial("GCN_2024", "x".repeat(31))).toEqual({
      field: "certificate.serial",
      message: expect.stringContaining("at most 30"),
    });
  });

  test.each(["GCN_2024", "GCN_2009"] as const)("refuses an empty %s serial", (form) => {
    // A certificate without a serial cannot be found again.
    expect(checkCertificateSerial(form, "  ")).toEqual({
      field: "certificate.serial",
      message: expect.stringContaining("empty"),
    });
  });

  test("refuses an unknown form and uses the given prefix", () => {
    // The form decides how the serial is checked, so it is checked first.
    expect(checkCertificateSerial("GCN_1993" as never, "CS 123456", "old")).toEqual({
      field: "old.form",
      message: expect.stringContaining("GCN_2024"),
    });
  });
});

describe("land > rules > checkParcel", () => {
  const parcel = (overrides: Partial<ParcelFacts> = {}) => checkParcel({ parcel: { ...PARCEL, ...overrides } });

  test("accepts a parcel of residential land and perennial crops", () => {
    // The usual rural parcel: ONT 200 m² stable, CLN 150 m² for a term.
    expect(parcel()).toBeUndefined();
  });

  test("accepts uses that cover less than the parcel", () => {
    // Part of a parcel may carry no registered use yet (a safety corridor, say).
    expect(parcel({ uses: [ONT_200] })).toBeUndefined();
  });

  test("accepts uses exceeding the parcel by the 0.05 m² of rounding", () => {
    // Certificates print one decimal: 200.03 + 150.02 can be the rounding of a 350 m² parcel.
    const uses = [
      { ...ONT_200, areaM2: 200.03 },
      { ...CLN_150, areaM2: 150.02 },
    ];
    expect(AREA_TOLERANCE_M2).toBe(0.05);
    expect(parcel({ uses })).toBeUndefined();
  });

  test("refuses uses exceeding the parcel by more than the rounding", () => {
    // 350.06 m² of uses cannot fit on 350 m².
    const uses = [
      { ...ONT_200, areaM2: 200.03 },
      { ...CLN_150, areaM2: 150.03 },
    ];
    expect(parcel({ uses })).toEqual({
      field: "parcel.uses",
      message: expect.stringContaining("cover 350.06 m², more than the parcel's 350 m²"),
    });
  });

  test.each([0, -1, Number.NaN, Number.POSITIVE_INFINITY])("refuses a parcel area of %s", (areaM2) => {
    // A parcel has a real, positive area.
    expect(parcel({ areaM2 })).toEqual({ field: "parcel.areaM2", message: expect.stringContaining("more than 0") });
  });

  test("refuses a parcel without uses", () => {
    // Every registered parcel has at least one land use.
    expect(parcel({ uses: [] })).toEqual({ field: "parcel.uses", message: expect.stringContaining("no land use") });
  });

  test.each([0, -5])("refuses a use of %s m²", (areaM2) => {
    // Each use covers some land; the field names the use at fault.
    expect(parcel({ uses: [ONT_200, { ...CLN_150, areaM2 }] })).toEqual({
      field: "parcel.uses[1].areaM2",
      message: expect.stringContaining("CLN use must be more than 0"),
    });
  });

  test("refuses an unknown land-use code naming the table version", () => {
    // BHK is a pre-2024 code; TT08/2024 merged it into HNK.
    expect(parcel({ uses: [{ ...CLN_150, landUseCode: "BHK" }] })).toEqual({
      field: "parcel.uses[0].landUseCode",
      message: expect.stringContaining("TT08/2024"),
    });
  });

  test("refuses a term ending on a date that does not exist", () => {
    // 30 February is not a date.
    expect(parcel({ uses: [ONT_200, { ...CLN_150, term: { until: "2064-02-30" } }] })).toEqual({
      field: "parcel.uses[1].term.until",
      message: expect.stringContaining("not a calendar date"),
    });
  });

  test("refuses a term that is neither stable nor a date", () => {
    // Only STABLE_LONG_TERM or { until } are terms.
    expect(parcel({ uses: [{ ...CLN_150, term: "FOREVER" as never }] })).toEqual({
      field: "parcel.uses[0].term",
      message: expect.stringContaining("STABLE_LONG_TERM"),
    });
  });

  test.each<[Partial<ParcelFacts["key"]>, string]>([
    [{ mapUnitCode: "1036" }, "parcel.key.mapUnitCode"],
    [{ mapUnitCode: "1036a" }, "parcel.key.mapUnitCode"],
    [{ mapSheet: 0 }, "parcel.key.mapSheet"],
    [{ mapSheet: 2.5 }, "parcel.key.mapSheet"],
    [{ parcelNumber: 0 }, "parcel.key.parcelNumber"],
    [{ parcelNumber: -3 }, "parcel.key.parcelNumber"],
  ])("refuses the key %j", (key, field) => {
    // The key is a 5-digit map unit with sheet and parcel numbers counted from 1.
    expect(parcel({ key: { ...KEY, ...key } })?.field).toBe(field);
  });
});

describe("land > rules > checkTransfer", () => {
  const transfer = (overrides: Partial<TransferInput> = {}) =>
    checkTransfer({
      kind: "SALE",
      parcel: PARCEL,
      certificate: CERTIFICATE,
      encumbrances: [],
      transferorIds: [ANH, BINH],
      transfereeIds: [CUONG, DUNG],
      onDate: TODAY,
      today: TODAY,
      ...overrides,
    });

  test("accepts a couple selling their certificated parcel to another couple", () => {
    // The usual sale: valid certificate, no encumbrance, within term, holders selling to new people.
    expect(transfer()).toBeUndefined();
  });

  test("accepts a gift and a capital contribution on the same terms", () => {
    // Art. 45(1) sets the same conditions for gifts and capital contributions.
    expect(transfer({ kind: "GIFT" })).toBeUndefined();
    expect(transfer({ kind: "CAPITAL_CONTRIBUTION" })).toBeUndefined();
  });

  test("accepts an inheritance of a parcel without a certificate", () => {
    // Art. 45(1)(a) exempts inheritance from the certificate requirement.
    expect(transfer({ kind: "INHERITANCE", certificate: null })).toBeUndefined();
  });

  test.each(["SALE", "GIFT", "CAPITAL_CONTRIBUTION"] as const)("refuses a %s without a certificate", (kind) => {
    // Art. 45(1)(a): the parcel must have a certificate.
    expect(transfer({ kind, certificate: null })).toEqual({
      field: "certificate.serial",
      message: expect.stringContaining("has no certificate"),
    });
  });

  test.each(["REPLACED", "CANCELLED", "REVOKED"] as const)(
    "refuses a %s certificate, even for an inheritance",
    (status) => {
      // A certificate already replaced or cancelled is not the parcel's certificate any more.
      for (const kind of ["SALE", "INHERITANCE"] as const) {
        expect(transfer({ kind, certificate: { ...CERTIFICATE, status } })).toEqual({
          field: "certificate.serial",
          message: expect.stringContaining(`CS 123456 is ${status}`),
        });
      }
    },
  );

  test.each<[EncumbranceKind, string]>([
    ["DISPUTE", "dispute (tranh chấp)"],
    ["SEIZURE", "seizure"],
    ["COURT_MEASURE", "court interim measure"],
  ])("refuses while a %s is in force, even when not flagged as blocking", (kind, words) => {
    // Art. 45(1)(b), (c), (đ): the law itself bars these, whatever the register's flag says.
    expect(transfer({ encumbrances: [encumbrance(kind, { blocksTransfer: false })] })).toEqual({
      field: "parcel",
      message: expect.stringContaining(words),
    });
  });

  test.each<EncumbranceKind>(["MORTGAGE", "RECOVERY", "FEE_DEBT"])(
    "refuses while a %s flagged as blocking transfers is in force",
    (kind) => {
      // The register marks which other encumbrances block; a flagged one refuses, naming its kind.
      const problem = transfer({ encumbrances: [encumbrance(kind, { blocksTransfer: true })] });
      expect(problem?.field).toBe("parcel");
      expect(problem?.message).toMatch(/mortgage|land-recovery|land-use-fee debt/);
      expect(problem?.message).toContain("since 2025-01-10");
    },
  );

  test.each<EncumbranceKind>(["MORTGAGE", "RECOVERY", "FEE_DEBT"])("accepts a %s not flagged as blocking", (kind) => {
    // A mortgage the creditor agrees to, a fee debt noted on the certificate: the register says they do not block.
    expect(transfer({ encumbrances: [encumbrance(kind, { blocksTransfer: false })] })).toBeUndefined();
  });

  test("accepts a dispute resolved before the registration date", () => {
    // Art. 45(1)(b): a dispute that has been resolved no longer bars the transfer.
    expect(transfer({ encumbrances: [encumbrance("DISPUTE", { until: "2026-03-01" })] })).toBeUndefined();
  });

  test("accepts a seizure lifted on the registration date itself", () => {
    // An encumbrance no longer applies from its end date.
    expect(transfer({ encumbrances: [encumbrance("SEIZURE", { until: TODAY })] })).toBeUndefined();
  });

  test("refuses a seizure lifted the day after the registration date", () => {
    // On the registration date it still applied.
    expect(transfer({ encumbrances: [encumbrance("SEIZURE", { until: "2026-07-16" })] })?.field).toBe("parcel");
  });

  test("refuses a dispute registered on the registration date itself", () => {
    // An encumbrance applies from its first day.
    expect(transfer({ encumbrances: [encumbrance("DISPUTE", { from: TODAY })] })?.field).toBe("parcel");
  });

  test("accepts a dispute that begins after the registration date", () => {
    // Registering on 1 July a change that was agreed before a dispute filed on 10 July is checked as of 1 July.
    const later = encumbrance("DISPUTE", { from: "2026-07-10" });
    expect(transfer({ encumbrances: [later], onDate: "2026-07-01" })).toBeUndefined();
  });

  test("refuses when one use's term has ended", () => {
    // Art. 45(1)(d): the land must be within its term; the CLN part expired the day before.
    const expired = { ...CLN_150, term: { until: "2026-07-14" } };
    expect(transfer({ parcel: { ...PARCEL, uses: [ONT_200, expired] } })).toEqual({
      field: "parcel",
      message: expect.stringContaining("CLN land (150 m²)"),
    });
  });

  test("accepts a transfer on the last day of the term", () => {
    // The term includes its last day.
    const lastDay = { ...CLN_150, term: { until: TODAY } };
    expect(transfer({ parcel: { ...PARCEL, uses: [ONT_200, lastDay] } })).toBeUndefined();
  });

  test("refuses a transferor who does not hold the certificate", () => {
    // Only a holder can transfer the right; the field names the stranger.
    expect(transfer({ transferorIds: [ANH, CUONG], transfereeIds: [DUNG] })).toEqual({
      field: "transferorIds[1]",
      message: expect.stringContaining(`${CUONG} does not hold the certificate CS 123456`),
    });
  });

  test("accepts one spouse transferring to the other", () => {
    // A co-holder may receive the other's share.
    expect(transfer({ kind: "GIFT", transferorIds: [ANH], transfereeIds: [BINH] })).toBeUndefined();
  });

  test("accepts both holders transferring to one of them", () => {
    // The group changes, so something is transferred.
    expect(transfer({ kind: "GIFT", transferorIds: [ANH, BINH], transfereeIds: [BINH] })).toBeUndefined();
  });

  test("refuses a transfer to the transferors themselves, in any order", () => {
    // A transfer from a group to the very same group changes nothing.
    expect(transfer({ transferorIds: [ANH, BINH], transfereeIds: [BINH, ANH] })).toEqual({
      field: "transfereeIds",
      message: expect.stringContaining("transferees are the transferors themselves"),
    });
  });

  test.each<[string, RegExp]>([
    ["00109000010", /exactly 12 digits/],
    ["001 09000010", /digits only/],
    ["003090000103", /not a province code/],
    ["001330000103", /birth year 2030, which is in the future/],
    ["", /empty/],
  ])("refuses the transferee ID %j", (id, message) => {
    // Transferees are named by a well-formed personal identification number (DESIGN §6).
    expect(transfer({ transfereeIds: [CUONG, id] })).toEqual({
      field: "transfereeIds[1]",
      message: expect.stringMatching(message),
    });
  });

  test("refuses an empty list of transferors or transferees", () => {
    // Someone must give and someone must receive.
    expect(transfer({ transferorIds: [] })).toEqual({
      field: "transferorIds",
      message: "Name at least one transferor.",
    });
    expect(transfer({ transfereeIds: [] })).toEqual({
      field: "transfereeIds",
      message: "Name at least one transferee.",
    });
  });

  test("refuses a person named twice", () => {
    // A duplicate is a typing error and would double a share.
    expect(transfer({ transfereeIds: [CUONG, CUONG] })).toEqual({
      field: "transfereeIds[1]",
      message: expect.stringContaining("named twice"),
    });
    expect(transfer({ transferorIds: [ANH, ANH] })?.field).toBe("transferorIds[1]");
  });

  test("refuses a registration date in the future or that does not exist", () => {
    // The change is registered on or before today, on a real date.
    expect(transfer({ onDate: "2026-07-16" })).toEqual({ field: "onDate", message: expect.stringContaining("future") });
    expect(transfer({ onDate: "2026-02-29" })).toEqual({
      field: "onDate",
      message: expect.stringContaining("not a calendar date"),
    });
  });

  test("refuses an unknown kind of transfer", () => {
    // Only the four kinds of procedure 1.013831 are registered here.
    expect(transfer({ kind: "LEASE" as never })).toEqual({
      field: "kind",
      message: expect.stringContaining("SALE, GIFT, INHERITANCE, CAPITAL_CONTRIBUTION"),
    });
  });

  test("throws on a corrupt encumbrance record or an impossible today", () => {
    // Register facts and the clock are the office's own; bad ones are programming errors.
    expect(() => transfer({ encumbrances: [encumbrance("MORTGAGE", { from: "2025-02-30" })] })).toThrow(RangeError);
    expect(() =>
      transfer({ encumbrances: [encumbrance("MORTGAGE", { from: "2025-03-01", until: "2025-02-01" })] }),
    ).toThrow(/ends on 2025-02-01, before it began/);
    expect(() => transfer({ today: "15/07/2026" })).toThrow(RangeError);
  });

  test("looks at the request before the register", () => {
    // With a bad transferee and a pending dispute, the citizen first hears about what they can fix at the desk.
    const problem = transfer({ transfereeIds: ["123"], encumbrances: [encumbrance("DISPUTE")] });
    expect(problem?.field).toBe("transfereeIds[0]");
  });
});

describe("land > rules > checkCertificateIssue", () => {
  const known = new Set([ANH, BINH, CUONG, DUNG]);
  const NEW = {
    serial: "AA 00012345",
    form: "GCN_2024" as const,
    holders: [{ personalId: CUONG, role: "INDIVIDUAL" as const }],
  };
  const issue = (overrides: Partial<CertificateIssueInput> = {}) =>
    checkCertificateIssue({
      reason: "EXCHANGE",
      existing: [CERTIFICATE],
      replacesSerial: CERTIFICATE.serial,
      certificate: NEW,
      isKnownPerson: (id) => known.has(id),
      ...overrides,
    });

  test("accepts an exchange that replaces the valid certificate", () => {
    // Cấp đổi (1.012783): the old certificate is marked REPLACED in the same step.
    expect(issue()).toBeUndefined();
  });

  test("accepts the replaced serial written without its space or in lower case", () => {
    // "cs123456" is the same certificate as "CS 123456".
    expect(issue({ replacesSerial: "cs123456" })).toBeUndefined();
  });

  test.each(["REISSUE", "CHANGE"] as const)("accepts a %s that replaces the valid certificate", (reason) => {
    // A re-issue cancels the lost one; a change registration replaces the endorsed one.
    expect(issue({ reason })).toBeUndefined();
  });

  test("accepts a first certificate where none exists", () => {
    // 1.013978: the parcel has never had a certificate.
    expect(issue({ reason: "FIRST", existing: [], replacesSerial: null })).toBeUndefined();
  });

  test("accepts a first certificate where the earlier one was revoked", () => {
    // No valid certificate remains, so issuing one keeps the rule of one valid certificate.
    const revoked = { ...CERTIFICATE, status: "REVOKED" as const };
    expect(issue({ reason: "FIRST", existing: [revoked], replacesSerial: null })).toBeUndefined();
  });

  test("refuses a first certificate beside a valid one", () => {
    // The register must never show two valid certificates for one parcel.
    expect(issue({ reason: "FIRST", replacesSerial: null })).toEqual({
      field: "reason",
      message: expect.stringMatching(/already has the valid certificate CS 123456.*1\.012783.*1\.012786/),
    });
  });

  test("refuses a first certificate that names one to replace", () => {
    // A first certificate replaces none.
    expect(issue({ reason: "FIRST", existing: [], replacesSerial: "CS 123456" })).toEqual({
      field: "replacesSerial",
      message: expect.stringContaining("replaces none"),
    });
  });

  test.each(["EXCHANGE", "REISSUE", "CHANGE"] as const)("refuses a %s when no certificate is valid", (reason) => {
    // There is nothing to replace; the register must show the valid certificate first.
    const replaced = { ...CERTIFICATE, status: "REPLACED" as const };
    expect(issue({ reason, existing: [replaced] })).toEqual({
      field: "replacesSerial",
      message: expect.stringContaining("has no valid certificate"),
    });
  });

  test.each([null, "", "  "])(
    "refuses an exchange that does not name the replaced certificate (%j)",
    (replacesSerial) => {
      // The old one must be marked REPLACED in the same step, so the caller must name it.
      expect(issue({ replacesSerial })).toEqual({
        field: "replacesSerial",
        message: expect.stringContaining("the parcel's valid certificate is CS 123456"),
      });
    },
  );

  test("refuses a re-issue naming an already replaced certificate", () => {
    // Replacing a replaced certificate would leave the valid one beside the new one.
    const old = { ...CERTIFICATE, serial: "AB 000111", status: "REPLACED" as const };
    expect(issue({ reason: "REISSUE", existing: [old, CERTIFICATE], replacesSerial: "AB 000111" })).toEqual({
      field: "replacesSerial",
      message: expect.stringContaining(
        "AB 000111 is already REPLACED; the one to replace is the valid certificate CS 123456",
      ),
    });
  });

  test("refuses a serial that is not a certificate of the parcel", () => {
    // A certificate of another parcel cannot be replaced here.
    expect(issue({ replacesSerial: "ZZ 999999" })).toEqual({
      field: "replacesSerial",
      message: expect.stringContaining("not a certificate of this parcel"),
    });
  });

  test("throws when the register already shows two valid certificates", () => {
    // The register is corrupt; the officer cannot choose between them.
    const twin = { ...CERTIFICATE, serial: "CS 654321" };
    expect(() => issue({ existing: [CERTIFICATE, twin] })).toThrow(/2 valid certificates.*CS 123456, CS 654321/);
  });

  test("refuses a new serial already used by the parcel", () => {
    // Each certificate has its own serial; reusing one would make two certificates indistinguishable.
    expect(issue({ certificate: { ...NEW, form: "GCN_2009", serial: "CS123456" } })).toEqual({
      field: "certificate.serial",
      message: expect.stringContaining("already used by this parcel's VALID certificate"),
    });
  });

  test("refuses a new serial that does not fit its form", () => {
    // A 2009-form certificate has two letters and six digits.
    expect(issue({ certificate: { ...NEW, form: "GCN_2009", serial: "CS 12" } })?.field).toBe("certificate.serial");
  });

  test("refuses a certificate without holders", () => {
    // A certificate names at least one holder.
    expect(issue({ certificate: { ...NEW, holders: [] } })).toEqual({
      field: "certificate.holders",
      message: "A certificate names at least one holder.",
    });
  });

  test("refuses a holder the population register does not know", () => {
    // Holders must be identified people; the predicate keeps the check pure.
    const stranger = "001099999999";
    const holders = [
      { personalId: CUONG, role: "HUSBAND" as const },
      { personalId: stranger, role: "WIFE" as const },
    ];
    expect(issue({ certificate: { ...NEW, holders } })).toEqual({
      field: "certificate.holders[1].personalId",
      message: expect.stringContaining(`${stranger} is not a person known to the population register`),
    });
  });

  test("asks the predicate about each holder and nothing else", () => {
    // The check calls the injected lookup only with the holders' IDs.
    const isKnownPerson = jest.fn((_id: string) => true);
    const holders = [
      { personalId: CUONG, role: "HUSBAND" as const },
      { personalId: DUNG, role: "WIFE" as const },
    ];
    expect(issue({ certificate: { ...NEW, holders }, isKnownPerson })).toBeUndefined();
    expect(isKnownPerson.mock.calls).toEqual([[CUONG], [DUNG]]);
  });

  test("refuses a holder named twice", () => {
    // One person holds once; a duplicate would double a share.
    const holders = [
      { personalId: CUONG, role: "HUSBAND" as const },
      { personalId: CUONG, role: "MEMBER" as const },
    ];
    expect(issue({ certificate: { ...NEW, holders } })).toEqual({
      field: "certificate.holders[1].personalId",
      message: expect.stringContaining("named twice"),
    });
  });

  test("refuses an unknown reason", () => {
    // Only a first issue, an exchange, a re-issue or a change registration issues a certificate here.
    expect(issue({ reason: "CORRECTION" as never })).toEqual({
      field: "reason",
      message: expect.stringContaining("FIRST, EXCHANGE, REISSUE, CHANGE"),
    });
  });

  test("refuses an unknown holder role", () => {
    // The roles are those of the data-collection form: individual, household head, husband, wife, representative, member.
    const holders = [{ personalId: CUONG, role: "OWNER" as never }];
    expect(issue({ certificate: { ...NEW, holders } })).toEqual({
      field: "certificate.holders[0].role",
      message: expect.stringContaining("HOUSEHOLD_HEAD"),
    });
  });
});

describe("land > rules > checkFirstCertificate", () => {
  const first = (overrides: Partial<Parameters<typeof checkFirstCertificate>[0]> = {}) =>
    checkFirstCertificate({
      parcel: PARCEL,
      existing: [],
      certificate: { serial: "AA 00012345", form: "GCN_2024", holders: CERTIFICATE.holders },
      isKnownPerson: () => true,
      ...overrides,
    });

  test("accepts a first certificate for a couple's parcel", () => {
    // 1.013978: a well-formed parcel, no certificate yet, known holders.
    expect(first()).toBeUndefined();
  });

  test("checks the parcel first", () => {
    // A parcel with a bad area cannot be certified, whatever else holds.
    expect(first({ parcel: { ...PARCEL, areaM2: 0 }, existing: [CERTIFICATE] })?.field).toBe("parcel.areaM2");
  });

  test("refuses a parcel that already has a valid certificate", () => {
    // Never two valid certificates for one parcel.
    expect(first({ existing: [CERTIFICATE] })?.field).toBe("reason");
  });

  test("refuses unknown holders", () => {
    // Holders must be known people.
    expect(first({ isKnownPerson: (id) => id === ANH })?.field).toBe("certificate.holders[1].personalId");
  });
});

describe("land > rules > checkSplit", () => {
  /** 120 m² of urban residential land in a ward of the fixture province. */
  const URBAN: ParcelFacts = {
    key: KEY,
    areaM2: 120,
    uses: [{ landUseCode: "ODT", areaM2: 120, term: "STABLE_LONG_TERM" }],
  };
  const half = { areaM2: 60, landUseCode: "ODT", frontageM: 4.5 };
  const split = (overrides: Partial<SplitInput> = {}) =>
    checkSplit({
      parcel: URBAN,
      certificate: CERTIFICATE,
      encumbrances: [],
      provinceCode: "99",
      zone: "WARD",
      parts: [half, half],
      onDate: TODAY,
      today: TODAY,
      minimumSplitAreas: FIXTURE_ROWS,
      ...overrides,
    });

  test("accepts splitting 120 m² into two parts of 60 m² above the minimum", () => {
    // Art. 220: valid certificate, no dispute, parts above the province's minimum and frontage.
    expect(split()).toBeUndefined();
  });

  test("refuses every split with the table in force, saying the minimum is not configured", () => {
    // No province's decision has been entered, so Hà Nội's splits are refused rather than guessed.
    expect(split({ provinceCode: "01", minimumSplitAreas: undefined })).toEqual({
      field: "provinceCode",
      message: expect.stringContaining("minimum split area is not configured for province 01"),
    });
  });

  test("refuses a province without rows in a given table", () => {
    // A table with other provinces' rows does not cover this one.
    expect(split({ provinceCode: "98" })).toEqual({
      field: "provinceCode",
      message: expect.stringContaining("not configured for province 98"),
    });
  });

  test("refuses a zone or use the province's rows do not cover", () => {
    // The fixture province has ONT rules for communes but none for ODT there: never borrow the ward's.
    expect(split({ zone: "COMMUNE" })).toEqual({
      field: "parts[0].landUseCode",
      message: expect.stringContaining('not configured for ODT land in zone "COMMUNE" of province 99'),
    });
  });

  test("refuses a part below the minimum, naming the minimum and its source", () => {
    // 49.9 m² is under the 50 m² minimum of the fixture ward.
    expect(split({ parts: [half, { ...half, areaM2: 49.9 }, { ...half, areaM2: 10.1 }] })).toEqual({
      field: "parts[1].areaM2",
      message: expect.stringContaining("49.9 m² is below the minimum of 50 m² for ODT land in zone WARD (test fixture"),
    });
  });

  test("accepts a part of exactly the minimum", () => {
    // "At least" the minimum includes it.
    expect(
      split({
        parts: [
          { ...half, areaM2: 50 },
          { ...half, areaM2: 70 },
        ],
      }),
    ).toBeUndefined();
  });

  test("accepts a part below the minimum merged with a neighbour in the same step", () => {
    // Art. 220: a part below the minimum may be split off only to be merged with an adjacent parcel.
    const strip = { areaM2: 20, landUseCode: "ODT", mergesWithNeighbour: { ...KEY, parcelNumber: 346 } };
    expect(split({ parts: [strip, { ...half, areaM2: 100 }] })).toBeUndefined();
  });

  test("refuses merging a part back into the parcel being split", () => {
    // The neighbour must be another parcel.
    const strip = { areaM2: 20, landUseCode: "ODT", mergesWithNeighbour: KEY };
    expect(split({ parts: [strip, { ...half, areaM2: 100 }] })?.field).toBe("parts[0].mergesWithNeighbour");
  });

  test("refuses a part without the frontage the province requires", () => {
    // The fixture ward sets a 4 m frontage; a part that does not state one cannot be checked.
    expect(split({ parts: [half, { areaM2: 60, landUseCode: "ODT" }] })).toEqual({
      field: "parts[1].frontageM",
      message: expect.stringContaining("minimum frontage (mặt tiền) of 4 m"),
    });
  });

  test("refuses a part whose frontage is short, and accepts exactly the minimum", () => {
    // 3.9 m is under 4 m; 4 m is enough.
    expect(split({ parts: [half, { ...half, frontageM: 3.9 }] })?.field).toBe("parts[1].frontageM");
    expect(split({ parts: [half, { ...half, frontageM: 4 }] })).toBeUndefined();
  });

  test.each([0, -1])("refuses a stated frontage of %s m where the province sets one", (frontageM) => {
    // A frontage that is not a positive length cannot be compared with the minimum.
    expect(split({ parts: [half, { ...half, frontageM }] })).toEqual({
      field: "parts[1].frontageM",
      message: expect.stringContaining("give the part's frontage"),
    });
  });

  test("ignores a frontage where the province sets none", () => {
    // The fixture's CLN row has no frontage rule, so a part without one is fine.
    const garden: ParcelFacts = {
      ...URBAN,
      areaM2: 1200,
      uses: [{ landUseCode: "CLN", areaM2: 1200, term: "STABLE_LONG_TERM" }],
    };
    const part = { areaM2: 600, landUseCode: "CLN" };
    expect(split({ parcel: garden, parts: [part, part] })).toBeUndefined();
    expect(split({ parcel: garden, parts: [part, { ...part, areaM2: 499.9 }, { ...part, areaM2: 100.1 }] })).toEqual({
      field: "parts[1].areaM2",
      message: expect.stringContaining("below the minimum of 500 m²"),
    });
  });

  test("checks the depth where the province sets one", () => {
    // The fixture commune zone sets 8 m depth for ONT.
    const rural: ParcelFacts = {
      ...URBAN,
      uses: [{ landUseCode: "ONT", areaM2: 200, term: "STABLE_LONG_TERM" }],
      areaM2: 200,
    };
    const part = { areaM2: 100, landUseCode: "ONT", depthM: 10 };
    const base = { parcel: rural, zone: "COMMUNE" };
    expect(split({ ...base, parts: [part, part] })).toBeUndefined();
    expect(split({ ...base, parts: [part, { ...part, depthM: 7.5 }] })).toEqual({
      field: "parts[1].depthM",
      message: expect.stringContaining("depth (chiều sâu) of 7.5 m is below the minimum of 8 m"),
    });
  });

  test.each([
    [60.05, true],
    [59.95, true],
    [60.06, false],
    [59.9, false],
  ])("with parts of 60 and %s m² for a 120 m² parcel, accepts: %s", (second, accepted) => {
    // The parts must make up the parcel, within the 0.05 m² of one printed decimal.
    const problem = split({ parts: [half, { ...half, areaM2: second }] });
    if (accepted) expect(problem).toBeUndefined();
    else expect(problem).toEqual({ field: "parts", message: expect.stringContaining("must make up the whole parcel") });
  });

  test.each([[[]], [[{ areaM2: 120, landUseCode: "ODT", frontageM: 5 }]]])("refuses a split into %j", (parts) => {
    // A split gives at least two parcels.
    expect(split({ parts })).toEqual({ field: "parts", message: expect.stringContaining("at least two parcels") });
  });

  test.each([0, -10, Number.NaN])("refuses a part of %s m²", (areaM2) => {
    // Each resulting parcel has land.
    expect(split({ parts: [half, { ...half, areaM2 }] })).toEqual({
      field: "parts[1].areaM2",
      message: expect.stringContaining("more than 0"),
    });
  });

  test("refuses a part of a use the parcel does not have", () => {
    // A split keeps the uses; turning ODT into CLN is a change of use (1.013949).
    expect(split({ parts: [half, { ...half, landUseCode: "CLN" }] })).toEqual({
      field: "parts[1].landUseCode",
      message: expect.stringContaining("1.013949"),
    });
  });

  test("refuses a part with an unknown code naming the table version", () => {
    // Codes are checked against TT08/2024.
    expect(split({ parts: [half, { ...half, landUseCode: "XYZ" }] })).toEqual({
      field: "parts[1].landUseCode",
      message: expect.stringContaining("TT08/2024"),
    });
  });

  test("refuses a parcel without a certificate", () => {
    // Art. 220: the parcel must have a certificate; unlike inheritance there is no exception.
    expect(split({ certificate: null })).toEqual({
      field: "certificate.serial",
      message: expect.stringContaining("has no certificate"),
    });
  });

  test("refuses a certificate that is no longer valid", () => {
    // The split works from the parcel's valid certificate.
    expect(split({ certificate: { ...CERTIFICATE, status: "CANCELLED" } })?.field).toBe("certificate.serial");
  });

  test("refuses a parcel whose term has ended", () => {
    // Art. 220: the parcel must be within its term.
    const expired: ParcelFacts = {
      ...URBAN,
      uses: [{ landUseCode: "ODT", areaM2: 120, term: { until: "2026-01-01" } }],
    };
    expect(split({ parcel: expired })).toEqual({
      field: "parcel",
      message: expect.stringContaining("ended on 2026-01-01"),
    });
  });

  test.each<EncumbranceKind>(["DISPUTE", "SEIZURE", "COURT_MEASURE"])("refuses while a %s is in force", (kind) => {
    // Art. 220: no dispute, seizure or interim measure.
    expect(split({ encumbrances: [encumbrance(kind)] })).toEqual({
      field: "parcel",
      message: expect.stringContaining("bars a split (tách thửa)"),
    });
  });

  test("accepts a mortgaged parcel, even one flagged as blocking transfers", () => {
    // A mortgage does not bar a split under art. 220; the blocking flag concerns transfers.
    expect(split({ encumbrances: [encumbrance("MORTGAGE", { blocksTransfer: true })] })).toBeUndefined();
  });

  test("refuses a malformed province code", () => {
    // Province codes have 2 digits (DESIGN §6).
    expect(split({ provinceCode: "1" })?.field).toBe("provinceCode");
  });

  test("refuses a registration date in the future", () => {
    // The split is registered on or before today.
    expect(split({ onDate: "2026-07-16" })?.field).toBe("onDate");
  });
});

describe("land > rules > checkConstructionPermit", () => {
  const permit = (overrides: Partial<ConstructionPermitInput> = {}) =>
    checkConstructionPermit({
      kind: "NEW",
      workType: "INDIVIDUAL_HOUSE",
      parcel: PARCEL,
      floors: 3,
      groundFloorAreaM2: 120,
      grossFloorAreaM2: 340,
      ...overrides,
    });
  const FARMLAND: ParcelFacts = {
    key: KEY,
    areaM2: 500,
    uses: [{ landUseCode: "CLN", areaM2: 500, term: "STABLE_LONG_TERM" }],
  };

  test("accepts a three-storey house on residential land", () => {
    // The usual commune permit: a house on ONT land, its ground floor within the parcel.
    expect(permit()).toBeUndefined();
  });

  test("accepts a house on urban residential land", () => {
    // ODT is residential land too.
    const urban: ParcelFacts = {
      key: KEY,
      areaM2: 80,
      uses: [{ landUseCode: "ODT", areaM2: 80, term: "STABLE_LONG_TERM" }],
    };
    expect(permit({ parcel: urban, groundFloorAreaM2: 70 })).toBeUndefined();
  });

  test("refuses a new house on land without residential use", () => {
    // NĐ 217/2026 art. 50(1): the land use must fit the work; a house needs ONT or ODT.
    expect(permit({ parcel: FARMLAND })).toEqual({
      field: "parcel",
      message: expect.stringMatching(/needs residential land \(ONT or ODT\).*has CLN.*art\. 50\(1\)/),
    });
  });

  test.each([
    ["NEW", "OTHER_WORKS"],
    ["REPAIR_RENOVATION", "INDIVIDUAL_HOUSE"],
    ["TEMPORARY", "INDIVIDUAL_HOUSE"],
  ] as const)("does not ask residential land for a %s permit for %s", (kind, workType) => {
    // The residential rule is for new individual houses; other works and other kinds follow other rules.
    expect(permit({ kind, workType, parcel: FARMLAND })).toBeUndefined();
  });

  test.each([0, -1, 2.5, Number.NaN])("refuses %s floors", (floors) => {
    // A building has at least one whole floor.
    expect(permit({ floors })).toEqual({ field: "floors", message: expect.stringContaining("whole number ≥ 1") });
  });

  test("accepts a single-storey house", () => {
    // One floor is the least.
    expect(permit({ floors: 1, groundFloorAreaM2: 100, grossFloorAreaM2: 100 })).toBeUndefined();
  });

  test.each([0, -20])("refuses a ground floor of %s m²", (groundFloorAreaM2) => {
    // The permit states positive floor areas (art. 49).
    expect(permit({ groundFloorAreaM2 })?.field).toBe("groundFloorAreaM2");
  });

  test("refuses a gross floor area of 0 m²", () => {
    // The gross area counts every floor.
    expect(permit({ grossFloorAreaM2: 0 })?.field).toBe("grossFloorAreaM2");
  });

  test("refuses a gross floor area below the ground floor's", () => {
    // The gross area includes the ground floor, so it is at least as large.
    expect(permit({ groundFloorAreaM2: 120, grossFloorAreaM2: 119.9 })).toEqual({
      field: "grossFloorAreaM2",
      message: expect.stringContaining("less than the ground floor's 120 m²"),
    });
  });

  test("accepts a ground floor covering the whole parcel and refuses one larger", () => {
    // The ground floor stands on the parcel: 350 m² fits on 350 m², 350.1 m² does not.
    expect(permit({ groundFloorAreaM2: 350, grossFloorAreaM2: 700 })).toBeUndefined();
    expect(permit({ groundFloorAreaM2: 350.1, grossFloorAreaM2: 700 })).toEqual({
      field: "groundFloorAreaM2",
      message: expect.stringContaining("larger than parcel 345, sheet 12 of map unit 10369"),
    });
  });

  test("refuses an unknown kind or work type", () => {
    // The kinds are those of NĐ 217/2026; the commune permits houses and grade III–IV works.
    expect(permit({ kind: "DEMOLITION" as never })?.field).toBe("kind");
    expect(permit({ workType: "HIGH_RISE" as never })?.field).toBe("workType");
  });
});

describe("land > rules > permitStartDeadline", () => {
  test.each([
    ["2026-07-01", 0, "2027-07-01"],
    ["2026-07-01", 1, "2028-07-01"],
    ["2026-07-01", 2, "2029-07-01"],
    ["2026-12-31", 0, "2027-12-31"],
    ["2028-02-29", 0, "2029-02-28"],
    ["2028-02-29", 2, "2031-02-28"],
    ["2027-02-28", 1, "2029-02-28"],
  ])("a permit issued on %s with %i extensions must start by %s", (issuedOn, extensions, deadline) => {
    // Art. 49(10) and 63(3)(a): 12 months from issue, 12 more per extension, to the corresponding day.
    expect(permitStartDeadline(issuedOn, extensions)).toBe(deadline);
  });

  test.each([3, -1, 0.5, Number.NaN])("refuses %s extensions", (extensions) => {
    // A permit has from 0 to 2 extensions.
    expect(() => permitStartDeadline("2026-07-01", extensions)).toThrow(RangeError);
  });

  test("refuses an impossible issue date", () => {
    // 2026 is not a leap year.
    expect(() => permitStartDeadline("2026-02-29", 0)).toThrow(RangeError);
  });
});

describe("land > rules > checkPermitExtension", () => {
  const PERMIT: PermitFacts = {
    kind: "NEW",
    status: "VALID",
    issuedOn: "2026-01-10",
    extensions: 0,
    startDeadline: "2027-01-10",
  };
  const extend = (overrides: Partial<PermitFacts> = {}) =>
    checkPermitExtension({ permit: { ...PERMIT, ...overrides } });

  test("accepts the first and the second extension", () => {
    // Art. 63(3)(a): a permit may be extended twice.
    expect(MAX_PERMIT_EXTENSIONS).toBe(2);
    expect(extend()).toBeUndefined();
    expect(extend({ extensions: 1, startDeadline: "2028-01-10" })).toBeUndefined();
  });

  test("refuses a third extension", () => {
    // At most two extensions of 12 months each.
    expect(extend({ extensions: 2, startDeadline: "2029-01-10" })).toEqual({
      field: "permit.extensions",
      message: expect.stringContaining("already been extended 2 times; a permit may be extended at most 2 times"),
    });
  });

  test.each(["REVOKED", "CANCELLED"] as const)("refuses to extend a %s permit", (status) => {
    // A revoked or cancelled permit no longer exists, even if it was never extended.
    expect(extend({ status })).toEqual({ field: "permit.status", message: expect.stringContaining(`is ${status}`) });
  });

  test("refuses to extend a permit whose work has started", () => {
    // The extension moves the start deadline; once work has started there is none to move.
    expect(extend({ status: "STARTED" })).toEqual({
      field: "permit.status",
      message: expect.stringContaining("has started"),
    });
  });

  test("does not refuse an expired permit on that ground alone", () => {
    // Whether a late request may be granted is not settled by the research; the officer decides.
    expect(extend({ status: "EXPIRED" })).toBeUndefined();
  });

  test("refuses a revoked permit before counting its extensions", () => {
    // The status is the stronger reason.
    expect(extend({ status: "REVOKED", extensions: 2 })?.field).toBe("permit.status");
  });

  test("throws on a corrupt permit record", () => {
    // The register's own facts must be well-formed.
    expect(() => extend({ extensions: -1 })).toThrow(RangeError);
    expect(() => extend({ issuedOn: "2026-13-01" })).toThrow(RangeError);
  });
});
