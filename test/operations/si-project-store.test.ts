import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parsePeriod } from "../../src/core/index.js";
import {
  backlogOn,
  findProject,
  importDeliveryFile,
  importProgressFile,
  importProjectFile,
  listProjects,
  ordersReceived,
  progressReportsOf,
  projectRevenueIn,
  revenueByMethod,
} from "../../src/operations/index.js";
import { openTestStore, storeKinds, type TestStore } from "../support/test-stores.js";
import { failure, rowCount, seedGroupAndCustomers, writeFile } from "./operations-fixture.js";

const kinds = await storeKinds();

const PROJECT_HEADER =
  "id,customer,name,kind,recognition,ordered_on,order_value_yen,follows_project,accepted_on,starts_on,ends_on,monthly_fee_yen\n";
// P1: by progress, ordered in 1Q12, accepted in 3Q12. P2: on acceptance, ordered in 3Q11,
// accepted in 1Q12. P3: O&M following P2, ordered in 4Q11, April 2012 – March 2013.
const PROJECTS = `${PROJECT_HEADER}P1,C00001,Campus network,construction,percentage_of_completion,2012-04-10,10000000,,2012-12-20,,,
P2,C00002,FX platform,construction,on_acceptance,2011-11-01,3000000,,2012-05-15,,,
P3,C00002,FX platform O&M,operation,,2012-03-15,,P2,,2012-04-01,2013-03-31,500000
`;
const PROGRESS = `project,reported_on,percent_complete
P1,2012-06-30,25
P1,2012-09-30,62.5
`;
const DELIVERIES = `id,customer,project,ordered_on,delivered_on,amount_yen,cost_yen,description
D1,C00001,P1,2012-08-20,2012-10-05,800000,600000,core routers
D2,C00003,,,2012-05-10,120000,90000,"firewall, spare"
`;

