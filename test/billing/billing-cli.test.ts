import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { openStore } from "../../src/store/index.js";
import { runCli } from "../support/run-cli.js";
import { contractEvents, customer, seedBillingWorld, writeEvents } from "./billing-fixtures.js";

function writeCsv(name: string, lines: readonly string[]): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "uplink-billing-cli-"));
  const file = path.join(dir, name);
  fs.writeFileSync(file, `${lines.join("\n")}\n`);
  return file;
}

describe("the bill and invoices commands", () => {
  let home: string;
  const env = () => ({ UPLINK_HOME: home });

  beforeAll(async () => {
    home = fs.mkdtempSync(path.join(os.tmpdir(), "uplink-billing-cli-"));
    const store = await openStore({ home, databaseUrl: undefined });
    await seedBillingWorld(store, [
      customer("C00001", { name: "Asahi Networks K.K." }),
      customer("U00001", {
        name: "Fuji Systems Inc.",
        country: "US",
        billingCurrency: "USD",
        groupCompanyId: "iij-us",
      }),
    ]);
    await writeEvents(store, [
      ...contractEvents("CT1", "C00001", "ip-service", [
        { kind: "ordered", on: "2012-08-01", bandwidthMbps: 10 },
        { kind: "activated", on: "2012-09-16" },
      ]),
      ...contractEvents("CT2", "U00001", "ip-service", [
        { kind: "ordered", on: "2012-06-01", bandwidthMbps: 100 },
        { kind: "activated", on: "2012-07-01" },
      ]),
    ]);
    await store.close();
  });

  it.each([
    [["bill"], /prorated by day/],
    [["bill", "close"], /refuses any new run/],
    [["bill", "status"], /summary/],
    [["invoices", "list"], /customer_id/],
    [["invoices", "show"], /--format pdf --output/],
    [["invoices", "credit"], /never credited for more/],
    [["import", "fx-rates"], /jpy_per_unit/],
    [["import", "usage-prices"], /unit_price/],
  ])("explain themselves with --help (%o)", (args, text) => {
    const result = runCli([...args, "--help"]);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^Usage: uplink/);
    expect(result.stdout).toMatch(text);
  });

  it("refuse a bad month and a missing one with a clear message", () => {
    const bad = runCli(["bill", "--month", "2012-9"], env());
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe(
      'uplink: "2012-9" is not a billing month: write it as YYYY-MM, e.g. 2012-09.\n',
    );
    const missing = runCli(["bill"], env());
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/Give the month: uplink bill --month 2012-09/);
  });

  it("bill a month with progress on stderr and a summary, list, show and render its invoices", () => {
    const run = runCli(["bill", "--month", "2012-09"], env());
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(
      /^billing 2012-09: rated 2 customers in [\d.]+ s; writing invoices\nbilling 2012-09: 2\/2 customers, 2 invoices, .* left\n$/,
    );
    expect(run.stdout).toMatch(/^Billed 2012-09\.\n {2}2 invoices for 2 customers/);
    expect(run.stdout).toMatch(/JPY\s+1\s+225,000\s+11,250\s+236,250/);
    expect(run.stdout).toMatch(/USD\s+1\s+10,005\.13\s+0\.00\s+10,005\.13/);
    expect(run.stdout).toMatch(/line\s+revenue\.network\.connectivity_corporate\s+3\s+1,005,000/);
    expect(run.stdout).toContain("No anomalies.");

    const again = runCli(["bill", "--month", "2012-09", "--format", "json"], env());
    expect(JSON.parse(again.stdout)).toMatchObject({
      id: "2012-09",
      outcome: "already_completed",
      invoices: 2,
      totals: [
        { currency: "JPY", invoices: 1, subtotal: 225_000, tax: 11_250, total: 236_250 },
        { currency: "USD", invoices: 1, subtotal: 1_000_513, tax: 0, total: 1_000_513 },
      ],
    });

    const list = runCli(["invoices", "list", "--month", "2012-09", "--format", "json"], env());
    const records = JSON.parse(list.stdout) as Record<string, unknown>[];
    expect(records.map((r) => [r.id, r.customer_id, r.total, r.currency])).toEqual([
      ["INV-2012-09-C00001", "C00001", 236_250, "JPY"],
      ["INV-2012-09-U00001", "U00001", 1_000_513, "USD"],
    ]);
    const limited = runCli(["invoices", "list", "--limit", "1", "--format", "csv"], env());
    expect(limited.stdout.trim().split("\n")).toHaveLength(2);
    const table = runCli(["invoices", "list", "--customer", "U00001"], env());
    expect(table.stdout).toMatch(/INV-2012-09-U00001\s+U00001\s+2012-09.*USD 10,005\.13/);

    const text = runCli(["invoices", "show", "INV-2012-09-C00001"], env());
    expect(text.stdout).toContain("INVOICE INV-2012-09-C00001");
    expect(text.stdout).toMatch(
      /IP service, flat monthly by bandwidth, 10 Mbps\s+09-16–09-30 \(15\/30 d\)\s+175,000/,
    );
    expect(text.stdout).toMatch(/Consumption tax 5% on JPY 225,000\s+JPY 11,250/);
    const json = JSON.parse(
      runCli(["invoices", "show", "INV-2012-09-C00001", "--format", "json"], env()).stdout,
    );
    expect(json.lines[0]).toMatchObject({
      kind: "recurring",
      revenue_metric: "revenue.network.connectivity_corporate",
      contract_id: "CT1",
      service_from: "2012-09-16",
      service_to: "2012-09-30",
      days_charged: 15,
      days_in_period: 30,
    });

    const pdfFile = path.join(home, "invoice.pdf");
    const pdf = runCli(
      ["invoices", "show", "INV-2012-09-U00001", "--format", "pdf", "--output", pdfFile],
      env(),
    );
    expect(pdf.status).toBe(0);
    const bytes = fs.readFileSync(pdfFile);
    expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
    expect(bytes.subarray(-6).toString()).toMatch(/%%EOF/);
    const secondFile = path.join(home, "invoice-2.pdf");
    runCli(["invoices", "show", "INV-2012-09-U00001", "-f", "pdf", "-o", secondFile], env());
    expect(fs.readFileSync(secondFile).equals(bytes)).toBe(true);

    const missing = runCli(["invoices", "show", "INV-2012-09-C99999"], env());
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/There is no invoice or credit note "INV-2012-09-C99999"/);
  });

  it("credit an invoice, close the month and refuse a new run of it", () => {
    runCli(["bill", "--month", "2012-09"], env());
    const credit = runCli(
      [
        "invoices",
        "credit",
        "INV-2012-09-C00001",
        "--line",
        "1=17500",
        "--reason",
        "Outage",
        "--on",
        "2012-10-05",
      ],
      env(),
    );
    expect(credit.status).toBe(0);
    expect(credit.stdout).toContain("CREDIT NOTE CN-2012-09-C00001-1");
    expect(credit.stdout).toMatch(/Total credited\s+-JPY 18,375/);
    const tooMuch = runCli(
      ["invoices", "credit", "INV-2012-09-C00001", "--line", "1=200000", "--reason", "x"],
      env(),
    );
    expect(tooMuch.status).toBe(2);
    expect(tooMuch.stderr).toMatch(/157500 JPY minor units left to credit/);

    const close = runCli(["bill", "close", "--month", "2012-09"], env());
    expect(close.stdout).toBe("2012-09 closed: 2 invoices; a new run of it is refused.\n");
    const refused = runCli(["bill", "--month", "2012-09"], env());
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/2012-09 was closed on .*; a closed month is not billed again/);
    const status = runCli(["bill", "status", "--format", "json"], env());
    expect(JSON.parse(status.stdout)).toMatchObject([
      { id: "2012-09", status: "closed", invoices: 2 },
    ]);
  });

  it("import FX rates and usage prices once, naming file, line and field of a bad row", () => {
    const rates = writeCsv("rates.csv", [
      "currency,rate_date,jpy_per_unit,source",
      "USD,2012-10-31,79.81,TTM",
      "THB,2012-10-31,2.60,TTM",
    ]);
    expect(runCli(["import", "fx-rates", rates], env()).stdout).toBe(
      `${rates}: 2 added, 0 replaced, 0 unchanged.\n`,
    );
    expect(runCli(["import", "fx-rates", rates], env()).stdout).toBe(
      `${rates}: 0 added, 0 replaced, 2 unchanged.\n`,
    );
    const changed = writeCsv("changed.csv", [
      "currency,rate_date,jpy_per_unit,source",
      "USD,2012-10-31,80.00,TTM",
    ]);
    const conflict = runCli(["import", "fx-rates", changed], env());
    expect(conflict.status).toBe(2);
    expect(conflict.stderr).toContain(`${changed}:2, field "jpy_per_unit"`);
    const bad = writeCsv("bad.csv", [
      "currency,rate_date,jpy_per_unit,source",
      "USD,2012-11-30,-1,TTM",
    ]);
    const refused = runCli(["import", "fx-rates", bad], env());
    expect(refused.stderr).toContain(`${bad}:2, field "jpy_per_unit"`);

    const prices = writeCsv("prices.csv", [
      "price_book,resource,effective_from,unit_price",
      "standard,storage_gb,2012-04-01,0.25",
      "nobook,storage_gb,2012-04-01,0.25",
    ]);
    const unknown = runCli(["import", "usage-prices", prices], env());
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain(`${prices}:3, field "price_book"`);
  });
});
