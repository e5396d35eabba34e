import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

import { Between } from "typeorm";

import {
  csvCell,
  csvRow,
  DOSSIERS_CSV_HEADER,
  exportRoutes,
  OVERVIEW_CSV_HEADER,
  PAYMENT_ROLL_CSV_HEADER,
} from "../../gateway/export";
import type { IdentityClaims } from "../../subgraphs/kit/caller";
import { Citizen } from "../../subgraphs/registry/entities/citizen";
import { type Hub, PERSONAS, startHub } from "../support/hub";

/**
 * The city dashboard's CSV exports go through the public API with the caller's own token: a city
 * officer of Hà Nội downloads every commune's figures, a commune's payment roll longer than one
 * page and a desk's dossier list, each row equal to what the API answers the same caller; the file
 * streams page by page; whoever the API refuses gets its refusal and no file.
 */

jest.setTimeout(300_000);

const SOCIAL_OFFICER = {
  sub: "social-officer-10369",
  role: "COMMUNE_OFFICER",
  communeCode: "10369",
  provinceCode: "01",
  fields: ["SOCIAL"],
} satisfies IdentityClaims;
const BA_DINH_SOCIAL_OFFICER = { ...SOCIAL_OFFICER, sub: "social-officer-00004", communeCode: "00004" };
const LAND_OFFICER = { ...SOCIAL_OFFICER, sub: "land-officer-10369", fields: ["LAND"] };
const HCMC_CITY_OFFICER = {
  sub: "city-officer-79",
  role: "CITY_OFFICER",
  provinceCode: "79",
  fields: ["CIVIL_STATUS", "LAND", "SOCIAL"],
} satisfies IdentityClaims;

/** More beneficiaries at Ứng Thiên than one page (100) holds, so the roll and the desk list take two. */
const UNG_THIEN_BENEFICIARIES = 110;
const ROLL_MONTH = "2026-08";
const PERIOD = { from: "2026-01-01", to: "2026-12-31" };
/** A decision number as a desk could type it: a formula, a comma and quotes. */
const TRICKY_DECISION = '=2+3, "đã ký"';

let hub: Hub;
let server: Server;
let base: string;
let keys = 0;

// The test server: the export routes, and /graphql passed on to the hub's gateway, counting requests
// and, when a test closes the gate, holding the requests after a given one until it opens.
let requested = 0;
let answered = 0;
let gate: { after: number; open: Promise<void> } | undefined;

const passOn = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  requested += 1;
  const held = gate;
  if (held && requested > held.after) await held.open;
  const upstream = await fetch(hub.gatewayUrl, {
    method: "POST",
    headers: {
      "content-type": req.headers["content-type"] ?? "application/json",
      ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}),
    },
    body: Buffer.concat(chunks),
  });
  const text = await upstream.text();
  answered += 1;
  res.writeHead(upstream.status, { "content-type": upstream.headers.get("content-type") ?? "application/json" });
  res.end(text);
};

const tokenOf = (claims: IdentityClaims) => hub.token(claims);

/** The task's result, or a failure once `ms` have passed. */
const within = async <T>(ms: number, task: () => Promise<T>): Promise<T> => {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      task(),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`not within ${ms} ms`)), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
};

const call = async <T = Record<string, unknown>>(
  claims: IdentityClaims,
  query: string,
  variables?: Record<string, unknown>,
) => {
  const res = await hub.graphql<T>(query, variables, { token: await tokenOf(claims) });
  expect(res.body.errors).toBeUndefined();
  return res.body.data!;
};

const receive = async (
  claims: IdentityClaims,
  mutation: string,
  inputType: string,
  procedureCode: string,
  id: string,
) => {
  keys += 1;
  const data = await call<Record<string, { code: string; version: number }>>(
    claims,
    `mutation($input: ${inputType}!) { ${mutation}(input: $input) { code version } }`,
    { input: { idempotencyKey: `export-e2e-${keys}`, procedureCode, applicantPersonalId: id } },
  );
  return data[mutation];
};

