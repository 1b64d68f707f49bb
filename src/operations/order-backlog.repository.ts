import type { Kysely } from "kysely";
import {
  APRIL_FISCAL_YEAR,
  type FiscalCalendar,
  type FiscalPeriod,
  periodEnd,
  periodStart,
} from "../core/index.js";
import type { Database } from "../store/index.js";
import { deliveryFromRow } from "./equipment-delivery.repository.js";
import {
  type OrderTotals,
  type ProjectRevenue,
  projectRevenues,
  totalBacklog,
  totalOrdersReceived,
} from "./order-backlog.js";
import type { ProgressReport, SiProject } from "./si-project.js";
import { progressFromRow, projectFromRow } from "./si-project.repository.js";

/**
 * Order backlog at the end of `date` (orders.construction.backlog, orders.operation.backlog):
 * reads only the projects that can still hold backlog then, and their progress up to that day.
 */
export async function backlogOn(db: Kysely<Database>, date: string): Promise<OrderTotals> {
  const open = db
    .selectFrom("si_projects")
    .where("ordered_on", "<=", date)
    .where((eb) => eb.or([eb("accepted_on", "is", null), eb("accepted_on", ">", date)]))
    .where((eb) => eb.or([eb("ends_on", "is", null), eb("ends_on", ">", date)]));
  const projects = (await open.selectAll().execute()).map(projectFromRow);
  const reports = await db
    .selectFrom("si_project_progress")
    .selectAll()
    .where("reported_on", "<=", date)
    .where("project_id", "in", open.select("id"))
    .execute();
  const deliveries = await db
    .selectFrom("equipment_deliveries")
    .selectAll()
    .where("ordered_on", "<=", date)
    .where("delivered_on", ">", date)
    .execute();
  return totalBacklog(
    projects,
    groupByProject(reports.map(progressFromRow)),
    deliveries.map(deliveryFromRow),
    date,
  );
}

/** Orders received in a fiscal period (orders.construction.received, orders.operation.received). */
export async function ordersReceived(
  db: Kysely<Database>,
  period: FiscalPeriod,
  calendar: FiscalCalendar = APRIL_FISCAL_YEAR,
): Promise<OrderTotals> {
  const from = periodStart(period, calendar);
  const to = periodEnd(period, calendar);
  const projects = await db
    .selectFrom("si_projects")
    .selectAll()
    .where("ordered_on", ">=", from)
    .where("ordered_on", "<=", to)
    .execute();
  const deliveries = await db
    .selectFrom("equipment_deliveries")
    .selectAll()
    .where("ordered_on", ">=", from)
    .where("ordered_on", "<=", to)
    .execute();
  return totalOrdersReceived(
    projects.map(projectFromRow),
    deliveries.map(deliveryFromRow),
    from,
    to,
  );
}

/**
 * Each project's revenue earned in a fiscal period, by its recognition method: what billing and
 * revenue recognition book as revenue.si.construction and revenue.si.operation.
 */
export async function projectRevenueIn(
  db: Kysely<Database>,
  period: FiscalPeriod,
  calendar: FiscalCalendar = APRIL_FISCAL_YEAR,
): Promise<ProjectRevenue[]> {
  const from = periodStart(period, calendar);
  const to = periodEnd(period, calendar);
  const earning = db
    .selectFrom("si_projects")
    .where("ordered_on", "<=", to)
    .where((eb) => eb.or([eb("accepted_on", "is", null), eb("accepted_on", ">=", from)]))
    .where((eb) => eb.or([eb("ends_on", "is", null), eb("ends_on", ">=", from)]));
  const projects: SiProject[] = (await earning.selectAll().orderBy("id").execute()).map(
    projectFromRow,
  );
  const reports = await db
    .selectFrom("si_project_progress")
    .selectAll()
    .where("reported_on", "<=", to)
    .where("project_id", "in", earning.select("id"))
    .execute();
  return projectRevenues(projects, groupByProject(reports.map(progressFromRow)), from, to);
}

function groupByProject(reports: readonly ProgressReport[]): Map<string, ProgressReport[]> {
  const byProject = new Map<string, ProgressReport[]>();
  for (const report of reports) {
    const list = byProject.get(report.projectId) ?? [];
    list.push(report);
    byProject.set(report.projectId, list);
  }
  return byProject;
}
