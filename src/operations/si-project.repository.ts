import type { Kysely, Transaction } from "kysely";
import { Decimal } from "../core/index.js";
import { bigintFromColumn, type Database } from "../store/index.js";
import { batches } from "./batches.js";
import type { ProgressReport, ProjectKind, RecognitionMethod, SiProject } from "./si-project.js";
import type { SiProjectProgressTable, SiProjectTable } from "./si-project.table.js";

export interface ProjectFilter {
  readonly customerId?: string | undefined;
  readonly kind?: ProjectKind | undefined;
  readonly limit?: number | undefined;
}

/**
 * Inserts new projects in batches inside the caller's transaction (the demo builder and imports
 * call it). Construction projects go first, so that an operation project's `follows_project_id`
 * always finds the project it follows.
 */
export async function insertProjects(
  tx: Transaction<Database>,
  projects: readonly SiProject[],
): Promise<void> {
  const ordered = [
    ...projects.filter((p) => p.kind === "construction"),
    ...projects.filter((p) => p.kind !== "construction"),
  ];
  for (const batch of batches(ordered.map(rowFromProject))) {
    await tx.insertInto("si_projects").values(batch).execute();
  }
}

/** Overwrites stored projects with the same ids (an import with --replace). */
export async function updateProjects(
  tx: Transaction<Database>,
  projects: readonly SiProject[],
): Promise<void> {
  for (const project of projects) {
    await tx
      .updateTable("si_projects")
      .set(rowFromProject(project))
      .where("id", "=", project.id)
      .execute();
  }
}

export async function insertProgressReports(
  tx: Transaction<Database>,
  reports: readonly ProgressReport[],
): Promise<void> {
  for (const batch of batches(reports.map(rowFromProgress))) {
    await tx.insertInto("si_project_progress").values(batch).execute();
  }
}

export async function updateProgressReports(
  tx: Transaction<Database>,
  reports: readonly ProgressReport[],
): Promise<void> {
  for (const report of reports) {
    await tx
      .updateTable("si_project_progress")
      .set({ percent_complete: report.percentComplete.toFixed() })
      .where("project_id", "=", report.projectId)
      .where("reported_on", "=", report.reportedOn)
      .execute();
  }
}

export async function listProjects(
  db: Kysely<Database>,
  filter: ProjectFilter = {},
): Promise<SiProject[]> {
  let query = db.selectFrom("si_projects").selectAll();
  if (filter.customerId) query = query.where("customer_id", "=", filter.customerId);
  if (filter.kind) query = query.where("kind", "=", filter.kind);
  query = query.orderBy("ordered_on").orderBy("id");
  if (filter.limit !== undefined) query = query.limit(filter.limit);
  return (await query.execute()).map(projectFromRow);
}

export async function findProject(
  db: Kysely<Database>,
  id: string,
): Promise<SiProject | undefined> {
  const row = await db
    .selectFrom("si_projects")
    .selectAll()
    .where("id", "=", id)
    .executeTakeFirst();
  return row ? projectFromRow(row) : undefined;
}

/** The stored projects among `ids`, by id. */
export async function projectsById(
  db: Kysely<Database>,
  ids: Iterable<string>,
): Promise<Map<string, SiProject>> {
  const found = new Map<string, SiProject>();
  for (const batch of batches([...new Set(ids)])) {
    const rows = await db.selectFrom("si_projects").selectAll().where("id", "in", batch).execute();
    for (const row of rows) found.set(row.id, projectFromRow(row));
  }
  return found;
}

/** Operation projects that follow `projectId`. */
export async function followingProjects(
  db: Kysely<Database>,
  projectId: string,
): Promise<SiProject[]> {
  const rows = await db
    .selectFrom("si_projects")
    .selectAll()
    .where("follows_project_id", "=", projectId)
    .orderBy("ordered_on")
    .orderBy("id")
    .execute();
  return rows.map(projectFromRow);
}

/** Every progress report of the given projects, oldest first, grouped by project. */
export async function progressReportsOf(
  db: Kysely<Database>,
  projectIds: Iterable<string>,
): Promise<Map<string, ProgressReport[]>> {
  const byProject = new Map<string, ProgressReport[]>();
  for (const batch of batches([...new Set(projectIds)])) {
    const rows = await db
      .selectFrom("si_project_progress")
      .selectAll()
      .where("project_id", "in", batch)
      .orderBy("project_id")
      .orderBy("reported_on")
      .execute();
    for (const row of rows) {
      const reports = byProject.get(row.project_id) ?? [];
      reports.push(progressFromRow(row));
      byProject.set(row.project_id, reports);
    }
  }
  return byProject;
}

export async function countProjects(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom("si_projects")
    .select((eb) => eb.fn.countAll<string | number>().as("n"))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export function projectFromRow(row: SiProjectTable): SiProject {
  return {
    id: row.id,
    customerId: row.customer_id,
    name: row.name,
    kind: row.kind as ProjectKind,
    recognition: row.recognition as RecognitionMethod,
    orderedOn: row.ordered_on,
    orderValueYen: bigintFromColumn(row.order_value_yen),
    followsProjectId: row.follows_project_id,
    acceptedOn: row.accepted_on,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    monthlyFeeYen: row.monthly_fee_yen === null ? null : bigintFromColumn(row.monthly_fee_yen),
  };
}

export function progressFromRow(row: SiProjectProgressTable): ProgressReport {
  return {
    projectId: row.project_id,
    customerId: row.customer_id,
    reportedOn: row.reported_on,
    percentComplete: new Decimal(row.percent_complete),
  };
}

function rowFromProject(project: SiProject): SiProjectTable {
  return {
    id: project.id,
    customer_id: project.customerId,
    name: project.name,
    kind: project.kind,
    recognition: project.recognition,
    ordered_on: project.orderedOn,
    order_value_yen: project.orderValueYen,
    follows_project_id: project.followsProjectId,
    accepted_on: project.acceptedOn,
    starts_on: project.startsOn,
    ends_on: project.endsOn,
    monthly_fee_yen: project.monthlyFeeYen,
  };
}

function rowFromProgress(report: ProgressReport): SiProjectProgressTable {
  return {
    project_id: report.projectId,
    customer_id: report.customerId,
    reported_on: report.reportedOn,
    percent_complete: report.percentComplete.toFixed(),
  };
}
