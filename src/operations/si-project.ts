import { Decimal, type InputLocation, lastDayOf, monthOrdinal } from "../core/index.js";
import { recordFields } from "../input/index.js";
import { firstDifference } from "./first-difference.js";

/**
 * A systems-integration project: an order received on a date for a value in yen. A construction
 * project is recognised as revenue by percentage of completion or on acceptance; an operation and
 * maintenance (O&M) project — often following a construction project — earns a monthly fee over a
 * term of whole calendar months, and its order value is that fee times the term's months.
 */
export type ProjectKind = "construction" | "operation";
export const PROJECT_KINDS: readonly ProjectKind[] = ["construction", "operation"];

export type RecognitionMethod = "percentage_of_completion" | "on_acceptance" | "monthly";
export const CONSTRUCTION_RECOGNITION: readonly RecognitionMethod[] = [
  "percentage_of_completion",
  "on_acceptance",
];

export interface SiProject {
  readonly id: string;
  readonly customerId: string;
  readonly name: string;
  readonly kind: ProjectKind;
  /** Construction: percentage_of_completion or on_acceptance; operation: always monthly. */
  readonly recognition: RecognitionMethod;
  readonly orderedOn: string;
  readonly orderValueYen: bigint;
  /** Operation only: the construction project whose system this contract operates. */
  readonly followsProjectId: string | null;
  /** Construction only: the day the customer accepted the work; all of it is revenue from then. */
  readonly acceptedOn: string | null;
  /** Operation only: first day of the first month of service. */
  readonly startsOn: string | null;
  /** Operation only: last day of the last month of service. */
  readonly endsOn: string | null;
  /** Operation only: the fee for each month of the term. */
  readonly monthlyFeeYen: bigint | null;
}

/** How far a percentage-of-completion project had got on a date (exact percent, 0–100). */
export interface ProgressReport {
  readonly projectId: string;
  /** The project's customer: the scale-out key every large table carries. */
  readonly customerId: string;
  readonly reportedOn: string;
  readonly percentComplete: Decimal;
}

export const PROJECT_FIELDS = [
  "id",
  "customer",
  "name",
  "kind",
  "recognition",
  "ordered_on",
  "order_value_yen",
  "follows_project",
  "accepted_on",
  "starts_on",
  "ends_on",
  "monthly_fee_yen",
] as const;
export const PROJECT_REQUIRED_FIELDS = ["id", "customer", "kind", "ordered_on"] as const;

export const PROGRESS_FIELDS = ["project", "reported_on", "percent_complete"] as const;

/** Months in an O&M term, both ends included: 2012-04-01..2013-03-31 → 12. */
export function termMonths(startsOn: string, endsOn: string): number {
  return monthOrdinal(endsOn) - monthOrdinal(startsOn) + 1;
}

/**
 * Validates one project row on its own (references to customers and other projects are checked
 * by the import, which sees the store). `where` names the file and line; each error adds the field.
 */
