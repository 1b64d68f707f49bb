import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { customerScope, maySeeCustomer } from "../../access/index.js";
import {
  backlogOn,
  findProject,
  followingProjects,
  listProjects,
  PROJECT_KINDS,
  percentCompleteOn,
  progressReportsOf,
  type SiProject,
} from "../../operations/index.js";
import { ERROR_RESPONSES, isoDate, jsonContent, pageSchema } from "../api-schemas.js";
import { guarded } from "../authentication.js";
import { ApiError } from "../http-error.js";
import { offsetOfCursor, pageOf, pageQueryFields, rowsToRead } from "../page-cursor.js";
import type { AppEnv, ServerContext } from "../server-context.js";

const ROLES = ["admin", "operations", "customer"] as const;

const ProjectSchema = z
  .object({
    id: z.string().openapi({ example: "SI0001" }),
    customer_id: z.string(),
    name: z.string(),
    kind: z.enum(PROJECT_KINDS as ["construction", "operation"]),
    recognition: z.string(),
    ordered_on: z.string(),
    order_value_yen: z.number().int(),
    follows_project_id: z.string().nullable(),
    accepted_on: z.string().nullable(),
    starts_on: z.string().nullable(),
    ends_on: z.string().nullable(),
    monthly_fee_yen: z.number().int().nullable(),
  })
  .openapi("Project");

const ProjectDetailSchema = ProjectSchema.extend({
  progress: z.array(z.object({ reported_on: z.string(), percent_complete: z.number() })),
  percent_complete: z
    .number()
    .nullable()
    .openapi({ description: "Construction projects: the latest report (100 once accepted)." }),
  followed_by: z.array(z.string()).openapi({ description: "O&M projects that follow this one." }),
}).openapi("ProjectDetail");

const BacklogSchema = z
  .object({
    on: z.string(),
    construction_yen: z.number().int(),
    operation_yen: z.number().int(),
    equipment_yen: z
      .number()
      .int()
      .openapi({ description: "The part of construction that is equipment orders." }),
  })
  .openapi("OrderBacklog");

const listRoute = createRoute({
  method: "get",
  path: "/api/v1/projects",
  tags: ["Projects"],
  summary: "SI projects by order date",
  description: "A customer token sees only its own projects.",
  ...guarded(ROLES),
  request: {
    query: z.object({
      customer: z.string().optional(),
      kind: z.enum(PROJECT_KINDS as ["construction", "operation"]).optional(),
      ...pageQueryFields,
    }),
  },
  responses: {
    200: jsonContent(pageSchema(ProjectSchema, "ProjectPage"), "A page of projects."),
    ...ERROR_RESPONSES,
  },
});

const backlogRoute = createRoute({
  method: "get",
  path: "/api/v1/projects/backlog",
  tags: ["Projects"],
  summary: "Order backlog at the end of a date",
  ...guarded(["admin", "operations", "finance"]),
  request: { query: z.object({ on: isoDate.openapi({ example: "2012-09-30" }) }) },
  responses: { 200: jsonContent(BacklogSchema, "The backlog in yen."), ...ERROR_RESPONSES },
});

const showRoute = createRoute({
  method: "get",
  path: "/api/v1/projects/{id}",
  tags: ["Projects"],
  summary: "One SI project with its progress reports",
  ...guarded(ROLES),
  request: { params: z.object({ id: z.string() }) },
  responses: { 200: jsonContent(ProjectDetailSchema, "The project."), ...ERROR_RESPONSES },
});

export function registerProjectRoutes(app: OpenAPIHono<AppEnv>, context: ServerContext): void {
  const { db } = context.store;

  // Before /projects/{id}, so that "backlog" is not taken for an id.
  app.openapi(backlogRoute, async (c) => {
    const { on } = c.req.valid("query");
    const totals = await backlogOn(db, on);
    return c.json(
      {
        on,
        construction_yen: Number(totals.construction),
        operation_yen: Number(totals.operation),
        equipment_yen: Number(totals.equipment),
      },
      200,
    );
  });

  app.openapi(listRoute, async (c) => {
    const query = c.req.valid("query");
    const scope = customerScope(c.get("principal"));
    if (scope !== null && query.customer !== undefined && query.customer !== scope) {
      throw new ApiError("NOT_FOUND", `There is no customer "${query.customer}".`, "customer");
    }
    const offset = offsetOfCursor(query.cursor);
    const projects = await listProjects(db, {
      customerId: scope ?? query.customer,
      kind: query.kind,
      limit: rowsToRead(offset, query.limit),
    });
    const page = pageOf(projects, offset, query.limit);
    return c.json({ items: page.items.map(projectJson), next_cursor: page.next_cursor }, 200);
  });

  app.openapi(showRoute, async (c) => {
    const { id } = c.req.valid("param");
    const project = await findProject(db, id);
    if (!project || !maySeeCustomer(c.get("principal"), project.customerId)) {
      throw new ApiError("NOT_FOUND", `There is no project "${id}".`);
    }
    const [reports, following] = await Promise.all([
      progressReportsOf(db, [id]),
      followingProjects(db, id),
    ]);
    const progress = reports.get(id) ?? [];
    const latest = progress.at(-1)?.reportedOn ?? project.orderedOn;
    const asOf = project.acceptedOn && project.acceptedOn > latest ? project.acceptedOn : latest;
    return c.json(
      {
        ...projectJson(project),
        progress: progress.map((r) => ({
          reported_on: r.reportedOn,
          percent_complete: r.percentComplete.toNumber(),
        })),
        percent_complete:
          project.kind === "construction"
            ? percentCompleteOn(project, progress, asOf).toNumber()
            : null,
        followed_by: following.map((p) => p.id),
      },
      200,
    );
  });
}

function projectJson(project: SiProject) {
  return {
    id: project.id,
    customer_id: project.customerId,
    name: project.name,
    kind: project.kind,
    recognition: project.recognition,
    ordered_on: project.orderedOn,
    order_value_yen: Number(project.orderValueYen),
    follows_project_id: project.followsProjectId,
    accepted_on: project.acceptedOn,
    starts_on: project.startsOn,
    ends_on: project.endsOn,
    monthly_fee_yen: project.monthlyFeeYen === null ? null : Number(project.monthlyFeeYen),
  };
}
