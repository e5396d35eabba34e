import type { IncomingMessage, ServerResponse } from "node:http";

import { DossierStatus } from "../subgraphs/kit/dossier/status";
import { log } from "../subgraphs/kit/logger";
import { MAX_PAGE_SIZE } from "../subgraphs/kit/page-size";
import { isCalendarDate } from "../subgraphs/kit/rule-problem";

/**
 * The city dashboard's CSV exports (`/dashboard/export/*.csv`): every commune's desk figures, a
 * month's payment roll, a desk's dossier list. Each export is a series of ordinary GraphQL requests
 * to the gateway's own public endpoint with the caller's own token, so the subgraphs decide who may
 * read what exactly as they do for the same query sent from GraphiQL: nothing here reads a
 * database, signs a token or knows a role. The file is written page by page as the answers arrive.
 */

export interface ExportOptions {
  /** The gateway's public GraphQL endpoint, e.g. http://127.0.0.1:4000/graphql. */
  graphqlUrl: () => string;
  /**
   * How long one page's request may take. The gateway bounds each subgraph call (8 s by default);
   * this is a backstop for a gateway that does not answer at all, so an export never hangs.
   */
  pageTimeoutMs?: number;
}

/** DESIGN §9's page size, the most the gateway lets through: the fewest requests per file. */
const PAGE_SIZE = MAX_PAGE_SIZE;
const DEFAULT_PAGE_TIMEOUT_MS = 30_000;

// ---------------------------------------------------------------------------------------------
// CSV

/** A cell: text, a number, or nothing (an empty cell). */
export type CsvCell = string | number | null | undefined;

/** Opens the file so that Excel reads it as UTF-8 and shows Vietnamese correctly. */
export const CSV_BOM = "\uFEFF";

/**
 * A spreadsheet runs a cell that starts with one of these as a formula (`=HYPERLINK(…)` from a
 * decision number typed at a desk, say). Tab and CR are on OWASP's list beside = + - @.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/**
 * Numbers as plain digits with a dot for decimals (rates are fractions such as 0.9712, not
 * percentages), never in exponent notation, whatever the reader's locale: a spreadsheet in a
 * Vietnamese locale may show them with a comma, but the file always has the dot.
 */
const formatNumber = (value: number): string => {
  if (!Number.isFinite(value)) throw new RangeError(`A CSV number must be finite, got ${value}`);
  const text = String(value);
  if (!/e/i.test(text)) return text;
  // Only below 1e-6 (or above 1e21, which no count or amount here reaches).
  return value.toFixed(20).replace(/\.?0+$/, "");
};

/**
 * One cell as RFC 4180 writes it: quoted when it holds a comma, a quote, CR or LF, with quotes
 * doubled. Text that a spreadsheet would take for a formula gets a leading apostrophe, which shows
 * the text as typed; numbers are written as numbers, so a negative one stays a number.
 */