const grantAllowance = async (officer: IdentityClaims, person: Citizen, decisionNo: string) => {
  const dossier = await receive(
    officer,
    "receiveSocialDossier",
    "ReceiveSocialDossierInput",
    "1.001776",
    person.personalId,
  );
  await call(officer, `mutation($input: GrantAllowanceInput!) { grantAllowance(input: $input) { code } }`, {
    input: {
      dossierCode: dossier.code,
      expectedVersion: dossier.version,
      person: { personalId: person.personalId, birthDate: person.birthDate },
      groupCode: "ND20-5.6-DBN-ADULT",
      startMonth: "2026-05",
      decisionNo,
    },
  });
};

/** Runs the tasks a few at a time, as several desks would. */
const inBatches = async <T>(items: readonly T[], size: number, task: (item: T, index: number) => Promise<void>) => {
  for (let start = 0; start < items.length; start += size) {
    await Promise.all(items.slice(start, start + size).map((item, i) => task(item, start + i)));
  }
};

beforeAll(async () => {
  hub = await startHub();
  const routes = exportRoutes({ graphqlUrl: () => `${base}/graphql` });
  server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    if (url.pathname === "/graphql") {
      passOn(req, res).catch((error: unknown) => {
        res.writeHead(502);
        res.end(String(error));
      });
      return;
    }
    if (!routes(req, res, url)) {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  // Adults under 60 of Hà Nội, allowance group ND20-5.6-DBN-ADULT: 110 at Ứng Thiên, 3 at Ba Đình.
  const people = await hub.registry.database.dataSource.manager.find(Citizen, {
    where: { birthDate: Between("1970-01-01", "2005-01-01") },
    order: { personalId: "ASC" },
    take: UNG_THIEN_BENEFICIARIES + 3,
  });
  expect(people).toHaveLength(UNG_THIEN_BENEFICIARIES + 3);
  await inBatches(people.slice(0, UNG_THIEN_BENEFICIARIES), 4, (person, i) =>
    grantAllowance(SOCIAL_OFFICER, person, i === 7 ? TRICKY_DECISION : `${i + 1}/QĐ-UBND`),
  );
  await inBatches(people.slice(UNG_THIEN_BENEFICIARIES), 3, (person, i) =>
    grantAllowance(BA_DINH_SOCIAL_OFFICER, person, `${i + 1}/QĐ-UBND-BD`),
  );
  // Something at the other two desks too, so the overview has figures in every field.
  for (const person of people.slice(0, 3)) {
    await receive(
      PERSONAS.ungThienOfficer,
      "receiveCivilStatusDossier",
      "ReceiveCivilStatusDossierInput",
      "1.004873",
      person.personalId,
    );
    await receive(LAND_OFFICER, "receiveLandDossier", "ReceiveLandDossierInput", "1.013831", person.personalId);
  }
});
afterAll(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  await hub?.close();
});

// ---------------------------------------------------------------------------------------------
// Reading the files

interface Download {
  status: number;
  headers: Headers;
  bytes: Buffer;
  /** The body without its byte-order mark. */
  text: string;
}

const download = async (path: string, claims?: IdentityClaims, init: RequestInit = {}): Promise<Download> => {
  const res = await fetch(`${base}${path}`, {
    ...init,
    headers: claims ? { authorization: `Bearer ${await tokenOf(claims)}` } : {},
  });
  const bytes = Buffer.from(await res.arrayBuffer());
  const text = bytes.toString("utf8");
  return { status: res.status, headers: res.headers, bytes, text: text.startsWith("\uFEFF") ? text.slice(1) : text };
};

/** RFC 4180, strictly: CRLF line ends only; quoted fields may hold commas, doubled quotes, CR and LF. */
const parseCsv = (text: string): string[][] => {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 2;
      } else if (c === '"') {
        quoted = false;
        i += 1;
      } else {
        cell += c;
        i += 1;
      }
      continue;
    }
    if (c === '"' && cell === "") {
      quoted = true;
      i += 1;
    } else if (c === ",") {
      row.push(cell);
      cell = "";
      i += 1;
    } else if (c === "\r" && text[i + 1] === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      i += 2;
    } else if (c === "\r" || c === "\n" || c === '"') {
      throw new Error(`not RFC 4180 at ${i}: ${JSON.stringify(text.slice(Math.max(0, i - 20), i + 20))}`);
    } else {
      cell += c;
      i += 1;
    }
  }
  if (quoted || cell !== "" || row.length > 0) throw new Error("the file does not end with CRLF");
  return rows;
};

