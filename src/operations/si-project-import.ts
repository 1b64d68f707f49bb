import { UplinkError } from "../core/index.js";
import { customersByIds, type ImportOptions, type ImportOutcome } from "../customers/index.js";
import {
  checkEach,
  type Located,
  readCsvRecords,
  reconcile,
  refuseRepeatedKeys,
  validateAll,
} from "../input/index.js";
import type { Store } from "../store/index.js";
import { importOutcome, optionalColumns } from "./import-outcome.js";
import {
  PROGRESS_FIELDS,
  PROJECT_FIELDS,
  PROJECT_REQUIRED_FIELDS,
  type ProgressReport,
  progressDifference,
  progressFromRaw,
  progressProblem,
  projectDifference,
  projectFromRaw,
  type SiProject,
} from "./si-project.js";
import {
  insertProgressReports,
  insertProjects,
  progressReportsOf,
  projectsById,
  updateProgressReports,
  updateProjects,
} from "./si-project.repository.js";

/** Reads and validates a projects file: any bad row fails it, naming file, line and field. */
export function readProjectFile(file: string): Located<SiProject>[] {
  const records = validateAll(
    readCsvRecords(file, {
      required: PROJECT_REQUIRED_FIELDS,
      optional: optionalColumns(PROJECT_FIELDS, PROJECT_REQUIRED_FIELDS),
    }),
    ({ values, where }) => ({ record: projectFromRaw(values, where), where }),
    file,
  );
  refuseRepeatedKeys(records, (p) => `Project ${p.id}`, "id");
  return records;
}

/**
 * Imports SI projects in one transaction: every customer must exist, and an operation project
 * may follow only a construction project of the same customer (in this file or stored). A stored
 * project cannot change customer or kind; other changes need `replace` (e.g. to record an
 * acceptance) and must leave the project's stored progress reports valid.
 */
export async function importProjectFile(
  store: Store,
  file: string,
  options: ImportOptions = {},
): Promise<ImportOutcome> {
  const located = readProjectFile(file);
  const projects = located.map((l) => l.record);
  return store.db.transaction().execute(async (tx) => {
    const customers = await customersByIds(
      tx,
      projects.map((p) => p.customerId),
    );
    const stored = await projectsById(tx, [
      ...projects.map((p) => p.id),
      ...projects.flatMap((p) => (p.followsProjectId ? [p.followsProjectId] : [])),
    ]);
    const inFile = new Map(projects.map((p) => [p.id, p]));
    const progress = await progressReportsOf(
      tx,
      projects.filter((p) => stored.has(p.id)).map((p) => p.id),
    );
    checkEach(located, (project, where) => {
      const fail = (field: string, message: string): never => {
        throw new UplinkError("INVALID_INPUT", message, { location: { ...where, field } });
      };
      if (!customers.has(project.customerId)) {
        fail("customer", `Unknown customer "${project.customerId}"; import customers first.`);
      }
      if (project.followsProjectId !== null) {
        const followed =
          inFile.get(project.followsProjectId) ?? stored.get(project.followsProjectId);
        if (!followed) fail("follows_project", `Unknown project "${project.followsProjectId}".`);
        else if (followed.kind !== "construction") {
          fail(
            "follows_project",
            `Project ${followed.id} is an operation project; an operation project follows a construction project.`,
          );
        } else if (followed.customerId !== project.customerId) {
          fail(
            "follows_project",
            `Project ${followed.id} belongs to customer ${followed.customerId}, not ${project.customerId}.`,
          );
        }
      }
      const before = stored.get(project.id);
      if (!before) return;
      if (before.customerId !== project.customerId) {
        fail(
          "customer",
          `Project ${project.id} belongs to customer ${before.customerId}; a project cannot move to another customer.`,
        );
      }
      if (before.kind !== project.kind) {
        fail(
          "kind",
          `Project ${project.id} is stored as ${before.kind}; a project cannot change kind.`,
        );
      }
      for (const report of progress.get(project.id) ?? []) {
        const wrong = progressProblem(project, report);
        if (!wrong) continue;
        fail(
          wrong.field === "project"
            ? "recognition"
            : report.reportedOn < project.orderedOn
              ? "ordered_on"
              : "accepted_on",
          `The stored progress report of ${report.reportedOn} would no longer fit: ${wrong.message}`,
        );
      }
    });

    const plan = reconcile(located, stored, {
      key: (p) => p.id,
      difference: projectDifference,
      describe: (p) => `Project ${p.id}`,
      replace: options.replace ?? false,
    });
    await insertProjects(tx, plan.added);
    await updateProjects(tx, plan.replaced);
    return importOutcome(file, plan);
  });
}

/** Reads and validates a progress file (project, reported_on, percent_complete). */
export function readProgressFile(file: string): Located<Omit<ProgressReport, "customerId">>[] {
  const records = validateAll(
    readCsvRecords(file, { required: PROGRESS_FIELDS }),
    ({ values, where }) => ({ record: progressFromRaw(values, where), where }),
    file,
  );
  refuseRepeatedKeys(
    records,
    (r) => `Progress of ${r.projectId} on ${r.reportedOn}`,
    "reported_on",
  );
  return records;
}

/**
 * Imports progress reports in one transaction. Each names a stored percentage-of-completion
 * project and a day from its order through its acceptance; a changed percentage for a stored day
 * needs `replace`.
 */
export async function importProgressFile(
  store: Store,
  file: string,
  options: ImportOptions = {},
): Promise<ImportOutcome> {
  const read = readProgressFile(file);
  return store.db.transaction().execute(async (tx) => {
    const projects = await projectsById(
      tx,
      read.map((l) => l.record.projectId),
    );
    checkEach(read, (report, where) => {
      const project = projects.get(report.projectId);
      const wrong = project
        ? progressProblem(project, report)
        : {
            field: "project",
            message: `Unknown project "${report.projectId}"; import projects first.`,
          };
      if (wrong) {
        throw new UplinkError("INVALID_INPUT", wrong.message, {
          location: { ...where, field: wrong.field },
        });
      }
    });
    const located: Located<ProgressReport>[] = read.map(({ record, where }) => ({
      record: { ...record, customerId: projects.get(record.projectId)!.customerId },
      where,
    }));
    const key = (r: Pick<ProgressReport, "projectId" | "reportedOn">) =>
      `${r.projectId}|${r.reportedOn}`;
    const stored = new Map<string, ProgressReport>();
    for (const reports of (await progressReportsOf(tx, projects.keys())).values()) {
      for (const report of reports) stored.set(key(report), report);
    }
    const plan = reconcile(located, stored, {
      key,
      difference: progressDifference,
      describe: (r) => `Progress of ${r.projectId} on ${r.reportedOn}`,
      replace: options.replace ?? false,
    });
    await insertProgressReports(tx, plan.added);
    await updateProgressReports(tx, plan.replaced);
    return importOutcome(file, plan);
  });
}
