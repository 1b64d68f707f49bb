// The dashboard in a real browser (Debian's Chromium driven by playwright-core) against the real
// server: `uplink demo` builds the demo company in a temporary data folder, `uplink serve` serves
// it with the built dashboard, and each test signs in with a token the way a person would.
// Screenshots of each view are kept under test-artifacts/dashboard/.
//
// Needs the build (`npm test` runs it first) and /usr/bin/chromium (`apt-get install chromium`).
// UPLINK_E2E_HOME=DIR reuses (and keeps) a data folder, so a second run skips most of the demo.

import { type ChildProcess, execFile, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import {
  type Browser,
  type BrowserContext,
  chromium,
  type Locator,
  type Page,
} from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const CLI = path.join(ROOT, "dist/cli/main.js");
const DASHBOARD = path.join(ROOT, "dist/web/index.html");
const CHROMIUM = "/usr/bin/chromium";
const ARTIFACTS = path.join(ROOT, "test-artifacts", "dashboard");

/** Every chart of the investor view, by the id its container carries (data-chart). */
const INVESTOR_CHARTS = [
  "revenue-by-segment",
  "gross-margin-ratio",
  "cost-by-category",
  "sga-operating-income",
  "recurring-vs-one-time",
  "contracted-bandwidth",
  "targets-vs-actual",
  "industry-mix",
  "client-concentration",
];

interface Served {
  url: string;
  adminToken: string;
  process: ChildProcess;
  log: string[];
}

let home = "";
let keepHome = false;
let served: Served | null = null;
let browser: Browser | null = null;
let context: BrowserContext | null = null;

function uplink(...args: string[]) {
  return run(process.execPath, [CLI, "--home", home, ...args], {
    cwd: ROOT,
    env: { ...process.env, UPLINK_DATABASE_URL: "" },
    maxBuffer: 64 * 1024 * 1024,
  });
}

/** Starts `uplink serve` on a free port and reads its URL and admin token from standard output. */
function serve(): Promise<Served> {
  const child = spawn(process.execPath, [CLI, "--home", home, "serve", "--port", "0"], {
    cwd: ROOT,
    env: { ...process.env, UPLINK_DATABASE_URL: "", PORT: "" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const log: string[] = [];
  return new Promise((resolve, reject) => {
    let out = "";
    const timer = setTimeout(() => {
      child.kill("SIGTERM");
      reject(new Error(`uplink serve printed no URL and token in 60 s:\n${out}\n${log.join("")}`));
    }, 60_000);
    child.stderr?.on("data", (chunk: Buffer) => {
      log.push(chunk.toString());
      if (log.length > 200) log.shift();
    });
    child.stdout?.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const url = /Uplink is serving (\S+)/.exec(out)?.[1];
      const adminToken = /Admin token: (\S+)/.exec(out)?.[1];
      if (url && adminToken) {
        clearTimeout(timer);
        resolve({ url: url.replace(/\/$/, ""), adminToken, process: child, log });
      }
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`uplink serve exited (${code}) before serving:\n${out}\n${log.join("")}`));
    });
  });
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
  await exited;
  clearTimeout(timer);
}

beforeAll(async () => {
  if (!existsSync(CLI) || !existsSync(DASHBOARD)) {
    throw new Error("The dashboard tests need the build: run `npm run build` (npm test does).");
  }
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `The dashboard tests need Chromium at ${CHROMIUM}: apt-get install -y chromium`,
    );
  }
  keepHome = Boolean(process.env.UPLINK_E2E_HOME);
  home = process.env.UPLINK_E2E_HOME || (await mkdtemp(path.join(tmpdir(), "uplink-e2e-")));
  await mkdir(ARTIFACTS, { recursive: true });
  await uplink("demo");
  served = await serve();
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless=new",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
}, 900_000);

afterAll(async () => {
  await browser?.close();
  if (served) await stop(served.process);
  if (home && !keepHome) await rm(home, { recursive: true, force: true });
}, 60_000);

afterEach(async () => {
  await context?.close();
  context = null;
});

function server(): Served {
  if (!served) throw new Error("the server did not start");
  return served;
}

/**
 * A fresh page that records console errors and uncaught exceptions. Failed requests the test
 * expects (a 404 for ledger figures that do not exist, a 401 after a token is revoked) are
 * named by `expected`: the browser logs each as "Failed to load resource" with the URL.
 */
async function openPage(expected: RegExp[] = [LEDGER_PROBE]) {
  if (!browser) throw new Error("the browser did not start");
  context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() !== "error") return;
    const where = message.location().url ?? "";
    const isExpected =
      message.text().startsWith("Failed to load resource") && expected.some((re) => re.test(where));
    if (!isExpected) errors.push(`${message.text()} (${where})`);
  });
  page.on("pageerror", (error) => errors.push(`uncaught: ${error.message}`));
  return { page, errors };
}