export const csvCell = (cell: CsvCell): string => {
  if (cell === null || cell === undefined) return "";
  if (typeof cell === "number") return formatNumber(cell);
  const text = FORMULA_START.test(cell) ? `'${cell}` : cell;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** One CSV record with its CRLF line end. */
export const csvRow = (cells: readonly CsvCell[]): string => `${cells.map(csvCell).join(",")}\r\n`;

// ---------------------------------------------------------------------------------------------
// Columns: each header is the list of its column titles, in the order of the cells. Codes (commune
// kind, status, channel, timeliness, programme) are the API's enum values, the same in every
// language and in the schema documentation; dates and instants are ISO 8601 as the API gives them.

type Column<T> = readonly [title: string, cell: (row: T) => CsvCell];

const titles = <T>(columns: readonly Column<T>[]): readonly string[] => Object.freeze(columns.map(([title]) => title));
const cellsOf = <T>(columns: readonly Column<T>[], row: T): CsvCell[] => columns.map(([, cell]) => cell(row));

/** The fields a desk export covers, as the schema names them on Commune and Province. */
export const EXPORT_FIELDS = ["civilStatus", "land", "social"] as const;
export type ExportField = (typeof EXPORT_FIELDS)[number];

interface DeskStats {
  received: number;
  completed: number;
  onTime: number;
  late: number;
  overdue: number;
  onTimeRate: number | null;
  nationalOnTimeRate: number | null;
  onlineShare: number | null;
  nationalOnTime: number;
  nationalCounted: number;
  avgProcessingHours: number | null;
}

interface OverviewRow {
  commune: { code: string; name: string; kind: string };
  field: ExportField;
  stats: DeskStats;
}

const OVERVIEW_COLUMNS: readonly Column<OverviewRow>[] = [
  ["Mã xã", (row) => row.commune.code],
  ["Tên xã", (row) => row.commune.name],
  ["Loại đơn vị", (row) => row.commune.kind],
  ["Lĩnh vực", (row) => row.field],
  ["Tiếp nhận", (row) => row.stats.received],
  ["Đã giải quyết", (row) => row.stats.completed],
  ["Đúng hạn", (row) => row.stats.onTime],
  ["Trễ hạn", (row) => row.stats.late],
  ["Quá hạn", (row) => row.stats.overdue],
  ["Tỷ lệ đúng hạn", (row) => row.stats.onTimeRate],
  ["Chỉ số 2.1", (row) => row.stats.nationalOnTimeRate],
  ["Tỷ lệ trực tuyến", (row) => row.stats.onlineShare],
  ["Chỉ số 2.1 - tử số", (row) => row.stats.nationalOnTime],
  ["Chỉ số 2.1 - mẫu số", (row) => row.stats.nationalCounted],
  ["Thời gian xử lý trung bình (giờ)", (row) => row.stats.avgProcessingHours],
];

/** overview.csv: one row per commune and field; rates are fractions (0.9712), empty when there is none. */
export const OVERVIEW_CSV_HEADER = titles(OVERVIEW_COLUMNS);

interface RollLine {
  citizen: { personalId: string; fullName: string };
  program: string;
  groupCode: string | null;
  amountVnd: number;
  decisionNo: string;
  status: string | null;
}

interface RollRow {
  month: string;
  commune: { code: string; name: string };
  line: RollLine;
}

const PAYMENT_ROLL_COLUMNS: readonly Column<RollRow>[] = [
  ["Tháng", (row) => row.month],
  ["Mã xã", (row) => row.commune.code],
  ["Tên xã", (row) => row.commune.name],
  ["Số định danh cá nhân", (row) => row.line.citizen.personalId],
  ["Họ tên", (row) => row.line.citizen.fullName],
  ["Chế độ", (row) => row.line.program],
  ["Nhóm đối tượng", (row) => row.line.groupCode],
  ["Số tiền (VND)", (row) => row.line.amountVnd],
  ["Số quyết định", (row) => row.line.decisionNo],
  ["Trạng thái", (row) => row.line.status],
];

/** payment-roll.csv: one row per line of the roll, communes in code order, lines by personal ID. */
export const PAYMENT_ROLL_CSV_HEADER = titles(PAYMENT_ROLL_COLUMNS);

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

interface PageInfo {
  endCursor: string | null;
  hasNextPage: boolean;
}

const DOSSIER_COLUMNS: readonly Column<DossierNode>[] = [
  ["Mã hồ sơ", (row) => row.code],
  ["Mã xã", (row) => row.communeCode],
  ["Mã thủ tục", (row) => row.procedureCode],
  ["Tên thủ tục", (row) => row.procedureName],
  ["Kênh nộp", (row) => row.channel],
  ["Trạng thái", (row) => row.status],
  ["Mã trạng thái quốc gia", (row) => row.nationalStatusCode],
  ["Thời điểm nhận", (row) => row.receivedAt],
  ["Hạn trả kết quả", (row) => row.dueAt],
  ["Thời điểm kết thúc", (row) => row.endedAt],
  ["Tình trạng đúng hạn", (row) => row.timeliness],
  ["Số định danh người nộp", (row) => row.applicant?.personalId],
  ["Họ tên người nộp", (row) => row.applicant?.fullName],
];

/** dossiers.csv: one row per dossier of the desk, newest first as the desk lists them. */
export const DOSSIERS_CSV_HEADER = titles(DOSSIER_COLUMNS);

// ---------------------------------------------------------------------------------------------
// The GraphQL documents. User input only ever travels in variables: the documents are constants,
// and where one depends on the field it is picked from those written out below for each field.

const STATS_SELECTION = `received completed onTime late overdue onTimeRate nationalOnTimeRate onlineShare
  nationalOnTime nationalCounted avgProcessingHours`;

// Cost 1 + 200 + 3 × (200 + 200) = 1,401 with every field: the dashboard's own shape (README, "Request limits").
const OVERVIEW_QUERY = `query ExportOverview($province: ID!, $from: Date!, $to: Date!,
  $civilStatus: Boolean!, $land: Boolean!, $social: Boolean!) {
  province(code: $province) {
    code
    communes {
      code name kind
      civilStatus @include(if: $civilStatus) { stats(from: $from, to: $to) { ${STATS_SELECTION} } }
      land @include(if: $land) { stats(from: $from, to: $to) { ${STATS_SELECTION} } }
      social @include(if: $social) { stats(from: $from, to: $to) { ${STATS_SELECTION} } }
    }
  }
}`;

const PROVINCE_COMMUNES_QUERY = `query ExportProvinceCommunes($province: ID!) {
  province(code: $province) { code communes { code name } }
}`;

const ROLL_PAGE_QUERY = `query ExportPaymentRollPage($commune: ID!, $month: String!, $first: Int!, $after: String) {
  commune(code: $commune) {
    code name
    social { paymentRoll(month: $month) { month lines(first: $first, after: $after) {
      citizen { personalId fullName } program groupCode amountVnd decisionNo status
    } } }
  }
}`;

const DOSSIER_SELECTION = `code communeCode procedureCode procedureName channel status nationalStatusCode
  receivedAt dueAt endedAt timeliness applicant { personalId fullName }`;

const FILTER_TYPES: Readonly<Record<ExportField, string>> = {
  civilStatus: "CivilStatusDossierFilter",
  land: "LandDossierFilter",
  social: "SocialDossierFilter",
};

type Unit = "commune" | "province";

const dossiersQuery = (unit: Unit, field: ExportField): string => `query ExportDossierPage(
  $code: ID!, $first: Int!, $after: String, $filter: ${FILTER_TYPES[field]}) {
  ${unit}(code: $code) {
    code
    ${field} { dossiers(first: $first, after: $after, filter: $filter) {
      nodes { ${DOSSIER_SELECTION} }
      pageInfo { endCursor hasNextPage }
    } }
  }
}`;

const DOSSIER_QUERIES: Readonly<Record<Unit, Readonly<Record<ExportField, string>>>> = {
  commune: Object.fromEntries(EXPORT_FIELDS.map((field) => [field, dossiersQuery("commune", field)])) as Record<
    ExportField,
    string
  >,
  province: Object.fromEntries(EXPORT_FIELDS.map((field) => [field, dossiersQuery("province", field)])) as Record<
    ExportField,
    string
  >,
};

// ---------------------------------------------------------------------------------------------
// Calling the API

interface GraphqlError {
  message: string;
  path?: (string | number)[];
  extensions?: Record<string, unknown>;
}

/**
 * The API did not answer a page: its errors, and the HTTP status an export answers with when this
 * happens before anything was streamed.
 */
class ApiRefusal extends Error {
  constructor(
    readonly status: number,
    readonly errors: GraphqlError[],
  ) {
    super(errors.map((error) => error.message).join("; ") || `The API answered ${status}`);
  }
}

const errorOf = (message: string, code: string, field?: string): GraphqlError => ({
  message,
  extensions: { code, ...(field ? { field } : {}) },
});

/**
 * The status an export answers with for the API's errors: what the caller did wrong or may not
 * do keeps its meaning (401, 403, 400, 404); anything else is the API failing behind us (502).
 */
const statusOf = (httpStatus: number, errors: readonly GraphqlError[]): number => {
  const codes = new Set(errors.map((error) => error.extensions?.code));
  if (httpStatus === 401 || codes.has("UNAUTHENTICATED")) return 401;
  if (httpStatus === 403 || codes.has("FORBIDDEN")) return 403;
  if (codes.has("BAD_USER_INPUT")) return 400;
  if (codes.has("NOT_FOUND")) return 404;
  return 502;
};

type Api = <T>(query: string, variables: Record<string, unknown>) => Promise<T>;

/** Runs one operation with the caller's Authorization header, unchanged; any error refuses the page. */
const apiFor =
  (url: string, authorization: string, signal: AbortSignal, timeoutMs: number): Api =>
  async <T>(query: string, variables: Record<string, unknown>): Promise<T> => {
    let response: Response;
    let text: string;
    try {
      response = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json", accept: "application/json", authorization },
        body: JSON.stringify({ query, variables }),
        signal: AbortSignal.any([signal, AbortSignal.timeout(timeoutMs)]),
      });
      text = await response.text();
    } catch (error) {
      if (signal.aborted) throw error;
      const timedOut = error instanceof DOMException && error.name === "TimeoutError";
      throw new ApiRefusal(timedOut ? 504 : 502, [
        timedOut
          ? errorOf(`The API did not answer within ${timeoutMs} ms`, "GATEWAY_TIMEOUT")
          : errorOf("The API could not be reached", "BAD_GATEWAY"),
      ]);
    }
    let body: { data?: T | null; errors?: GraphqlError[] };
    try {
      body = JSON.parse(text) as typeof body;
    } catch {
      throw new ApiRefusal(502, [errorOf(`The API answered ${response.status} without JSON`, "BAD_GATEWAY")]);
    }
    const errors = body.errors ?? [];
    if (errors.length > 0 || !response.ok) {
      throw new ApiRefusal(
        statusOf(response.status, errors),
        errors.length > 0 ? errors : [errorOf(`The API answered ${response.status}`, "BAD_GATEWAY")],
      );
    }
    if (body.data === null || body.data === undefined) {
      throw new ApiRefusal(502, [errorOf("The API answered without data", "BAD_GATEWAY")]);
    }
    return body.data;
  };

