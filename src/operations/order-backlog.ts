import {
  Decimal,
  lastDayOf,
  monthFromOrdinal,
  monthOrdinal,
  multiply,
  yen,
} from "../core/index.js";
import type { EquipmentDelivery } from "./equipment-delivery.js";
import type { ProgressReport, RecognitionMethod, SiProject } from "./si-project.js";

/**
 * Orders received, order backlog and revenue earned, from the projects alone. The recognised
 * amount to a date is the one quantity everything else derives from — backlog = order value −
 * recognised, revenue in a period = recognised at its end − recognised before its start — so the
 * three can never disagree by a rounding yen:
 * - percentage of completion: order value × the latest reported % complete (100% once accepted),
 *   rounded half-up to the yen;
 * - on acceptance: nothing until the acceptance date, then the whole order value;
 * - monthly (O&M): the fee for every month of the term that has ended.
 * A day counts whole: a report, acceptance or month end dated D is in effect at the end of D.
 */

/** Progress reports of each project (any order; only a project's own reports are read). */
export type ProgressByProject = ReadonlyMap<string, readonly ProgressReport[]>;

/** Percent complete at the end of `date`: the latest report so far, 100 once accepted, else 0. */
export function percentCompleteOn(
  project: SiProject,
  reports: readonly ProgressReport[],
  date: string,
): Decimal {
  return percentComplete(project, reports, (day) => day <= date);
}

/** Revenue recognised on `project` from its order through the end of `date`, in yen. */
export function recognizedThrough(
  project: SiProject,
  reports: readonly ProgressReport[],
  date: string,
): bigint {
  return recognized(project, reports, (day) => day <= date);
}

/** The order value not yet recognised at the end of `date`; nothing before the order. */
export function orderBacklog(
  project: SiProject,
  reports: readonly ProgressReport[],
  date: string,
): bigint {
  if (date < project.orderedOn) return 0n;
  return project.orderValueYen - recognizedThrough(project, reports, date);
}

/** Revenue earned on `project` from `from` through `to`, both days included. */
export function revenueEarned(
  project: SiProject,
  reports: readonly ProgressReport[],
  from: string,
  to: string,
): bigint {
  return (
    recognized(project, reports, (day) => day <= to) -
    recognized(project, reports, (day) => day < from)
  );
}

/** Construction and operation orders; construction includes equipment sales orders. */
export interface OrderTotals {
  readonly construction: bigint;
  readonly operation: bigint;
  /** The part of `construction` that is equipment sales orders. */
  readonly equipment: bigint;
}

/** Order backlog of every project and undelivered equipment order at the end of `date`. */
export function totalBacklog(
  projects: readonly SiProject[],
  progress: ProgressByProject,
  deliveries: readonly EquipmentDelivery[],
  date: string,
): OrderTotals {
  let construction = 0n;
  let operation = 0n;
  for (const project of projects) {
    const backlog = orderBacklog(project, progress.get(project.id) ?? [], date);
    if (project.kind === "construction") construction += backlog;
    else operation += backlog;
  }
  let equipment = 0n;
  for (const delivery of deliveries) {
    if (delivery.orderedOn <= date && date < delivery.deliveredOn) equipment += delivery.amountYen;
  }
  return { construction: construction + equipment, operation, equipment };
}

/** Orders received from `from` through `to`, by their order date. */
export function totalOrdersReceived(
  projects: readonly SiProject[],
  deliveries: readonly EquipmentDelivery[],
  from: string,
  to: string,
): OrderTotals {
  const within = (day: string) => from <= day && day <= to;
  let construction = 0n;
  let operation = 0n;
  for (const project of projects) {
    if (!within(project.orderedOn)) continue;
    if (project.kind === "construction") construction += project.orderValueYen;
    else operation += project.orderValueYen;
  }
  let equipment = 0n;
  for (const delivery of deliveries) {
    if (within(delivery.orderedOn)) equipment += delivery.amountYen;
  }
  return { construction: construction + equipment, operation, equipment };
}

/** One project's revenue in a period, with what billing and recognition need to book it. */
export interface ProjectRevenue {
  readonly projectId: string;
  readonly customerId: string;
  readonly kind: SiProject["kind"];
  readonly recognition: RecognitionMethod;
  readonly revenueYen: bigint;
}

/** Every project's revenue from `from` through `to`; projects that earned nothing are left out. */
export function projectRevenues(
  projects: readonly SiProject[],
  progress: ProgressByProject,
  from: string,
  to: string,
): ProjectRevenue[] {
  const revenues: ProjectRevenue[] = [];
  for (const project of projects) {
    const revenueYen = revenueEarned(project, progress.get(project.id) ?? [], from, to);
    if (revenueYen === 0n) continue;
    revenues.push({
      projectId: project.id,
      customerId: project.customerId,
      kind: project.kind,
      recognition: project.recognition,
      revenueYen,
    });
  }
  return revenues;
}

/** Revenue summed by recognition method (zero for a method with no revenue). */
export function revenueByMethod(
  revenues: readonly ProjectRevenue[],
): Record<RecognitionMethod, bigint> {
  const totals: Record<RecognitionMethod, bigint> = {
    percentage_of_completion: 0n,
    on_acceptance: 0n,
    monthly: 0n,
  };
  for (const r of revenues) totals[r.recognition] += r.revenueYen;
  return totals;
}

function percentComplete(
  project: SiProject,
  reports: readonly ProgressReport[],
  done: (day: string) => boolean,
): Decimal {
  if (project.acceptedOn !== null && done(project.acceptedOn)) return new Decimal(100);
  let latest: ProgressReport | undefined;
  for (const report of reports) {
    if (report.projectId !== project.id || !done(report.reportedOn)) continue;
    if (latest === undefined || report.reportedOn > latest.reportedOn) latest = report;
  }
  return latest?.percentComplete ?? new Decimal(0);
}

function recognized(
  project: SiProject,
  reports: readonly ProgressReport[],
  done: (day: string) => boolean,
): bigint {
  switch (project.recognition) {
    case "on_acceptance":
      return project.acceptedOn !== null && done(project.acceptedOn) ? project.orderValueYen : 0n;
    case "percentage_of_completion": {
      const percent = percentComplete(project, reports, done);
      return multiply(yen(project.orderValueYen), percent.div(100)).amount;
    }
    case "monthly": {
      if (project.startsOn === null || project.endsOn === null || project.monthlyFeeYen === null) {
        return 0n;
      }
      let months = 0n;
      const last = monthOrdinal(project.endsOn);
      for (let m = monthOrdinal(project.startsOn); m <= last; m++) {
        if (!done(lastDayOf(monthFromOrdinal(m)))) break;
        months++;
      }
      return project.monthlyFeeYen * months;
    }
  }
}