/** What a cell must hold for a value the API gave: the invariant the writer keeps. */
const expectedCell = (value: unknown): string => {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return String(value);
  const text = String(value);
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
};
const expectedRow = (values: readonly unknown[]) => values.map(expectedCell);

/** A CSV export answered 200 with its headers, BOM and header row; its data rows. */
const csvRows = (file: Download, header: readonly string[], filename: string): string[][] => {
  expect(file.status).toBe(200);
  expect(file.headers.get("content-type")).toBe("text/csv; charset=utf-8");
  expect(file.headers.get("content-disposition")).toBe(`attachment; filename="${filename}"`);
  expect(file.headers.get("x-content-type-options")).toBe("nosniff");
  expect(file.headers.get("cache-control")).toBe("no-store");
  expect([...file.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const [first, ...rows] = parseCsv(file.text);
  expect(first).toEqual([...header]);
  for (const row of rows) expect(row).toHaveLength(header.length);
  return rows;
};

const expectRefused = (file: Download, status: number, code: string, field?: string) => {
  expect(file.status).toBe(status);
  expect(file.headers.get("content-type")).toBe("application/json; charset=utf-8");
  expect(file.headers.get("content-disposition")).toBeNull();
  const body = JSON.parse(file.text) as { errors: { message: string; extensions: Record<string, unknown> }[] };
  expect(body.errors.length).toBeGreaterThan(0);
  expect(body.errors[0].extensions.code).toBe(code);
  if (field) expect(body.errors[0].extensions.field).toBe(field);
  return body.errors;
};

// ---------------------------------------------------------------------------------------------
// What the API answers the same caller, page by page

interface RollLine {
  citizen: { personalId: string; fullName: string };
  program: string;
  groupCode: string | null;
  amountVnd: number;
  decisionNo: string;
  status: string | null;
}

const ROLL_PAGE = `query($commune: ID!, $month: String!, $after: String) { commune(code: $commune) { code name
  social { paymentRoll(month: $month) { lines(first: 100, after: $after) {
    citizen { personalId fullName } program groupCode amountVnd decisionNo status } } } } }`;

const apiRoll = async (claims: IdentityClaims, commune: string, month: string) => {
  const rows: string[][] = [];
  let after: string | null = null;
  for (;;) {
    const data: { commune: { code: string; name: string; social: { paymentRoll: { lines: RollLine[] } } } } =
      await call(claims, ROLL_PAGE, { commune, month, after });
    const { code, name, social } = data.commune;
    const lines = social.paymentRoll.lines;
    for (const line of lines) {
      rows.push(
        expectedRow([
          month,
          code,
          name,
          line.citizen.personalId,
          line.citizen.fullName,
          line.program,
          line.groupCode,
          line.amountVnd,
          line.decisionNo,
          line.status,
        ]),
      );
    }
    if (lines.length < 100) return rows;
    after = lines[lines.length - 1].citizen.personalId;
  }
};

interface DossierNode {
  code: string;
  communeCode: string;
  procedureCode: string;
  procedureName: string;
  channel: string;
  status: string;
  nationalStatusCode: number;
  receivedAt: string;
  dueAt: string | null;
  endedAt: string | null;
  timeliness: string | null;
  applicant: { personalId: string; fullName: string } | null;
}

const apiDossiers = async (
  claims: IdentityClaims,
  unit: "commune" | "province",
  code: string,
  filter: Record<string, unknown> | null = null,
) => {
  const query = `query($code: ID!, $after: String, $filter: SocialDossierFilter) { ${unit}(code: $code) {
    social { dossiers(first: 100, after: $after, filter: $filter) {
      nodes { code communeCode procedureCode procedureName channel status nationalStatusCode receivedAt dueAt endedAt
        timeliness applicant { personalId fullName } }
      pageInfo { endCursor hasNextPage } } } } }`;
  const rows: string[][] = [];
  let after: string | null = null;
  for (;;) {
    const data: Record<
      string,
      {
        social: {
          dossiers: { nodes: DossierNode[]; pageInfo: { endCursor: string | null; hasNextPage: boolean } };
        };
      }
    > = await call(claims, query, { code, after, filter });
    const { nodes, pageInfo } = data[unit].social.dossiers;
    for (const d of nodes) {
      rows.push(
        expectedRow([
          d.code,
          d.communeCode,
          d.procedureCode,
          d.procedureName,
          d.channel,
          d.status,
          d.nationalStatusCode,
          d.receivedAt,
          d.dueAt,
          d.endedAt,
          d.timeliness,
          d.applicant?.personalId,
          d.applicant?.fullName,
        ]),
      );
    }
    if (!pageInfo.hasNextPage) return rows;
    after = pageInfo.endCursor;
  }
};

const STATS = `received completed onTime late overdue onTimeRate nationalOnTimeRate onlineShare nationalOnTime
  nationalCounted avgProcessingHours`;

const apiOverview = async (claims: IdentityClaims, fields: readonly string[]) => {
  const query = `query($from: Date!, $to: Date!) { province(code: "01") { communes { code name kind
    ${fields.map((field) => `${field} { stats(from: $from, to: $to) { ${STATS} } }`).join(" ")} } } }`;
  const data = await call<{ province: { communes: Record<string, unknown>[] } }>(claims, query, PERIOD);
  return data.province.communes.flatMap((commune) =>
    fields.map((field) => {
      const s = (commune[field] as { stats: Record<string, number | null> }).stats;
      return expectedRow([
        commune.code,
        commune.name,
        commune.kind,
        field,
        s.received,
        s.completed,
        s.onTime,
        s.late,
        s.overdue,
        s.onTimeRate,
        s.nationalOnTimeRate,
        s.onlineShare,
        s.nationalOnTime,
        s.nationalCounted,
        s.avgProcessingHours,
      ]);
    }),
  );
};

// ---------------------------------------------------------------------------------------------

describe("e2e > export > the CSV writer", () => {
  it("quotes cells holding a comma, a quote, CR or LF, doubling quotes (RFC 4180), and ends each row with CRLF", () => {
    expect(csvRow(["plain", "Xã Ứng Thiên", "a,b", 'say "hi"', "two\nlines", "cr\rhere", ""])).toBe(
      'plain,Xã Ứng Thiên,"a,b","say ""hi""","two\nlines","cr\rhere",\r\n',
    );
    expect(csvRow([null, undefined, 0])).toBe(",,0\r\n");
    expect(parseCsv(csvRow(["a,b", 'say "hi"', "two\r\nlines"]))).toEqual([["a,b", 'say "hi"', "two\r\nlines"]]);
  });

  it("defuses text a spreadsheet would run as a formula, and writes numbers as plain numbers", () => {
    expect(["=1+2", "+84 912", "-5", "@SUM(A1)", "\tx", "\rx"].map(csvCell)).toEqual([
      "'=1+2",
      "'+84 912",
      "'-5",
      "'@SUM(A1)",
      "'\tx",
      '"\'\rx"',
    ]);
    // Defused first, then quoted: the apostrophe is inside the quotes.
    expect(csvCell(TRICKY_DECISION)).toBe(`"'=2+3, ""đã ký"""`);
    // Text elsewhere is left alone; numbers are numbers, negative ones too, with a dot and no exponent.
    expect(["a=b", "0.5", "2026-07-01T01:30:00.000Z"].map(csvCell)).toEqual(["a=b", "0.5", "2026-07-01T01:30:00.000Z"]);
    expect([-5, 0.9712, 1_300_000, 1e-7, 0].map(csvCell)).toEqual(["-5", "0.9712", "1300000", "0.0000001", "0"]);
  });
});

describe("e2e > export > overview.csv", () => {
  it("gives a city officer one row per commune and field, each equal to the API's figures", async () => {
    const file = await download(
      `/dashboard/export/overview.csv?province=01&from=${PERIOD.from}&to=${PERIOD.to}`,
      PERSONAS.hanoiCityOfficer,
    );
    const rows = csvRows(file, OVERVIEW_CSV_HEADER, `tong-quan-01-${PERIOD.from}-${PERIOD.to}.csv`);
    const expected = await apiOverview(PERSONAS.hanoiCityOfficer, ["civilStatus", "land", "social"]);
    expect(expected).toHaveLength(126 * 3);
    expect(rows).toEqual(expected);
    // The data made above shows: Ứng Thiên's social desk received every allowance dossier.
    const ungThienSocial = rows.find((row) => row[0] === "10369" && row[3] === "social")!;
    expect(Number(ungThienSocial[4])).toBeGreaterThanOrEqual(UNG_THIEN_BENEFICIARIES);
  });

  it("gives an analyst the figures (aggregates only), here of one field", async () => {
    const file = await download(
      `/dashboard/export/overview.csv?province=01&from=${PERIOD.from}&to=${PERIOD.to}&fields=social`,
      PERSONAS.analyst,
    );
    const rows = csvRows(file, OVERVIEW_CSV_HEADER, `tong-quan-01-xa-hoi-${PERIOD.from}-${PERIOD.to}.csv`);
    expect(rows).toEqual(await apiOverview(PERSONAS.analyst, ["social"]));
    expect(rows).toHaveLength(126);
  });

  it("refuses a city officer of another province with 403 and the API's errors, and sends no CSV", async () => {
    const file = await download(
      `/dashboard/export/overview.csv?province=01&from=${PERIOD.from}&to=${PERIOD.to}`,
      HCMC_CITY_OFFICER,
    );
    const errors = expectRefused(file, 403, "FORBIDDEN");
    expect(errors.every((error) => error.extensions.code === "FORBIDDEN")).toBe(true);
    expect(file.bytes.includes(Buffer.from("\uFEFF"))).toBe(false);
  });
});

describe("e2e > export > payment-roll.csv", () => {
  it("streams a commune's roll longer than one page: the first page arrives before the last is answered", async () => {
    const before = { requested, answered };
    let open!: () => void;
    gate = { after: requested + 1, open: new Promise<void>((resolve) => (open = resolve)) };
    try {
      const token = await tokenOf(SOCIAL_OFFICER);
      const chunks: Buffer[] = [];
      const lineEnds = () => (Buffer.concat(chunks).toString("utf8").match(/\r\n/g) ?? []).length;
      // The BOM, the header and the whole first page, while the second page waits at the gate: a
      // route that waited for every page would send nothing, and this would time out.
      const { res, reader } = await within(20_000, async () => {
        const res = await fetch(`${base}/dashboard/export/payment-roll.csv?month=${ROLL_MONTH}&commune=10369`, {
          headers: { authorization: `Bearer ${token}` },
        });
        const reader = res.body!.getReader();
        while (lineEnds() < 101) {
          const { value, done } = await reader.read();
          if (done) break;
          chunks.push(Buffer.from(value));
        }
        return { res, reader };
      });
      expect(res.status).toBe(200);
      expect(lineEnds()).toBeGreaterThanOrEqual(101);
      expect(answered - before.answered).toBe(1);
      expect([...Buffer.concat(chunks).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      open();
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        chunks.push(Buffer.from(value));
      }
      // Two pages of lines, one request each: nothing read twice.
      expect(requested - before.requested).toBe(2);
      expect(answered - before.answered).toBe(2);

      const bytes = Buffer.concat(chunks);
      const text = bytes.toString("utf8").slice(1);
      const file = { status: res.status, headers: res.headers, bytes, text };
      const rows = csvRows(file, PAYMENT_ROLL_CSV_HEADER, `danh-sach-chi-tra-10369-${ROLL_MONTH}.csv`);
      // Complete, in order, each line once, each equal to the API's.
      const expected = await apiRoll(SOCIAL_OFFICER, "10369", ROLL_MONTH);
      expect(expected).toHaveLength(UNG_THIEN_BENEFICIARIES);
      expect(rows).toEqual(expected);
      const ids = rows.map((row) => row[3]);
      expect(new Set(ids).size).toBe(ids.length);
      expect([...ids].sort()).toEqual(ids);
      // The decision typed as a formula is text in the file, its comma and quotes intact.
      expect(rows.map((row) => row[8])).toContain(`'${TRICKY_DECISION}`);
      expect(text).toContain(`"'=2+3, ""đã ký"""`);
      // Amounts are plain digits.
      for (const row of rows) expect(row[7]).toMatch(/^\d+$/);
    } finally {
      open();
      gate = undefined;
    }
  });

  it("reads a province's communes in code order, each roll paged, for a city officer", async () => {
    const file = await download(
      `/dashboard/export/payment-roll.csv?month=${ROLL_MONTH}&province=01`,
      PERSONAS.hanoiCityOfficer,
    );
    const rows = csvRows(file, PAYMENT_ROLL_CSV_HEADER, `danh-sach-chi-tra-01-${ROLL_MONTH}.csv`);
    const communes = (
      await call<{ province: { communes: { code: string }[] } }>(
        PERSONAS.hanoiCityOfficer,
        `{ province(code: "01") { communes { code } } }`,
      )
    ).province.communes
      .map((commune) => commune.code)
      .sort();
    const expected: string[][] = [];
    for (const code of communes) expected.push(...(await apiRoll(PERSONAS.hanoiCityOfficer, code, ROLL_MONTH)));
    expect(expected).toHaveLength(UNG_THIEN_BENEFICIARIES + 3);
    expect(rows).toEqual(expected);
    expect(rows[0][1]).toBe("00004");
  });

  it("refuses the analyst (it names people) and another province's officer with 403, sending no CSV", async () => {
    for (const [claims, path] of [
      [PERSONAS.analyst, `?month=${ROLL_MONTH}&commune=10369`],
      [PERSONAS.analyst, `?month=${ROLL_MONTH}&province=01`],
      [HCMC_CITY_OFFICER, `?month=${ROLL_MONTH}&commune=10369`],
      [HCMC_CITY_OFFICER, `?month=${ROLL_MONTH}&province=01`],
    ] as const) {
      expectRefused(await download(`/dashboard/export/payment-roll.csv${path}`, claims), 403, "FORBIDDEN");
    }
  });
});

describe("e2e > export > dossiers.csv", () => {
  it("lists a commune desk's dossiers over two pages, each once, each equal to the API's", async () => {
    const file = await download(`/dashboard/export/dossiers.csv?field=social&commune=10369`, SOCIAL_OFFICER);
    const rows = csvRows(file, DOSSIERS_CSV_HEADER, "ho-so-xa-hoi-10369.csv");
    const expected = await apiDossiers(SOCIAL_OFFICER, "commune", "10369");
    expect(expected.length).toBeGreaterThan(100);
    expect(rows).toEqual(expected);
    expect(new Set(rows.map((row) => row[0])).size).toBe(rows.length);
  });

  it("lists a province's dossiers through Province.social.dossiers, filtered by status and period", async () => {
    const filter = { status: ["COMPLETED"], receivedFrom: PERIOD.from, receivedTo: PERIOD.to };
    const file = await download(
      `/dashboard/export/dossiers.csv?field=social&province=01&status=COMPLETED&from=${PERIOD.from}&to=${PERIOD.to}`,
      PERSONAS.hanoiCityOfficer,
    );
    const rows = csvRows(file, DOSSIERS_CSV_HEADER, `ho-so-xa-hoi-01-tu-${PERIOD.from}-den-${PERIOD.to}.csv`);
    const expected = await apiDossiers(PERSONAS.hanoiCityOfficer, "province", "01", filter);
    expect(expected).toHaveLength(UNG_THIEN_BENEFICIARIES + 3);
    expect(rows).toEqual(expected);
    expect(new Set(rows.map((row) => row[1]))).toEqual(new Set(["10369", "00004"]));
  });

  it("refuses the analyst (it names applicants) and another province's officer with 403", async () => {
    for (const [claims, path] of [
      [PERSONAS.analyst, "?field=social&commune=10369"],
      [PERSONAS.analyst, "?field=land&province=01"],
      [HCMC_CITY_OFFICER, "?field=social&province=01"],
      [HCMC_CITY_OFFICER, "?field=civilStatus&commune=10369"],
    ] as const) {
      expectRefused(await download(`/dashboard/export/dossiers.csv${path}`, claims), 403, "FORBIDDEN");
    }
  });
});

describe("e2e > export > refusals before any query", () => {
  it("answers 401 without a bearer token", async () => {
    const before = requested;
    const file = await download(`/dashboard/export/overview.csv?province=01&from=${PERIOD.from}&to=${PERIOD.to}`);
    expectRefused(file, 401, "UNAUTHENTICATED");
    expect(file.headers.get("www-authenticate")).toBe("Bearer");
    const basic = await fetch(`${base}/dashboard/export/dossiers.csv?field=land&commune=10369`, {
      headers: { authorization: "Basic dXNlcjpwYXNz" },
    });
    expect(basic.status).toBe(401);
    expect(requested).toBe(before);
  });

  it("answers 401 for a token the gateway does not accept, as the API does", async () => {
    const res = await fetch(`${base}/dashboard/export/dossiers.csv?field=land&commune=10369`, {
      headers: { authorization: "Bearer not-a-token" },
    });
    expect(res.status).toBe(401);
    expect(((await res.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code).toBe(
      "UNAUTHENTICATED",
    );
  });

  it.each([
    ["payment-roll.csv?month=2026-13&commune=10369", "month"],
    ["payment-roll.csv?month=2026-8&commune=10369", "month"],
    ["payment-roll.csv?commune=10369", "month"],
    ["payment-roll.csv?month=2026-08", "commune"],
    ["payment-roll.csv?month=2026-08&commune=1036", "commune"],
    ["payment-roll.csv?month=2026-08&commune=10369&province=01", "commune"],
    ["overview.csv?from=2026-01-01&to=2026-12-31", "province"],
    ["overview.csv?province=1&from=2026-01-01&to=2026-12-31", "province"],
    ["overview.csv?province=01&from=2026-02-30&to=2026-12-31", "from"],
    ["overview.csv?province=01&from=2026-12-31&to=2026-01-01", "to"],
    ["overview.csv?province=01&from=2026-01-01&to=2026-12-31&fields=social,health", "fields"],
    ["overview.csv?province=01&from=2026-01-01&to=2026-12-31&provinces=79", "provinces"],
    ["dossiers.csv?field=health&commune=10369", "field"],
    ["dossiers.csv?commune=10369", "field"],
    ["dossiers.csv?field=land&commune=10369&status=DONE", "status"],
    ["dossiers.csv?field=land&commune=10369&overdue=yes", "overdue"],
    ["dossiers.csv?field=land&commune=10369&to=2026-1-1", "to"],
  ])("answers 400 BAD_USER_INPUT for %s, naming %s", async (path, field) => {
    const before = requested;
    expectRefused(await download(`/dashboard/export/${path}`, PERSONAS.hanoiCityOfficer), 400, "BAD_USER_INPUT", field);
    expect(requested).toBe(before);
  });

  it("answers 405 to anything but GET, and leaves other paths to other routes", async () => {
    const post = await download(`/dashboard/export/overview.csv?province=01`, PERSONAS.hanoiCityOfficer, {
      method: "POST",
    });
    expect(post.status).toBe(405);
    expect(post.headers.get("allow")).toBe("GET");
    expect((await download(`/dashboard/export/other.csv`, PERSONAS.hanoiCityOfficer)).status).toBe(404);
  });
});

describe("e2e > export > an error after the first page", () => {
  it("ends the file with a line saying so, and logs it", async () => {
    let open!: () => void;
    gate = { after: requested + 1, open: new Promise<void>((resolve) => (open = resolve)) };
    const logged: string[] = [];
    const stderr = jest.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => {
      logged.push(String(chunk));
      return true;
    });
    try {
      const res = await fetch(`${base}/dashboard/export/payment-roll.csv?month=${ROLL_MONTH}&commune=10369`, {
        headers: { authorization: `Bearer ${await tokenOf(SOCIAL_OFFICER)}` },
      });
      expect(res.status).toBe(200);
      // The first page is out; social affairs goes down before the second is asked for.
      await hub.restart("social", {}, { stopOnly: true });
      open();
      const text = (await res.text()).slice(1);
      const lines = text.split("\r\n");
      expect(lines[lines.length - 1]).toBe("");
      // The API's own message for the page it could not answer.
      expect(lines[lines.length - 2]).toMatch(/^# Lỗi: .*social.*unavailable/i);
      // The header and the first page, then the error line.
      expect(lines).toHaveLength(1 + 100 + 2);
      expect(
        logged.some(
          (line) =>
            line.includes("CSV export failed after its first page") &&
            line.includes('"page":2') &&
            line.includes("SUBGRAPH_UNAVAILABLE"),
        ),
      ).toBe(true);
    } finally {
      open();
      gate = undefined;
      stderr.mockRestore();
      await hub.resume("social");
    }
  });
});