const notFound = (unit: Unit, code: string): ApiRefusal =>
  new ApiRefusal(404, [
    errorOf(`${unit === "province" ? "Province" : "Commune"} ${code} does not exist`, "NOT_FOUND", unit),
  ]);

/** A namespace field (Commune.land, …) null without an error: the field could not answer. */
const unanswered = (what: string): ApiRefusal =>
  new ApiRefusal(502, [errorOf(`The API gave no ${what}`, "BAD_GATEWAY")]);

// ---------------------------------------------------------------------------------------------
// Reading the request

class BadInput extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

const PROVINCE_CODE = /^\d{2}$/;
const COMMUNE_CODE = /^\d{5}$/;
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const DOSSIER_STATUSES = new Set<string>(Object.values(DossierStatus));

/** The query string, refusing parameters the export does not take (a typo would silently widen it) and repeats. */
const paramsOf = (url: URL, allowed: readonly string[]): Map<string, string> => {
  const params = new Map<string, string>();
  for (const [name, value] of url.searchParams) {
    if (!allowed.includes(name)) {
      throw new BadInput(name, `Unknown parameter ${name}; this export takes ${allowed.join(", ")}`);
    }
    if (params.has(name)) throw new BadInput(name, `${name} is given more than once`);
    params.set(name, value);
  }
  return params;
};