/** The requests of the investor view that may answer 404: ledger figures, periods without any. */
const LEDGER_PROBE = /\/api\/v1\/reports\?period=\w+&source=ledger/;

async function signIn(page: Page, token = server().adminToken): Promise<void> {
  await page.goto(`${server().url}/`);
  await page.locator("#token").fill(token);
  await page.locator("#sign-in button[type=submit]").click();
}

async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });
}

/** What was drawn in a chart: its ECharts instance, series, points and inked canvas pixels. */
async function drawn(page: Page, id: string) {
  const chart = page.locator(`[data-chart="${id}"]`);
  await expect.poll(() => chart.getAttribute("data-rendered"), { timeout: 15_000 }).toBe("true");
  const inked = await page.evaluate(`(() => {
    const canvas = document.querySelector('[data-chart="${id}"] canvas');
    if (!canvas || canvas.width === 0 || canvas.height === 0) return 0;
    const pixels = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height).data;
    let inked = 0;
    for (let i = 3; i < pixels.length; i += 4) if (pixels[i] > 0) inked++;
    return inked;
  })()`);
  return {
    instance: await chart.getAttribute("_echarts_instance_"),
    series: Number(await chart.getAttribute("data-series")),
    points: Number(await chart.getAttribute("data-points")),
    inked: Number(inked),
  };
}

function cell(
  page: Page,
  metric: string,
  column:
    | "value"
    | "yoy"
    | "qoq"
    | "target"
    | "achievement"
    | "reported"
    | "difference"
    | "difference_pct",
) {
  return page.locator(`.results-columns tr[data-metric="${metric}"] td[data-col="${column}"]`);
}

const WAIT = { timeout: 15_000 };

/** The text of the first element the locator finds, trimmed, once it is there. */
async function textOf(locator: Locator): Promise<string> {
  return ((await locator.first().textContent(WAIT)) ?? "").trim();
}

/** Waits until the element shows exactly this text. */
async function hasText(locator: Locator, expected: string): Promise<void> {
  await expect.poll(() => textOf(locator), WAIT).toBe(expected);
}

/** Waits until the element's text contains this. */
async function containsText(locator: Locator, expected: string): Promise<void> {
  await expect.poll(() => textOf(locator), WAIT).toContain(expected);
}

async function visible(locator: Locator): Promise<void> {
  await locator.first().waitFor({ state: "visible", ...WAIT });
}

/** A whole number as the dashboard prints it: thousands separators, a true minus sign. */
function shownNumber(value: number): string {
  return value.toLocaleString("en-US").replace("-", "\u2212");
}