export function projectFromRaw(
  values: Readonly<Record<string, string>>,
  where: InputLocation,
): SiProject {
  const f = recordFields(values, where);
  const id = f.id("id");
  const customerId = f.id("customer");
  const name = f.optionalText("name") ?? "";
  const kind = f.oneOf("kind", PROJECT_KINDS);
  const orderedOn = f.date("ordered_on");
  const mustBeEmpty = (field: string, why: string): void => {
    if (f.optionalText(field) !== undefined) f.fail(field, why);
  };

  if (kind === "construction") {
    const recognition = f.oneOf("recognition", CONSTRUCTION_RECOGNITION);
    const orderValueYen = f.yen("order_value_yen", 1n);
    const acceptedOn = f.optionalDate("accepted_on") ?? null;
    if (acceptedOn !== null && acceptedOn < orderedOn) {
      f.fail("accepted_on", `Accepted on ${acceptedOn}, before the order of ${orderedOn}.`);
    }
    for (const field of ["follows_project", "starts_on", "ends_on", "monthly_fee_yen"]) {
      mustBeEmpty(field, `"${field}" is for operation projects only; leave it empty here.`);
    }
    return {
      id,
      customerId,
      name,
      kind,
      recognition,
      orderedOn,
      orderValueYen,
      followsProjectId: null,
      acceptedOn,
      startsOn: null,
      endsOn: null,
      monthlyFeeYen: null,
    };
  }

  const recognitionText = f.optionalText("recognition");
  if (recognitionText !== undefined && recognitionText !== "monthly") {
    f.fail(
      "recognition",
      `An operation project earns its fee monthly; write "monthly" or leave it empty.`,
    );
  }
  mustBeEmpty(
    "accepted_on",
    "Operation projects have no acceptance: they earn a monthly fee over their term.",
  );
  const followsProjectId = f.optionalId("follows_project") ?? null;
  if (followsProjectId === id) f.fail("follows_project", "A project cannot follow itself.");
  const startsOn = f.date("starts_on");
  if (!startsOn.endsWith("-01")) {
    f.fail("starts_on", `The term starts on the first day of a month, not ${startsOn}.`);
  }
  if (monthOrdinal(startsOn) < monthOrdinal(orderedOn)) {
    f.fail("starts_on", `The term starts before the month of the order (${orderedOn}).`);
  }
  const endsOn = f.date("ends_on");
  if (endsOn !== lastDayOf(endsOn.slice(0, 7))) {
    f.fail("ends_on", `The term ends on the last day of a month, not ${endsOn}.`);
  }
  if (endsOn < startsOn) f.fail("ends_on", `The term ends (${endsOn}) before it starts.`);
  const monthlyFeeYen = f.yen("monthly_fee_yen", 1n);
  const termValue = monthlyFeeYen * BigInt(termMonths(startsOn, endsOn));
  const orderValueYen = f.optionalYen("order_value_yen") ?? termValue;
  if (orderValueYen !== termValue) {
    f.fail(
      "order_value_yen",
      `The order value ${orderValueYen} is not the monthly fee × ${termMonths(startsOn, endsOn)} months = ${termValue}; leave it empty to have it computed.`,
    );
  }
  return {
    id,
    customerId,
    name,
    kind,
    recognition: "monthly",
    orderedOn,
    orderValueYen,
    followsProjectId,
    acceptedOn: null,
    startsOn,
    endsOn,
    monthlyFeeYen,
  };
}

/** Validates one progress row; that its project exists and takes progress is the import's check. */
export function progressFromRaw(
  values: Readonly<Record<string, string>>,
  where: InputLocation,
): Omit<ProgressReport, "customerId"> {
  const f = recordFields(values, where);
  return {
    projectId: f.id("project"),
    reportedOn: f.date("reported_on"),
    percentComplete: f.decimal("percent_complete", { min: new Decimal(0), max: new Decimal(100) }),
  };
}

/**
 * Why a progress report cannot belong to `project`, or null when it can: only percentage-of-
 * completion projects take progress, between the order and the acceptance.
 */
export function progressProblem(
  project: SiProject,
  report: Pick<ProgressReport, "reportedOn">,
): { field: "project" | "reported_on"; message: string } | null {
  if (project.recognition !== "percentage_of_completion") {
    return {
      field: "project",
      message: `Project ${project.id} is recognised ${project.recognition === "monthly" ? "monthly" : "on acceptance"}; only percentage-of-completion projects take progress reports.`,
    };
  }
  if (report.reportedOn < project.orderedOn) {
    return {
      field: "reported_on",
      message: `Reported on ${report.reportedOn}, before project ${project.id} was ordered (${project.orderedOn}).`,
    };
  }
  if (project.acceptedOn !== null && report.reportedOn > project.acceptedOn) {
    return {
      field: "reported_on",
      message: `Reported on ${report.reportedOn}, after project ${project.id} was accepted (${project.acceptedOn}).`,
    };
  }
  return null;
}

/** The first field in which a stored project and an imported row differ, or null if none. */
export function projectDifference(a: SiProject, b: SiProject): string | undefined {
  return firstDifference([
    ["customer", a.customerId, b.customerId],
    ["name", a.name, b.name],
    ["kind", a.kind, b.kind],
    ["recognition", a.recognition, b.recognition],
    ["ordered_on", a.orderedOn, b.orderedOn],
    ["order_value_yen", a.orderValueYen, b.orderValueYen],
    ["follows_project", a.followsProjectId, b.followsProjectId],
    ["accepted_on", a.acceptedOn, b.acceptedOn],
    ["starts_on", a.startsOn, b.startsOn],
    ["ends_on", a.endsOn, b.endsOn],
    ["monthly_fee_yen", a.monthlyFeeYen, b.monthlyFeeYen],
  ]);
}

export function progressDifference(a: ProgressReport, b: ProgressReport): string | undefined {
  return a.percentComplete.equals(b.percentComplete) ? undefined : "percent_complete";
}