const required = (params: Map<string, string>, name: string, what: string): string => {
  const value = params.get(name);
  if (value === undefined || value === "") throw new BadInput(name, `${name} is required: ${what}`);
  return value;
};

const checked = (value: string, name: string, valid: boolean, what: string): string => {
  if (!valid) throw new BadInput(name, `${name} must be ${what}, got ${JSON.stringify(value)}`);
  return value;
};

const provinceParam = (value: string): string => checked(value, "province", PROVINCE_CODE.test(value), "2 digits");
const communeParam = (value: string): string => checked(value, "commune", COMMUNE_CODE.test(value), "5 digits");
const dateParam = (value: string, name: string): string =>
  checked(value, name, isCalendarDate(value), "a calendar date written YYYY-MM-DD");

const fieldParam = (value: string, name = "field"): ExportField =>
  checked(value, name, (EXPORT_FIELDS as readonly string[]).includes(value), EXPORT_FIELDS.join(", ")) as ExportField;

/** A period: `to` not before `from`. */
const period = (from: string | undefined, to: string | undefined): void => {
  if (from !== undefined && to !== undefined && to < from) {
    throw new BadInput("to", `to (${to}) is before from (${from})`);
  }
};

interface Place {
  unit: Unit;
  code: string;
}

/** Exactly one of commune and province. */
const placeParam = (params: Map<string, string>): Place => {
  const commune = params.get("commune");
  const province = params.get("province");
  if (commune !== undefined && province !== undefined) {
    throw new BadInput("commune", "Give commune or province, not both");
  }
  if (commune !== undefined) return { unit: "commune", code: communeParam(commune) };
  if (province !== undefined) return { unit: "province", code: provinceParam(province) };
  throw new BadInput("commune", "commune (5 digits) or province (2 digits) is required");
};