describe("the dashboard in Chromium against uplink serve", () => {
  it("signs in with the admin token and draws every chart of the 2Q12 investor view", async () => {
    const { page, errors } = await openPage([LEDGER_PROBE]);
    await page.goto(`${server().url}/`);
    await visible(page.locator("#sign-in"));
    await screenshot(page, "sign-in");

    await signIn(page);
    await page.locator('.investor-view[data-period="2Q12"][data-loaded]').waitFor();
    await hasText(page.locator("h1"), "2Q FY2012 (Jul–Sep 2012)");
    await hasText(page.locator("#role"), "admin");
    await hasText(page.locator('.kpi[data-metric="revenue.total"] .kpi-value'), "¥26,267m");
    for (const id of INVESTOR_CHARTS) {
      const chart = await drawn(page, id);
      expect(chart.instance, `${id} has an ECharts instance`).toBeTruthy();
      expect(chart.series, `${id} has series`).toBeGreaterThan(0);
      expect(chart.points, `${id} has data`).toBeGreaterThan(0);
      expect(chart.inked, `${id} has drawn on its canvas`).toBeGreaterThan(500);
    }
    await screenshot(page, "investor-2Q12");
    expect(errors).toEqual([]);
  });

  it("shows the quarter's results with YoY and QoQ, and the right figures after switching quarters", async () => {
    const { page, errors } = await openPage([LEDGER_PROBE]);
    await signIn(page);
    await page.locator('.investor-view[data-period="2Q12"][data-loaded]').waitFor();
    // Slide Ⅱ-4 of the presentation: WAN services 6,265 in 2Q12, 6,312 in 1Q12, 6,391 in 2Q11.
    await hasText(cell(page, "revenue.network.wan", "value"), "6,265");
    await hasText(cell(page, "revenue.network.wan", "yoy"), "\u22122.0%");
    await hasText(cell(page, "revenue.network.wan", "qoq"), "\u22120.7%");
    await hasText(cell(page, "revenue.network", "value"), "16,167");
    await hasText(cell(page, "revenue.network.connectivity_corporate", "value"), "3,951");
    await hasText(cell(page, "ratio.gross_margin.total", "value"), "20.3%");
    await hasText(cell(page, "ratio.gross_margin.total", "yoy"), "+0.4 pp");
    await hasText(cell(page, "kpi.contracted_bandwidth_gbps", "value"), "1,003.3");

    await page.locator('a[data-period="1Q12"]').click();
    await page.locator('.investor-view[data-period="1Q12"][data-loaded]').waitFor();
    await hasText(page.locator("h1"), "1Q FY2012 (Apr–Jun 2012)");
    await hasText(cell(page, "revenue.network.wan", "value"), "6,312");
    await hasText(cell(page, "revenue.network.connectivity_corporate", "value"), "3,865");
    await hasText(cell(page, "kpi.contracted_bandwidth_gbps", "value"), "918.8");
    await expect
      .poll(() => page.locator('a[data-period="1Q12"]').getAttribute("aria-current"), WAIT)
      .toBe("page");

    await page.locator('a[data-period="2Q11"]').click();
    await page.locator('.investor-view[data-period="2Q11"][data-loaded]').waitFor();
    await hasText(cell(page, "revenue.network.wan", "value"), "6,391");
    expect((await drawn(page, "revenue-by-segment")).points).toBeGreaterThan(0);
    expect(errors).toEqual([]);
  });

  it("shows targets against actual for a half and its year", async () => {
    const { page, errors } = await openPage([LEDGER_PROBE]);
    await signIn(page);
    await page.locator('.investor-view[data-period="2Q12"][data-loaded]').waitFor();
    await page.locator('a[data-period="1H12"]').click();
    await page.locator('.investor-view[data-period="1H12"][data-loaded]').waitFor();
    await hasText(cell(page, "revenue.total", "value"), "51,109");
    await hasText(cell(page, "revenue.total", "target"), "50,500");
    await hasText(cell(page, "revenue.total", "achievement"), "101.2%");
    const halfTargets = page.locator('table.targets[data-period="1H12"]');
    await hasText(halfTargets.locator('tr[data-metric="operating_income"] td').nth(2), "2,700");
    const yearTargets = page.locator('table.targets[data-period="FY12"]');
    await hasText(yearTargets.locator('tr[data-metric="revenue.total"] td').nth(2), "107,000");
    expect((await drawn(page, "targets-vs-actual")).points).toBeGreaterThan(0);
    await screenshot(page, "investor-1H12");
    expect(errors).toEqual([]);
  });

  it("shows the ledger's figures, charts and the difference to the reported ones with the Ledger switch", async () => {
    const { page, errors } = await openPage([LEDGER_PROBE]);
    const requested: string[] = [];
    page.on("request", (request) => requested.push(request.url()));
    await signIn(page);
    await page.locator('.investor-view[data-period="2Q12"][data-loaded]').waitFor();
    const ledger = page.locator('a[data-source="ledger"]');
    expect(await ledger.getAttribute("aria-disabled")).toBeNull();
    await ledger.click();
    await page.locator('.investor-view[data-source="ledger"][data-loaded]').waitFor();
    await containsText(page.locator(".view-sub").first(), "Ledger figures");

    const answer =
      (await page.evaluate(`fetch("/api/v1/reports?period=2Q12&source=ledger&compare=reported", {
      headers: { Authorization: "Bearer " + sessionStorage.getItem("uplink.token") },
    }).then((r) => r.json())`)) as {
        lines: { metric: string; value: number }[];
      };
    const wan = answer.lines.find((l) => l.metric === "revenue.network.wan");
    if (!wan) throw new Error("the ledger's 2Q12 report has no WAN line");
    await hasText(cell(page, "revenue.network.wan", "value"), shownNumber(wan.value));
    // WAN services 2Q12 as reported: 6,265 (slide Ⅱ-4 (1)).
    await hasText(cell(page, "revenue.network.wan", "reported"), "6,265");
    await hasText(
      cell(page, "revenue.network.wan", "difference"),
      `${wan.value - 6265 > 0 ? "+" : ""}${shownNumber(wan.value - 6265)}`,
    );
    expect((await drawn(page, "revenue-by-segment")).points).toBeGreaterThan(0);
    expect(requested.some((url) => /\/reports\/series\?.*source=ledger/.test(url))).toBe(true);
    await screenshot(page, "investor-2Q12-ledger");
    expect(errors).toEqual([]);
  });

  it("says so when a period has no figures", async () => {
    const { page, errors } = await openPage([LEDGER_PROBE, /period=(3Q12|2H12)/]);
    await signIn(page);
    await page.locator(".investor-view[data-loaded]").waitFor();
    await page.goto(`${server().url}/#/investor/3Q12`);
    await page.locator('.investor-view[data-period="3Q12"][data-loaded]').waitFor();
    await containsText(page.locator(".kpi-slot .notice-empty"), "No figures for 3Q12 yet");
    await visible(page.locator(".table-slot .notice-empty"));
    expect(errors).toEqual([]);
  });

  it("shows billing runs with progress and finds invoices by customer and month", async () => {
    const { page, errors } = await openPage();
    await signIn(page);
    await page.locator(".investor-view").waitFor();
    await page.locator('.main-nav a:has-text("Operations")').click();
    await page.locator(".operations-view[data-loaded]").waitFor();
    const runs = page.locator("#billing-runs tbody tr");
    expect(await runs.count()).toBeGreaterThan(0);
    await visible(runs.first().locator('[role="progressbar"]'));
    await containsText(runs.first().locator(".progress-text"), "customers");
    expect(await page.locator("#invoices tbody tr").count()).toBeGreaterThan(0);
    await screenshot(page, "operations");

    await page.locator("#invoice-customer").fill("C00001");
    await page.locator("#invoice-month").fill("2012-09");
    await page.locator("#invoice-search button[type=submit]").click();
    await page.waitForURL(/#\/operations\?customer=C00001&month=2012-09/);
    await page.locator(".operations-view[data-loaded]").waitFor();
    const found = page.locator("#invoices tbody tr");
    await expect.poll(() => found.count(), WAIT).toBe(1);
    await containsText(found.first(), "C00001");
    await containsText(found.first(), "2012-09");
    await found.first().click();
    const detail = page.locator(".invoice-detail");
    await visible(detail);
    expect(await detail.locator("tbody tr").count()).toBeGreaterThan(0);
    await containsText(detail.locator(".totals"), "¥");
    await screenshot(page, "operations-invoice");
    expect(errors).toEqual([]);
  });

  it("shows a customer's contracts and the month's traffic with its 95th percentile", async () => {
    const { page, errors } = await openPage();
    await signIn(page);
    await page.locator(".investor-view").waitFor();
    await page.goto(`${server().url}/#/customers/C00001`);
    await page.locator('.customer-view[data-customer="C00001"][data-loaded]').waitFor();
    await containsText(page.locator("h1"), "C00001");
    expect(await page.locator("#contracts tbody tr").count()).toBeGreaterThan(0);
    const traffic = await drawn(page, "traffic");
    expect(traffic.series).toBe(2);
    expect(traffic.points).toBeGreaterThan(1000);
    expect(traffic.inked).toBeGreaterThan(500);
    const percentile = Number(
      await page.locator('[data-chart="traffic"]').getAttribute("data-percentile95"),
    );
    expect(percentile).toBeGreaterThan(0);
    await containsText(page.locator(".traffic-facts"), "Billed at");
    await screenshot(page, "customer");
    expect(errors).toEqual([]);
  });

  it("refuses a wrong token and goes back to sign-in when a token stops working (401)", async () => {
    const { stdout } = await uplink("token", "create", "--role", "finance", "--name", "e2e");
    const token = stdout.trim();
    const { page, errors } = await openPage([/\/api\/v1\//]);
    await signIn(page, "upl_not_a_token");
    await containsText(page.locator(".sign-in-status .notice-error"), "not accepted");

    await signIn(page, token);
    await page.locator(".investor-view[data-loaded]").waitFor();
    await hasText(page.locator("#role"), "finance");
    const me = await page.evaluate(`fetch("/api/v1/me", {
      headers: { Authorization: "Bearer " + sessionStorage.getItem("uplink.token") },
    }).then((r) => r.json())`);
    await uplink("token", "revoke", (me as { token_id: string }).token_id);

    await page.locator('a[data-period="1Q12"]').click();
    await visible(page.locator("#sign-in"));
    await containsText(page.locator(".sign-in-status"), "401");
    expect(await page.evaluate(`sessionStorage.getItem("uplink.token")`)).toBeNull();
    await screenshot(page, "signed-out-401");

    await signIn(page);
    await page.locator(".investor-view").waitFor();
    await page.locator("#sign-out").click();
    await visible(page.locator("#sign-in"));
    await containsText(page.locator(".sign-in-status"), "signed out");
    expect(errors).toEqual([]);
  });
});
