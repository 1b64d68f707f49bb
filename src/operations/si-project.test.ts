import { describe, expect, it } from "vitest";
import { UplinkError } from "../core/index.js";
import { progressFromRaw, progressProblem, projectFromRaw, termMonths } from "./si-project.js";

const where = { file: "projects.csv", line: 2 };
const construction = {
  id: "P1",
  customer: "C00001",
  kind: "construction",
  recognition: "percentage_of_completion",
  ordered_on: "2012-04-10",
  order_value_yen: "10000000",
};
const operation = {
  id: "P2",
  customer: "C00001",
  kind: "operation",
  ordered_on: "2012-03-15",
  follows_project: "P1",
  starts_on: "2012-04-01",
  ends_on: "2013-03-31",
  monthly_fee_yen: "500000",
};

function errorOf(run: () => unknown): UplinkError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(UplinkError);
    return error as UplinkError;
  }
  throw new Error("expected an error");
}

describe("an SI project row", () => {
  it("reads a construction project with its order value in exact yen", () => {
    expect(projectFromRaw(construction, where)).toMatchObject({
      kind: "construction",
      recognition: "percentage_of_completion",
      orderValueYen: 10_000_000n,
      acceptedOn: null,
    });
  });

  it("gives an O&M project monthly recognition and computes its order value from the fee", () => {
    expect(projectFromRaw(operation, where)).toMatchObject({
      recognition: "monthly",
      orderValueYen: 6_000_000n,
      followsProjectId: "P1",
    });
  });

  it.each([
    ["an unknown kind", { ...construction, kind: "maintenance" }, "kind"],
    [
      "a construction project without a recognition method",
      { ...construction, recognition: "" },
      "recognition",
    ],
    [
      "a recognition method of another kind",
      { ...construction, recognition: "monthly" },
      "recognition",
    ],
    [
      "an order value with separators",
      { ...construction, order_value_yen: "10,000,000" },
      "order_value_yen",
    ],
    ["a zero order value", { ...construction, order_value_yen: "0" }, "order_value_yen"],
    ["an impossible date", { ...construction, ordered_on: "2012-02-30" }, "ordered_on"],
    [
      "an acceptance before the order",
      { ...construction, accepted_on: "2012-04-01" },
      "accepted_on",
    ],
    [
      "a construction project following another",
      { ...construction, follows_project: "P0" },
      "follows_project",
    ],
    [
      "a monthly fee on a construction project",
      { ...construction, monthly_fee_yen: "5" },
      "monthly_fee_yen",
    ],
    ["an O&M term starting mid-month", { ...operation, starts_on: "2012-04-02" }, "starts_on"],
    [
      "an O&M term starting before the order's month",
      { ...operation, starts_on: "2012-02-01" },
      "starts_on",
    ],
    ["an O&M term ending mid-month", { ...operation, ends_on: "2013-03-30" }, "ends_on"],
    ["an O&M term ending before it starts", { ...operation, ends_on: "2012-03-31" }, "ends_on"],
    [
      "an O&M order value that is not fee × months",
      { ...operation, order_value_yen: "5000000" },
      "order_value_yen",
    ],
    [
      "an acceptance date on an O&M project",
      { ...operation, accepted_on: "2012-05-01" },
      "accepted_on",
    ],
    ["an O&M project following itself", { ...operation, follows_project: "P2" }, "follows_project"],
    ["an id with spaces", { ...construction, id: "P 1" }, "id"],
  ])("refuses %s, naming the field", (_, values, field) => {
    const error = errorOf(() => projectFromRaw(values, where));
    expect(error.code).toBe("INVALID_INPUT");
    expect(error.location).toEqual({ ...where, field });
  });

  it.each([
    ["2012-04-01", "2013-03-31", 12],
    ["2012-04-01", "2012-04-30", 1],
    ["2012-11-01", "2013-02-28", 4],
  ])("an O&M term from %s to %s has %i months", (from, to, months) => {
    expect(termMonths(from, to)).toBe(months);
  });
});

describe("a progress report", () => {
  const project = projectFromRaw({ ...construction, accepted_on: "2012-12-20" }, where);

  it.each([
    ["-1", "percent_complete"],
    ["100.5", "percent_complete"],
    ["1e2", "percent_complete"],
  ])("refuses a percent complete of %s", (percent, field) => {
    const error = errorOf(() =>
      progressFromRaw(
        { project: "P1", reported_on: "2012-06-30", percent_complete: percent },
        where,
      ),
    );
    expect(error.location).toEqual({ ...where, field });
  });

  it.each([
    ["before the order", "2012-04-09", "reported_on"],
    ["after the acceptance", "2012-12-21", "reported_on"],
  ])("does not fit its project when dated %s", (_, reportedOn, field) => {
    expect(progressProblem(project, { reportedOn })?.field).toBe(field);
  });

  it("fits between the order and the acceptance, both days included", () => {
    expect(progressProblem(project, { reportedOn: "2012-04-10" })).toBeNull();
    expect(progressProblem(project, { reportedOn: "2012-12-20" })).toBeNull();
  });

  it("belongs only to percentage-of-completion projects", () => {
    const accepted = projectFromRaw({ ...construction, recognition: "on_acceptance" }, where);
    expect(progressProblem(accepted, { reportedOn: "2012-06-30" })?.field).toBe("project");
  });
});