// ---------------------------------------------------------------------------------------------
// The exports: each reads its parameters (throwing BadInput before anything is queried) and
// returns its file name, header and pages. A page is a list of rows, pulled one at a time, so the
// next request goes out only once the previous page has been handed to the socket.

interface Export {
  filename: string;
  header: readonly string[];
  pages(api: Api): AsyncGenerator<CsvCell[][]>;
}

const FIELD_SLUGS: Readonly<Record<ExportField, string>> = {
  civilStatus: "ho-tich",
  land: "dia-chinh",
  social: "xa-hoi",
};

const overviewExport = (url: URL): Export => {
  const params = paramsOf(url, ["province", "from", "to", "fields"]);
  const province = provinceParam(required(params, "province", "the province's 2-digit code"));
  const from = dateParam(required(params, "from", "the first day of receipt, YYYY-MM-DD"), "from");
  const to = dateParam(required(params, "to", "the last day of receipt, YYYY-MM-DD"), "to");
  period(from, to);
  const listed = params.get("fields");
  const chosen = new Set(
    listed === undefined ? EXPORT_FIELDS : listed.split(",").map((field) => fieldParam(field.trim(), "fields")),
  );
  const fields = EXPORT_FIELDS.filter((field) => chosen.has(field));
  const slugs = fields.length === EXPORT_FIELDS.length ? "" : `-${fields.map((field) => FIELD_SLUGS[field]).join("-")}`;
  return {
    filename: `tong-quan-${province}${slugs}-${from}-${to}.csv`,
    header: OVERVIEW_CSV_HEADER,
    // One request: a province has at most 200 communes (Province.communes' declared size), so the
    // answer is bounded whatever the period; the rows go out in pages like the other exports'.
    async *pages(api) {
      const data = await api<{
        province: {
          communes: (OverviewRow["commune"] & Partial<Record<ExportField, { stats: DeskStats } | null>>)[];
        } | null;
      }>(OVERVIEW_QUERY, {
        province,
        from,
        to,
        ...Object.fromEntries(EXPORT_FIELDS.map((field) => [field, chosen.has(field)])),
      });
      if (!data.province) throw notFound("province", province);
      const communes = data.province.communes;
      for (let start = 0; start === 0 || start < communes.length; start += PAGE_SIZE) {
        yield communes.slice(start, start + PAGE_SIZE).flatMap((commune) =>
          fields.map((field) => {
            const desk = commune[field];
            if (!desk) throw unanswered(`${field} figures for ${commune.code}`);
            return cellsOf(OVERVIEW_COLUMNS, {
              commune: { code: commune.code, name: commune.name, kind: commune.kind },
              field,
              stats: desk.stats,
            });
          }),
        );
      }
    },
  };
};

/** A province's communes in code order, for the exports read commune by commune. */
const communesOf = async (api: Api, province: string): Promise<{ code: string; name: string }[]> => {
  const data = await api<{ province: { communes: { code: string; name: string }[] } | null }>(PROVINCE_COMMUNES_QUERY, {
    province,
  });
  if (!data.province) throw notFound("province", province);
  return [...data.province.communes].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
};

const paymentRollExport = (url: URL): Export => {
  const params = paramsOf(url, ["month", "commune", "province"]);
  const month = required(params, "month", "the month of the roll, YYYY-MM");
  checked(month, "month", MONTH.test(month), "a month written YYYY-MM");
  const place = placeParam(params);
  return {
    filename: `danh-sach-chi-tra-${place.code}-${month}.csv`,
    header: PAYMENT_ROLL_CSV_HEADER,
    async *pages(api) {
      // A roll's lines are read per commune (the social desk refuses them for a province).
      const communes = place.unit === "commune" ? [place.code] : (await communesOf(api, place.code)).map((c) => c.code);
      for (const code of communes) {
        let after: string | null = null;
        for (;;) {
          const data: {
            commune: { code: string; name: string; social: { paymentRoll: { lines: RollLine[] } } | null } | null;
          } = await api(ROLL_PAGE_QUERY, { commune: code, month, first: PAGE_SIZE, after });
          if (!data.commune) throw notFound("commune", code);
          if (!data.commune.social) throw unanswered(`payment roll for ${code}`);
          const commune = { code: data.commune.code, name: data.commune.name };
          const lines = data.commune.social.paymentRoll.lines;
          yield lines.map((line) => cellsOf(PAYMENT_ROLL_COLUMNS, { month, commune, line }));
          // The roll pages by personal ID with no "more" flag: a short page is the last.
          if (lines.length < PAGE_SIZE) break;
          after = lines[lines.length - 1].citizen.personalId;
        }
      }
    },
  };
};

