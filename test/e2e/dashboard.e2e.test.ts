import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { resolve } from "node:path";

import { type Browser, chromium, type Page } from "playwright-core";
import ts from "typescript";

import { mintDevToken } from "../../gateway/auth";
import { loadGatewayConfig } from "../../gateway/config";
import { DASHBOARD_CSP } from "../../gateway/dashboard";
import { DOSSIERS_CSV_HEADER, OVERVIEW_CSV_HEADER } from "../../gateway/export";
import { Role, WorkField } from "../../subgraphs/kit/caller";
import { type Hub, startHub } from "../support/hub";
import { type LaunchedHub, launchHub } from "../support/launcher";
import { REPO_ROOT } from "../support/repo";

const CHROMIUM = "/usr/bin/chromium";
const RESULTS = resolve(REPO_ROOT, "test-results");
const FIELD_KEYS = ["civilStatus", "land", "social"] as const;
type FieldKey = (typeof FIELD_KEYS)[number];

describe("e2e > dashboard > page, assets and routes", () => {
  let hub: Hub;
  let origin: string;
  beforeAll(async () => {
    hub = await startHub();
    origin = new URL(hub.gatewayUrl).origin;
  });
  afterAll(() => hub?.close());

  it("serves the page under a strict Content-Security-Policy, and only assets of the bundle", async () => {
    // A city department opens /dashboard: the page and what it loads come from the gateway alone.
    const res = await fetch(`${origin}/dashboard`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(res.headers.get("content-security-policy")).toBe(DASHBOARD_CSP);
    expect(DASHBOARD_CSP).toContain("default-src 'self'");
    expect(DASHBOARD_CSP).toContain("connect-src 'self'");
    expect(DASHBOARD_CSP).not.toContain("unsafe-inline");
    expect(res.headers.get("cache-control")).toBe("no-cache");
    const html = await res.text();
    expect(html).toContain('<html lang="vi">');
    expect(html).not.toMatch(/https?:\/\//);
    const assets = [...html.matchAll(/"\/dashboard\/assets\/([^"]+)"/g)].map(([, name]) => name);
    expect(assets).toEqual([expect.stringMatching(/^app-\w+\.css$/), expect.stringMatching(/^app-\w+\.js$/)]);
    for (const name of assets) {
      const asset = await fetch(`${origin}/dashboard/assets/${name}`);
      expect(asset.status).toBe(200);
      expect(asset.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    }
    expect((await fetch(`${origin}/dashboard/assets/nothing.js`)).status).toBe(404);
    expect((await fetch(`${origin}/dashboard`, { method: "POST" })).status).toBe(405);
    const slash = await fetch(`${origin}/dashboard/`, { redirect: "manual" });
    expect([slash.status, slash.headers.get("location")]).toEqual([308, "/dashboard"]);
  });

  it("offers the development personas, each a token the graph accepts", async () => {
    // In development the page signs in as a demo persona; in production this route does not exist.
    const res = await fetch(`${origin}/dashboard/personas`);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const body = (await res.json()) as { personas: { id: string; token: string }[] };
    expect(body.personas.map((persona) => persona.id)).toContain("city-officer");
    const cityOfficer = body.personas.find((persona) => persona.id === "city-officer")!;
    const answer = await hub.graphql<{ province: { code: string } }>('{ province(code: "01") { code } }', undefined, {
      token: cityOfficer.token,
    });
    expect(answer.body.data!.province.code).toBe("01");
  });

  it("type-checks the page's source (the root tsconfig.json leaves the browser code out)", () => {
    // gateway/dashboard/ is bundled by esbuild, which does not check types; this does.
    const dir = resolve(REPO_ROOT, "gateway/dashboard");
    const { config } = ts.readConfigFile(resolve(dir, "tsconfig.json"), ts.sys.readFile);
    const parsed = ts.parseJsonConfigFileContent(config, ts.sys, dir);
    const program = ts.createProgram(parsed.fileNames, parsed.options);
    const problems = ts
      .getPreEmitDiagnostics(program)
      .map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n"));
    expect(parsed.fileNames.length).toBeGreaterThan(0);
    expect(problems).toEqual([]);
  }, 60_000);
});

// ---------------------------------------------------------------------------------------------
// In a real browser, on a hub started with `npm start` and its demo data

interface Stats {
  received: number;
  completed: number;
  overdue: number;
  onTimeRate: number | null;
  nationalOnTimeRate: number | null;
  onlineShare: number | null;
}

const integer = new Intl.NumberFormat("vi-VN");
const percent = new Intl.NumberFormat("vi-VN", {
  style: "percent",
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
});
const rate = (value: number | null) => (value === null ? "—" : percent.format(value));

/** The year the page opens on: this year, in Vietnam. */
const thisYear = () => new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 4);

/** The month the page opens on, as its overview's period attribute says it: from/to. */
const thisMonth = (): string => {
  const day = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
  const [year, month] = [Number(day.slice(0, 4)), Number(day.slice(5, 7))];
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${day.slice(5, 7)}-01/${thisYear()}-${day.slice(5, 7)}-${last}`;
};

/** A page of a desk's dossier list, as the API answers. */
interface DossierPage {
  data?: {
    commune: {
      civilStatus: {
        dossiers: {
          nodes: { code: string; applicant: { fullName: string } | null }[];
          pageInfo: { endCursor: string | null; hasNextPage: boolean };
        };
      };
    };
  };
}

/** Rows of a CSV file (RFC 4180: quoted cells may hold commas, quotes and line ends). */
const parseCsv = (text: string): string[][] => {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ",") {
      row.push(cell);
      cell = "";
    } else if (char === "\r" && text[i + 1] === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      i += 1;
    } else cell += char;
  }
  if (cell !== "" || row.length > 0) rows.push([...row, cell]);
  return rows;
};

/** Downloads what a button gives, as the browser saves it. */
const downloadOf = async (page: Page, button: string): Promise<{ name: string; text: string }> => {
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: button }).click(),
  ]);
  const path = resolve(RESULTS, download.suggestedFilename());
  await download.saveAs(path);
  return { name: download.suggestedFilename(), text: readFileSync(path, "utf8") };
};

const chromiumPresent = existsSync(CHROMIUM);
const describeInChromium = chromiumPresent ? describe : describe.skip;

describeInChromium(
  `e2e > dashboard > in Chromium${chromiumPresent ? "" : ` (skipped: ${CHROMIUM} is missing; apt-get install chromium)`}`,
  () => {
    let hub: LaunchedHub;
    let browser: Browser;
    let origin: string;
    const secret = loadGatewayConfig({}).devJwtSecret;

    beforeAll(async () => {
      hub = await launchHub("dashboard");
      origin = `http://127.0.0.1:${hub.ports.gateway}`;
      browser = await chromium.launch({
        executablePath: CHROMIUM,
        args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
      });
      mkdirSync(RESULTS, { recursive: true });
    }, 120_000);
    afterAll(async () => {
      await browser?.close();
      await hub?.cleanUp();
    });

    const api = async <T>(token: string, query: string, variables: Record<string, unknown> = {}) => {
      const res = await fetch(`${origin}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
        body: JSON.stringify({ query, variables }),
      });
      return (await res.json()) as { data?: T; errors?: { message: string; extensions?: { code?: string } }[] };
    };

    /** A page that records what it loaded and any error it hit. */
    const open = async (hash = ""): Promise<{ page: Page; requests: string[]; problems: string[] }> => {
      const page = await browser.newPage({ viewport: { width: 1440, height: 1000 }, acceptDownloads: true });
      const requests: string[] = [];
      const problems: string[] = [];
      page.on("request", (request) => requests.push(request.url()));
      page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
      page.on("console", (message) => {
        if (message.type() === "error" && !/status of 403/.test(message.text())) problems.push(message.text());
      });
      await page.goto(`${origin}/dashboard${hash}`);
      return { page, requests, problems };
    };

    const period = () => ({ from: `${thisYear()}-01-01`, to: `${thisYear()}-12-31` });

    const overviewFromApi = async (token: string, province: string) => {
      const answer = await api<{
        province: { communes: ({ code: string; name: string } & Record<FieldKey, { stats: Stats } | null>)[] };
      }>(
        token,
        `query ($code: ID!, $from: Date!, $to: Date!) { province(code: $code) { communes { code name ${FIELD_KEYS.map(
          (field) =>
            `${field} { stats(from: $from, to: $to) { received completed overdue onTimeRate nationalOnTimeRate onlineShare } }`,
        ).join(" ")} } } }`,
        { code: province, ...period() },
      );
      expect(answer.errors).toBeUndefined();
      return answer.data!.province.communes;
    };

    /** The overview table as the page shows it: by commune and field, each figure's text. */
    const overviewOnPage = (page: Page) =>
      page.evaluate<{ commune: string; field: string; late: boolean; figures: Record<string, string> }[]>(`
        [...document.querySelectorAll("table.overview tbody tr")].map((row) => ({
          commune: row.dataset.commune,
          field: row.dataset.field,
          late: row.classList.contains("late"),
          figures: Object.fromEntries(
            [...row.querySelectorAll("td[data-figure]")].map((cell) => [cell.dataset.figure, cell.textContent]),
          ),
        }))`);

    /** An attribute of every element a selector finds, in document order. */
    const attributes = (page: Page, selector: string, name: string) =>
      page.evaluate<string[]>(
        `[...document.querySelectorAll(${JSON.stringify(selector)})].map((element) => element.getAttribute(${JSON.stringify(name)}))`,
      );

    it("a Hà Nội city officer sees every commune in every field with the API's figures, drills into Ứng Thiên and reads a dossier's history", async () => {
      // A department head opens the dashboard, signs in, scans the late communes, opens Ứng Thiên.
      const { page, requests, problems } = await open();
      await page.getByLabel("Persona").selectOption("city-officer");
      const token = await page.evaluate<string>('sessionStorage.getItem("hub.dashboard.token")');
      // It opens on this month; the department looks at the whole year.
      await page.locator(`table.overview[data-period="${thisYear()}-${thisMonth()}"]`).waitFor({ timeout: 30_000 });
      await page.getByLabel("Kỳ báo cáo").selectOption("year");
      await page
        .locator(`table.overview[data-period="${period().from}/${period().to}"] tbody tr`)
        .first()
        .waitFor({ timeout: 30_000 });
      await page.locator('[data-chart-table="received-by-month"]').waitFor({ state: "attached", timeout: 30_000 });

      // The monthly chart's figures are the API's for each month (its first, a middle one and its last),
      // once it shows the year from January to this month.
      await page.waitForFunction(
        ([start, end]) => {
          const rows = document.querySelectorAll('[data-chart-table="received-by-month"] tbody tr th');
          return rows.length > 0 && rows[0].textContent === start && rows[rows.length - 1].textContent === end;
        },
        [`01/${thisYear()}`, `${thisMonth().slice(0, 2)}/${thisYear()}`],
        { timeout: 30_000 },
      );
      const monthly = await page
        .locator('[data-chart-table="received-by-month"] tbody tr')
        .evaluateAll((rows) =>
          rows.map((row) => [
            row.querySelector("th")!.textContent!,
            ...[...row.querySelectorAll("td")].map((td) => td.textContent!),
          ]),
        );
      for (const [label, ...cells] of [
        monthly[0],
        monthly[Math.floor(monthly.length / 2)],
        monthly[monthly.length - 1],
      ]) {
        const [mm, yyyy] = label.split("/");
        const last = new Date(Date.UTC(Number(yyyy), Number(mm), 0)).getUTCDate();
        const answer = await api<{ province: Record<FieldKey, { stats: { received: number } }> }>(
          token,
          `query ($from: Date!, $to: Date!) { province(code: "01") { ${FIELD_KEYS.map(
            (field) => `${field} { stats(from: $from, to: $to) { received } }`,
          ).join(" ")} } }`,
          { from: `${yyyy}-${mm}-01`, to: `${yyyy}-${mm}-${last}` },
        );
        expect(answer.errors).toBeUndefined();
        expect(cells).toEqual(FIELD_KEYS.map((field) => integer.format(answer.data!.province[field].stats.received)));
      }

      const communes = await overviewFromApi(token, "01");
      expect(communes).toHaveLength(126);
      const shown = await overviewOnPage(page);
      expect(shown).toHaveLength(126 * 3);
      const expected = communes.flatMap((commune) =>
        FIELD_KEYS.map((field) => {
          const stats = commune[field]!.stats;
          return {
            commune: commune.code,
            field,
            late: stats.overdue > 0 || (stats.onTimeRate !== null && stats.onTimeRate < 0.9),
            figures: {
              received: integer.format(stats.received),
              completed: integer.format(stats.completed),
              onTimeRate: rate(stats.onTimeRate),
              nationalOnTimeRate: rate(stats.nationalOnTimeRate),
              overdue: integer.format(stats.overdue),
              onlineShare: rate(stats.onlineShare),
            },
          };
        }),
      );
      const key = (row: { commune: string; field: string }) => `${row.commune}/${row.field}`;
      expect([...shown].sort((a, b) => key(a).localeCompare(key(b)))).toEqual(
        expected.sort((a, b) => key(a).localeCompare(key(b))),
      );
      // Sorted by overdue, most first, as it opens.
      const overdueShown = shown.map((row) => Number(row.figures.overdue.replace(/\./g, "")));
      expect(overdueShown).toEqual([...overdueShown].sort((a, b) => b - a));
      // The chart of the communes with most overdue dossiers names the API's worst commune first.
      const worst = communes
        .map((commune) => ({ commune, overdue: FIELD_KEYS.reduce((sum, f) => sum + commune[f]!.stats.overdue, 0) }))
        .sort((a, b) => b.overdue - a.overdue || a.commune.code.localeCompare(b.commune.code))[0];
      await expect(page.locator('[data-chart-table="most-overdue"] tbody tr th').first().textContent()).resolves.toBe(
        worst.commune.name,
      );
      const renderMs = Number(await page.evaluate<string>("document.body.dataset.overviewRenderMs"));
      process.stdout.write(`dashboard: the overview of 378 rows drew ${renderMs} ms after the API answered\n`);
      expect(Number.isFinite(renderMs)).toBe(true);
      await page.screenshot({ path: resolve(RESULTS, "dashboard-overview.png"), fullPage: false });

      // The overview as CSV: UTF-8 with a BOM, the Vietnamese header, one row per commune and field
      // with the API's figures.
      const overviewCsv = await downloadOf(page, "CSV tổng quan");
      expect(overviewCsv.text.startsWith("\uFEFF")).toBe(true);
      const [header, ...lines] = parseCsv(overviewCsv.text.slice(1));
      expect(header).toEqual([...OVERVIEW_CSV_HEADER]);
      const column = (name: string) => header.indexOf(name);
      expect(
        lines
          .map((line) => [
            line[column("Mã xã")],
            line[column("Lĩnh vực")],
            Number(line[column("Tiếp nhận")]),
            Number(line[column("Quá hạn")]),
          ])
          .sort((a, b) => `${a[0]}/${a[1]}`.localeCompare(`${b[0]}/${b[1]}`)),
      ).toEqual(
        communes
          .flatMap((commune) =>
            FIELD_KEYS.map((field) => [
              commune.code,
              field,
              commune[field]!.stats.received,
              commune[field]!.stats.overdue,
            ]),
          )
          .sort((a, b) => `${a[0]}/${a[1]}`.localeCompare(`${b[0]}/${b[1]}`)),
      );

      // Ứng Thiên's desks: the same figures, the overdue dossiers, a dossier's history.
      await page.locator('tr[data-commune="10369"][data-field="civilStatus"] th button').click();
      await page.locator('h2[data-commune="10369"]').waitFor();
      await page.locator('article.desk[data-field="civilStatus"] [data-figure="received"]').waitFor();
      const desk = communes.find((commune) => commune.code === "10369")!;
      for (const field of FIELD_KEYS) {
        await expect(
          page.locator(`article.desk[data-field="${field}"] [data-figure="received"]`).textContent(),
        ).resolves.toBe(integer.format(desk[field]!.stats.received));
      }
      const listed = await api<{ commune: { civilStatus: { dossiers: { nodes: { code: string }[] } } } }>(
        token,
        `query ($from: Date!, $to: Date!) { commune(code: "10369") { civilStatus { dossiers(first: 30, filter: { receivedFrom: $from, receivedTo: $to }) { nodes { code } } } } }`,
        period(),
      );
      const overdueCodes = await attributes(
        page,
        'article.desk[data-field="civilStatus"] table[data-list="overdue"] tbody tr[data-dossier]',
        "data-dossier",
      );
      const recentCodes = await attributes(
        page,
        'article.desk[data-field="civilStatus"] table[data-list="recent"] tbody tr[data-dossier]',
        "data-dossier",
      );
      expect(recentCodes).toEqual(
        listed
          .data!.commune.civilStatus.dossiers.nodes.map((node) => node.code)
          .filter((code) => !overdueCodes.includes(code)),
      );
      const first = recentCodes[0] ?? overdueCodes[0];
      expect(first).toBeDefined();
      await page.locator(`tr[data-dossier="${first}"] th button`).first().click();
      const history = await api<{ dossier: { history: { toStatus: string }[] } }>(
        token,
        `query ($code: ID!) { dossier(code: $code) { ... on CivilStatusDossier { history { toStatus } } } }`,
        { code: first },
      );
      await page.locator(".history li").first().waitFor();
      expect(await page.locator(".history li").count()).toBe(history.data!.dossier.history.length);
      await page.screenshot({ path: resolve(RESULTS, "dashboard-commune.png"), fullPage: false });

      // The desk's civil-status dossiers of the period as CSV: every dossier the API lists, in its order.
      const desksCsv = await downloadOf(page, "CSV hồ sơ Hộ tịch");
      expect(desksCsv.text.startsWith("\uFEFF")).toBe(true);
      const [deskHeader, ...deskLines] = parseCsv(desksCsv.text.slice(1));
      expect(deskHeader).toEqual([...DOSSIERS_CSV_HEADER]);
      const all: { code: string; applicant: { fullName: string } | null }[] = [];
      for (let after: string | null = null; ; ) {
        const answer: DossierPage = await api<DossierPage["data"]>(
          token,
          `query ($from: Date!, $to: Date!, $after: String) { commune(code: "10369") { civilStatus { dossiers(first: 100, after: $after, filter: { receivedFrom: $from, receivedTo: $to }) { nodes { code applicant { fullName } } pageInfo { endCursor hasNextPage } } } } }`,
          { ...period(), after },
        );
        const dossiers = answer.data!.commune.civilStatus.dossiers;
        all.push(...dossiers.nodes);
        if (!dossiers.pageInfo.hasNextPage) break;
        after = dossiers.pageInfo.endCursor;
      }
      expect(all.length).toBeGreaterThan(0);
      expect(
        deskLines.map((line) => [line[deskHeader.indexOf("Mã hồ sơ")], line[deskHeader.indexOf("Họ tên người nộp")]]),
      ).toEqual(all.map((dossier) => [dossier.code, dossier.applicant?.fullName ?? ""]));

      expect(requests.filter((url) => !url.startsWith(origin))).toEqual([]);
      expect(problems).toEqual([]);
      await page.close();
    }, 120_000);

    it("an analyst sees the figures and no names", async () => {
      // An analyst reads the same overview, but a commune's desk shows no list of applicants.
      const { page, problems } = await open();
      await page.getByLabel("Persona").selectOption("analyst");
      await page.locator("table.overview tbody tr").first().waitFor({ timeout: 30_000 });
      expect(await page.locator("table.overview tbody tr").count()).toBe(126 * 3);
      await page.locator('tr[data-commune="10369"][data-field="civilStatus"] th button').click();
      await page.locator('article.desk[data-field="civilStatus"] [data-figure="received"]').waitFor();
      await page.locator("article.desk .refused").first().waitFor();
      expect(await page.locator("table.dossiers").count()).toBe(0);
      // No applicant of Ứng Thiên appears anywhere on the page.
      const admin = await mintDevToken(secret, { sub: "test-admin", role: Role.ADMIN, fields: [] });
      const names = await api<{
        commune: Record<FieldKey, { dossiers: { nodes: { applicant: { fullName: string } | null }[] } }>;
      }>(
        admin,
        `{ commune(code: "10369") { ${FIELD_KEYS.map((field) => `${field} { dossiers(first: 100) { nodes { applicant { fullName } } } }`).join(" ")} } }`,
      );
      const applicants = FIELD_KEYS.flatMap((field) =>
        names.data!.commune[field].dossiers.nodes.map((node) => node.applicant?.fullName).filter(Boolean),
      ) as string[];
      expect(applicants.length).toBeGreaterThan(0);
      const text = await page.locator("body").innerText();
      expect(applicants.filter((name) => text.includes(name))).toEqual([]);
      expect(problems).toEqual([]);
      await page.close();
    }, 120_000);

    it("a commune officer sees their own commune's desk in their own field", async () => {
      // The civil-status officer of Ứng Thiên opens the page: one commune, one field.
      const { page, problems } = await open();
      await page.getByLabel("Persona").selectOption("commune-officer");
      await page.locator("table.overview tbody tr").first().waitFor({ timeout: 30_000 });
      const rows = await overviewOnPage(page);
      expect(rows.map((row) => [row.commune, row.field])).toEqual([["10369", "civilStatus"]]);
      expect(await page.getByLabel("Tỉnh, thành phố").count()).toBe(0);
      expect(problems).toEqual([]);
      await page.close();
    }, 120_000);

    it("a city officer of another province signs in with a bearer token and sees nothing of Hà Nội", async () => {
      // Production sign-in: the identity provider sends the browser back with the token in the fragment.
      const token = await mintDevToken(secret, {
        sub: "test-city-officer-79",
        role: Role.CITY_OFFICER,
        provinceCode: "79",
        fields: [WorkField.CIVIL_STATUS, WorkField.LAND, WorkField.SOCIAL],
      });
      const { page } = await open(`#access_token=${token}`);
      // The token leaves the address bar at once and stays in the tab.
      await page.waitForFunction('location.hash === ""');
      await page.locator("h2#overview-title").waitFor();
      await page.locator("table.overview tbody tr").first().waitFor({ timeout: 30_000 });
      const own = await overviewOnPage(page);
      const admin = await mintDevToken(secret, { sub: "test-admin", role: Role.ADMIN, fields: [] });
      const hanoi = new Set((await overviewFromApi(admin, "01")).map((commune) => commune.code));
      expect(own.length).toBeGreaterThan(0);
      expect(own.filter((row) => hanoi.has(row.commune))).toEqual([]);
      // Choosing Hà Nội: the graph refuses, the page says so and shows no figure.
      await page.getByLabel("Tỉnh, thành phố").selectOption("01");
      await page.locator("[role=alert]").waitFor({ timeout: 30_000 });
      expect(await page.locator("table.overview tbody tr").count()).toBe(0);
      const alert = await page.locator("[role=alert]").innerText();
      // The page shows the graph's own refusal: the one the same question gets from the API.
      const refused = await api(
        token,
        `query ($from: Date!, $to: Date!) { province(code: "01") { communes { civilStatus { stats(from: $from, to: $to) { received } } } } }`,
        period(),
      );
      expect(refused.errors?.map((error) => error.extensions?.code)).toContain("FORBIDDEN");
      expect(alert).toContain(refused.errors![0].message);
      await page.close();
    }, 120_000);
  },
);
