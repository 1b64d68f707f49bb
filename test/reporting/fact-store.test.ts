import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { UplinkError } from "../../src/core/index.js";
import { countFacts, importFactFile, listFacts } from "../../src/reporting/index.js";
import { openStore, SCHEMA_VERSION } from "../../src/store/index.js";
import { openTestStore, storeKinds, type TestStore } from "../support/test-stores.js";

const kinds = await storeKinds();

function writeFile(name: string, text: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "uplink-facts-"));
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
}

const HEADER = "metric,entity,period,value,unit,scenario,source\n";
const GOOD = `${HEADER}revenue.network.wan,group,2Q12,6265,JPY million,actual,slide 4
revenue.network.wan,group,FY2012,13.5,JPY billion,target,plan
kpi.contracted_bandwidth_gbps,group,2Q12,1003.3,Gbps,actual,slide 4
`;

async function failure(promise: Promise<unknown>): Promise<UplinkError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UplinkError);
  return error as UplinkError;
}

describe.each(kinds)("the facts store on %s", (kind) => {
  let t: TestStore;
  beforeEach(async () => {
    t = await openTestStore(kind);
  });
  afterEach(async () => {
    await t.dispose();
  });

  it("stores money exactly in yen with the printed precision, and periods in short form", async () => {
    await importFactFile(t.store, writeFile("good.csv", GOOD));
    const facts = await listFacts(t.store.db);
    const target = facts.find((f) => f.scenario === "target")!;
    expect(target.period).toBe("FY12");
    expect(target.value.toFixed()).toBe("13500000000");
    expect(target.resolution.toFixed()).toBe("100000000");
    const bandwidth = facts.find((f) => f.metric === "kpi.contracted_bandwidth_gbps")!;
    expect(bandwidth.value.toFixed()).toBe("1003.3");
    expect(bandwidth.resolution.toFixed()).toBe("0.1");
  });

  it("changes nothing when the same file is imported twice", async () => {
    const file = writeFile("good.csv", GOOD);
    expect(await importFactFile(t.store, file)).toMatchObject({ inserted: 3, unchanged: 0 });
    expect(await importFactFile(t.store, file)).toMatchObject({
      inserted: 0,
      unchanged: 3,
      replaced: 0,
    });
    expect(await countFacts(t.store.db)).toBe(3);
  });

  it("writes nothing from a file with one bad row, and names the file, line and field", async () => {
    const file = writeFile(
      "bad.csv",
      `${HEADER}revenue.network.wan,group,2Q12,6265,JPY million,actual,ok
revenue.atm,group,2Q12,6x4,JPY million,actual,typo
`,
    );
    const error = await failure(importFactFile(t.store, file));
    expect(error.code).toBe("INVALID_INPUT");
    expect(error.location).toEqual({ file, line: 3, field: "value" });
    expect(await countFacts(t.store.db)).toBe(0);
  });

  it("refuses a different value for a stored fact unless told to replace it", async () => {
    await importFactFile(t.store, writeFile("good.csv", GOOD));
    const changed = writeFile(
      "changed.csv",
      `${HEADER}kpi.contracts_over_1gbps,group,2Q12,164,count,actual,new row
revenue.network.wan,group,2Q12,6300,JPY million,actual,restated
`,
    );
    const error = await failure(importFactFile(t.store, changed));
    expect(error.code).toBe("CONFLICT");
    expect(error.location).toMatchObject({ line: 3, field: "value" });
    // The new row of the refused file was not written either.
    expect(await countFacts(t.store.db)).toBe(3);
    expect(await importFactFile(t.store, changed, { replace: true })).toMatchObject({
      inserted: 1,
      replaced: 1,
    });
    const [wan] = await listFacts(t.store.db, { metric: "revenue.network.wan", period: "2Q12" });
    expect(wan?.value.toFixed()).toBe("6300000000");
  });

  it("imports the same facts from JSON, naming a bad record by its position", async () => {
    const json = writeFile(
      "facts.json",
      JSON.stringify([
        { metric: "revenue.atm", period: "2Q12", value: 614, unit: "JPY million", source: "s" },
        { metric: "revenue.atm", period: "1Q12", value: -5, unit: "Gbps", source: "s" },
      ]),
    );
    const error = await failure(importFactFile(t.store, json));
    expect(error.location).toEqual({ file: json, record: 2, field: "unit" });
    const fixed = writeFile(
      "facts.json",
      JSON.stringify({
        facts: [
          { metric: "revenue.atm", period: "2Q12", value: 614, unit: "JPY million", source: "s" },
        ],
      }),
    );
    expect(await importFactFile(t.store, fixed)).toMatchObject({ inserted: 1 });
    const [atm] = await listFacts(t.store.db, { metric: "revenue.atm" });
    expect(atm).toMatchObject({ entity: "group", scenario: "actual", period: "2Q12" });
  });

  it("refuses a database whose schema is newer than the code", async () => {
    await sql`insert into uplink_schema_migrations (version, name, applied_at)
      values (${SCHEMA_VERSION + 1}, 'from the future', '2030-01-01')`.execute(t.store.db);
    const error = await failure(
      openStore({ home: t.home, databaseUrl: t.env.UPLINK_DATABASE_URL }),
    );
    expect(error.code).toBe("SCHEMA_TOO_NEW");
  });
});