const dossiersExport = (url: URL): Export => {
  const params = paramsOf(url, ["field", "commune", "province", "status", "overdue", "from", "to"]);
  const field = fieldParam(required(params, "field", EXPORT_FIELDS.join(", ")));
  const place = placeParam(params);
  const filter: Record<string, unknown> = {};
  const status = params.get("status");
  if (status !== undefined) {
    const statuses = status.split(",").map((value) => value.trim());
    for (const value of statuses) {
      checked(value, "status", DOSSIER_STATUSES.has(value), `one or more of ${[...DOSSIER_STATUSES].join(", ")}`);
    }
    filter.status = [...new Set(statuses)];
  }
  const overdue = params.get("overdue");
  if (overdue !== undefined) {
    checked(overdue, "overdue", overdue === "true" || overdue === "false", "true or false");
    if (overdue === "true") filter.overdue = true;
  }
  const from = params.has("from") ? dateParam(params.get("from") as string, "from") : undefined;
  const to = params.has("to") ? dateParam(params.get("to") as string, "to") : undefined;
  period(from, to);
  if (from) filter.receivedFrom = from;
  if (to) filter.receivedTo = to;
  const suffix = [filter.overdue ? "qua-han" : "", from ? `tu-${from}` : "", to ? `den-${to}` : ""]
    .filter(Boolean)
    .map((part) => `-${part}`)
    .join("");
  return {
    filename: `ho-so-${FIELD_SLUGS[field]}-${place.code}${suffix}.csv`,
    header: DOSSIERS_CSV_HEADER,
    // Province.<field>.dossiers lists the whole province on one connection.
    async *pages(api) {
      let after: string | null = null;
      for (;;) {
        const data: Partial<
          Record<
            Unit,
            Partial<Record<ExportField, { dossiers: { nodes: DossierNode[]; pageInfo: PageInfo } } | null>> | null
          >
        > = await api(DOSSIER_QUERIES[place.unit][field], {
          code: place.code,
          first: PAGE_SIZE,
          after,
          filter: Object.keys(filter).length > 0 ? filter : null,
        });
        const unit = data[place.unit];
        if (!unit) throw notFound(place.unit, place.code);
        const desk = unit[field];
        if (!desk) throw unanswered(`${field} dossiers for ${place.code}`);
        const { nodes, pageInfo } = desk.dossiers;
        yield nodes.map((node) => cellsOf(DOSSIER_COLUMNS, node));
        if (!pageInfo.hasNextPage || !pageInfo.endCursor) break;
        after = pageInfo.endCursor;
      }
    },
  };
};

const EXPORTS: Readonly<Record<string, (url: URL) => Export>> = {
  "/dashboard/export/overview.csv": overviewExport,
  "/dashboard/export/payment-roll.csv": paymentRollExport,
  "/dashboard/export/dossiers.csv": dossiersExport,
};

// ---------------------------------------------------------------------------------------------
// HTTP

/**
 * Files of personal data: never kept by the browser or anything between, never rendered or framed
 * as a page. The JSON refusals carry the same headers.
 */
const EXPORT_HEADERS = {
  "cache-control": "no-store",
  "x-content-type-options": "nosniff",
  "content-security-policy": "default-src 'none'; frame-ancestors 'none'",
  "referrer-policy": "no-referrer",
  "x-frame-options": "DENY",
  "cross-origin-resource-policy": "same-origin",
};

const sendErrors = (
  res: ServerResponse,
  status: number,
  errors: readonly GraphqlError[],
  headers: Record<string, string> = {},
): void => {
  res.writeHead(status, { ...EXPORT_HEADERS, "content-type": "application/json; charset=utf-8", ...headers });
  res.end(JSON.stringify({ errors }));
};

const BEARER = /^Bearer [^\s]+$/i;