describe.each(kinds)("SI projects on %s", (kind) => {
  let t: TestStore;
  beforeEach(async () => {
    t = await openTestStore(kind);
    await seedGroupAndCustomers(t.store);
  });
  afterEach(async () => {
    await t.dispose();
  });

  async function importAll(): Promise<void> {
    await importProjectFile(t.store, writeFile("projects.csv", PROJECTS));
    await importProgressFile(t.store, writeFile("progress.csv", PROGRESS));
    await importDeliveryFile(t.store, writeFile("deliveries.csv", DELIVERIES));
  }

  it("stores projects with exact yen, and an O&M project's value computed from its fee", async () => {
    await importAll();
    expect(await findProject(t.store.db, "P3")).toMatchObject({
      kind: "operation",
      recognition: "monthly",
      orderValueYen: 6_000_000n,
      monthlyFeeYen: 500_000n,
      followsProjectId: "P2",
    });
    const progress = await progressReportsOf(t.store.db, ["P1"]);
    expect(
      progress.get("P1")?.map((r) => [r.reportedOn, r.percentComplete.toFixed(), r.customerId]),
    ).toEqual([
      ["2012-06-30", "25", "C00001"],
      ["2012-09-30", "62.5", "C00001"],
    ]);
    expect((await listProjects(t.store.db, { customerId: "C00002" })).map((p) => p.id)).toEqual([
      "P2",
      "P3",
    ]);
  });

  it.each([
    ["before any order", "2011-10-31", 0n, 0n, 0n],
    ["at 3Q11's end, P2 awaiting acceptance", "2011-12-31", 3_000_000n, 0n, 0n],
    ["at 4Q11's end, the O&M ordered but not started", "2012-03-31", 3_000_000n, 6_000_000n, 0n],
    ["at 1Q12's end, P1 25% done, P2 accepted", "2012-06-30", 7_500_000n, 4_500_000n, 0n],
    [
      "at 2Q12's end, P1 62.5% done, equipment ordered",
      "2012-09-30",
      3_750_000n + 800_000n,
      3_000_000n,
      800_000n,
    ],
    ["at 3Q12's end, P1 accepted, equipment delivered", "2012-12-31", 0n, 1_500_000n, 0n],
    ["after the O&M term has run off", "2013-03-31", 0n, 0n, 0n],
  ])("backlog %s (%s)", async (_, date, construction, operation, equipment) => {
    await importAll();
    expect(await backlogOn(t.store.db, date)).toEqual({ construction, operation, equipment });
  });

  it.each([
    ["3Q11", 3_000_000n, 0n, 0n],
    ["4Q11", 0n, 6_000_000n, 0n],
    ["1Q12", 10_000_000n + 120_000n, 0n, 120_000n],
    ["2Q12", 800_000n, 0n, 800_000n],
    ["3Q12", 0n, 0n, 0n],
    ["1H12", 10_920_000n, 0n, 920_000n],
  ])("orders received in %s", async (period, construction, operation, equipment) => {
    await importAll();
    expect(await ordersReceived(t.store.db, parsePeriod(period))).toEqual({
      construction,
      operation,
      equipment,
    });
  });

  it.each([
    ["1Q12", 2_500_000n, 3_000_000n, 1_500_000n],
    ["2Q12", 3_750_000n, 0n, 1_500_000n],
    ["3Q12", 3_750_000n, 0n, 1_500_000n],
  ])("revenue earned in %s by recognition method", async (period, poc, acceptance, monthly) => {
    await importAll();
    const revenues = await projectRevenueIn(t.store.db, parsePeriod(period));
    expect(revenueByMethod(revenues)).toEqual({
      percentage_of_completion: poc,
      on_acceptance: acceptance,
      monthly,
    });
  });

  it("changes nothing when the same files are imported twice", async () => {
    await importAll();
    expect(await importProjectFile(t.store, writeFile("projects.csv", PROJECTS))).toMatchObject({
      added: 0,
      unchanged: 3,
      replaced: 0,
    });
    expect(await importProgressFile(t.store, writeFile("progress.csv", PROGRESS))).toMatchObject({
      added: 0,
      unchanged: 2,
    });
    expect(await importDeliveryFile(t.store, writeFile("d.csv", DELIVERIES))).toMatchObject({
      added: 0,
      unchanged: 2,
    });
    expect(await rowCount(t.store, "si_projects")).toBe(3);
    expect(await rowCount(t.store, "si_project_progress")).toBe(2);
    expect(await rowCount(t.store, "equipment_deliveries")).toBe(2);
  });

  it.each([
    [
      "an unknown customer",
      `${PROJECT_HEADER}P1,C00001,,construction,on_acceptance,2012-04-10,100,,,,,\nP9,C09999,,construction,on_acceptance,2012-04-10,100,,,,,\n`,
      3,
      "customer",
    ],
    [
      "an O&M following an unknown project",
      `${PROJECT_HEADER}P3,C00002,,operation,,2012-03-15,,P0,,2012-04-01,2013-03-31,500000\n`,
      2,
      "follows_project",
    ],
    [
      "an O&M following another customer's project",
      `${PROJECT_HEADER}P1,C00001,,construction,on_acceptance,2012-04-10,100,,,,,\nP3,C00002,,operation,,2012-03-15,,P1,,2012-04-01,2013-03-31,500000\n`,
      3,
      "follows_project",
    ],
    [
      "a bad amount",
      `${PROJECT_HEADER}P1,C00001,,construction,on_acceptance,2012-04-10,100,,,,,\nP2,C00001,,construction,on_acceptance,2012-04-10,1.5e6,,,,,\n`,
      3,
      "order_value_yen",
    ],
    [
      "a project written twice",
      `${PROJECT_HEADER}P1,C00001,,construction,on_acceptance,2012-04-10,100,,,,,\nP1,C00001,,construction,on_acceptance,2012-04-10,100,,,,,\n`,
      3,
      "id",
    ],
  ])(
    "writes nothing from a projects file with %s, naming file, line and field",
    async (_, text, line, field) => {
      const file = writeFile("bad.csv", text);
      const error = await failure(importProjectFile(t.store, file));
      expect(error.code).toBe("INVALID_INPUT");
      expect(error.location).toEqual({ file, line, field });
      expect(await rowCount(t.store, "si_projects")).toBe(0);
    },
  );

  it("refuses an unknown column in the header", async () => {
    const file = writeFile("bad.csv", "id,customer,kind,ordered_on,budget\n");
    const error = await failure(importProjectFile(t.store, file));
    expect(error.location).toMatchObject({ file, line: 1, field: "budget" });
  });

  it.each([
    ["an unknown project", "P9,2012-06-30,10", "project"],
    ["a project recognised on acceptance", "P2,2012-01-31,10", "project"],
    ["a day before the order", "P1,2012-04-09,10", "reported_on"],
    ["a day after the acceptance", "P1,2012-12-21,100", "reported_on"],
    ["more than 100%", "P1,2012-07-31,101", "percent_complete"],
  ])("writes nothing from a progress file with %s", async (_, row, field) => {
    await importProjectFile(t.store, writeFile("projects.csv", PROJECTS));
    const file = writeFile(
      "progress.csv",
      `project,reported_on,percent_complete\nP1,2012-05-31,10\n${row}\n`,
    );
    const error = await failure(importProgressFile(t.store, file));
    expect(error.location).toEqual({ file, line: 3, field });
    expect(await rowCount(t.store, "si_project_progress")).toBe(0);
  });

  it("gathers every bad reference of a file into one error", async () => {
    const file = writeFile(
      "deliveries.csv",
      `id,customer,project,delivered_on,amount_yen,cost_yen\nD1,C09999,,2012-05-10,1,1\nD2,C00003,P9,2012-05-10,1,1\n`,
    );
    const error = await failure(importDeliveryFile(t.store, file));
    expect(error.message).toMatch(/2 problems/);
    expect(error.message).toContain(`${file}:2, field "customer"`);
    expect(error.message).toContain(`${file}:3, field "project"`);
    expect(await rowCount(t.store, "equipment_deliveries")).toBe(0);
  });

  it("refuses a delivery for a project of another customer", async () => {
    await importProjectFile(t.store, writeFile("projects.csv", PROJECTS));
    const file = writeFile(
      "deliveries.csv",
      "id,customer,project,delivered_on,amount_yen,cost_yen\nD1,C00003,P1,2012-05-10,1,1\n",
    );
    const error = await failure(importDeliveryFile(t.store, file));
    expect(error.location).toEqual({ file, line: 2, field: "project" });
  });

  it("records an acceptance only with --replace, and then moves the backlog", async () => {
    await importAll();
    const accepted = PROJECTS.replace(
      "P2,C00002,FX platform,construction,on_acceptance,2011-11-01,3000000,,2012-05-15",
      "P2,C00002,FX platform,construction,on_acceptance,2011-11-01,3000000,,2012-07-15",
    );
    const file = writeFile(
      "projects.csv",
      `${accepted}P4,C00003,New,construction,on_acceptance,2012-06-01,50,,,,,\n`,
    );
    const error = await failure(importProjectFile(t.store, file));
    expect(error.code).toBe("CONFLICT");
    expect(error.location).toEqual({ file, line: 3, field: "accepted_on" });
    expect(await rowCount(t.store, "si_projects")).toBe(3);
    expect(await importProjectFile(t.store, file, { replace: true })).toMatchObject({
      added: 1,
      replaced: 1,
      unchanged: 2,
    });
    expect((await backlogOn(t.store.db, "2012-06-30")).construction).toBe(
      7_500_000n + 3_000_000n + 50n,
    );
  });

  it("refuses a replacement that would strand stored progress reports", async () => {
    await importAll();
    const file = writeFile(
      "projects.csv",
      PROJECTS.replace(
        "P1,C00001,Campus network,construction,percentage_of_completion,2012-04-10,10000000,,2012-12-20",
        "P1,C00001,Campus network,construction,percentage_of_completion,2012-04-10,10000000,,2012-08-31",
      ),
    );
    const error = await failure(importProjectFile(t.store, file, { replace: true }));
    expect(error.location).toEqual({ file, line: 2, field: "accepted_on" });
    expect((await findProject(t.store.db, "P1"))?.acceptedOn).toBe("2012-12-20");
  });

  it("refuses a changed percentage for a stored day unless told to replace it", async () => {
    await importAll();
    const file = writeFile(
      "progress.csv",
      "project,reported_on,percent_complete\nP1,2012-09-30,70\n",
    );
    const error = await failure(importProgressFile(t.store, file));
    expect(error).toMatchObject({
      code: "CONFLICT",
      location: { file, line: 2, field: "percent_complete" },
    });
    await importProgressFile(t.store, file, { replace: true });
    expect((await backlogOn(t.store.db, "2012-09-30")).construction).toBe(3_000_000n + 800_000n);
  });
});