/** Writes text, waiting while the socket's buffer is full (backpressure); false once the client has gone. */
const write = async (res: ServerResponse, text: string): Promise<boolean> => {
  if (res.destroyed) return false;
  if (text.length === 0 || res.write(text)) return true;
  await new Promise<void>((resolve) => {
    const done = () => {
      res.off("drain", done);
      res.off("close", done);
      resolve();
    };
    res.on("drain", done);
    res.on("close", done);
  });
  return !res.destroyed;
};

const rowsText = (rows: readonly CsvCell[][]): string => rows.map(csvRow).join("");

/** The last line of a file cut short: one line, whatever the message holds. */
const errorLine = (message: string): string => `# Lỗi: ${message.replace(/[\r\n]+/g, " ")}\r\n`;

const streamExport = async (
  res: ServerResponse,
  path: string,
  plan: Export,
  api: Api,
  clientGone: AbortSignal,
): Promise<void> => {
  const pages = plan.pages(api);
  let next: IteratorResult<CsvCell[][]>;
  try {
    next = await pages.next();
  } catch (error) {
    // Nothing sent yet: the caller gets the API's refusal with its meaning as an HTTP status.
    if (error instanceof ApiRefusal) {
      sendErrors(res, error.status, error.errors);
      return;
    }
    if (clientGone.aborted) return;
    throw error;
  }
  res.writeHead(200, {
    ...EXPORT_HEADERS,
    "content-type": "text/csv; charset=utf-8",
    "content-disposition": `attachment; filename="${plan.filename}"`,
  });
  let page = 1;
  try {
    if (!(await write(res, CSV_BOM + csvRow(plan.header) + rowsText(next.done ? [] : next.value)))) return;
    while (!next.done) {
      next = await pages.next();
      if (next.done) break;
      page += 1;
      if (!(await write(res, rowsText(next.value)))) return;
    }
  } catch (error) {
    if (clientGone.aborted) {
      log.info("CSV export abandoned by the client", { path, page });
      return;
    }
    // The status line went out with the first page: the file says it is incomplete on its last line.
    const message = error instanceof Error ? error.message : String(error);
    log.error("CSV export failed after its first page", {
      path,
      page: page + 1,
      error: message,
      ...(error instanceof ApiRefusal ? { codes: error.errors.map((e) => e.extensions?.code) } : {}),
    });
    await write(res, errorLine(message));
  } finally {
    // Stops the generator where it is (after the client went away, say): no further request.
    await pages.return(undefined);
  }
  res.end();
};

/**
 * Serves the dashboard's CSV exports; true when it answered. GET only: an export is a read, and
 * every request needs the caller's `Authorization: Bearer …`, which is passed on unchanged.
 */
export const exportRoutes = (options: ExportOptions) => {
  const timeoutMs = options.pageTimeoutMs ?? DEFAULT_PAGE_TIMEOUT_MS;
  return (req: IncomingMessage, res: ServerResponse, url: URL): boolean => {
    const plan = EXPORTS[url.pathname];
    if (!plan) return false;
    if (req.method !== "GET") {
      sendErrors(res, 405, [errorOf("An export is read with GET", "METHOD_NOT_ALLOWED")], { allow: "GET" });
      return true;
    }
    const authorization = req.headers.authorization;
    if (authorization === undefined || !BEARER.test(authorization)) {
      sendErrors(res, 401, [errorOf("Send your token as Authorization: Bearer <token>", "UNAUTHENTICATED")], {
        "www-authenticate": "Bearer",
      });
      return true;
    }
    let chosen: Export;
    try {
      chosen = plan(url);
    } catch (error) {
      if (!(error instanceof BadInput)) throw error;
      sendErrors(res, 400, [errorOf(error.message, "BAD_USER_INPUT", error.field)]);
      return true;
    }
    const gone = new AbortController();
    res.on("close", () => {
      if (!res.writableFinished) gone.abort();
    });
    const api = apiFor(options.graphqlUrl(), authorization, gone.signal, timeoutMs);
    streamExport(res, url.pathname, chosen, api, gone.signal).catch((error: unknown) => {
      log.error("CSV export failed", {
        path: url.pathname,
        error: error instanceof Error ? (error.stack ?? error.message) : String(error),
      });
      if (!res.headersSent) sendErrors(res, 500, [errorOf("Internal server error", "INTERNAL_SERVER_ERROR")]);
      else res.end();
    });
    return true;
  };
};
