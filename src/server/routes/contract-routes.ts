import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { customerScope, maySeeCustomer, type Principal } from "../../access/index.js";
import { listPlans, productLinesMatching } from "../../catalog/index.js";
import {
  CONTRACT_STATUSES,
  type ContractEvent,
  type ContractState,
  type ContractStatus,
  contractStateOn,
  findContractHistory,
  latestContractState,
  listContracts,
} from "../../contracts/index.js";
import { isUplinkError, type Money } from "../../core/index.js";
import {
  contractOwners,
  isUsageMonth,
  MISSING,
  monthBlocks,
  monthlyPercentileOf,
  SLOTS_PER_DAY,
  WINDOW_SECONDS,
} from "../../metering/index.js";
import type { Store } from "../../store/index.js";
import { ERROR_RESPONSES, isoDate, jsonContent, MoneySchema, pageSchema } from "../api-schemas.js";
import { guarded } from "../authentication.js";
import { ApiError } from "../http-error.js";
import { offsetOfCursor, pageOf, pageQueryFields, rowsToRead } from "../page-cursor.js";
import type { AppEnv, ServerContext } from "../server-context.js";

const ROLES = ["admin", "operations", "customer"] as const;

const ContractSchema = z
  .object({
    id: z.string().openapi({ example: "CT000001" }),
    customer_id: z.string(),
    plan_id: z.string(),
    line: z.string().nullable().openapi({ description: "The plan's product line." }),
    price_book: z.string(),
    status: z.enum(CONTRACT_STATUSES as [ContractStatus, ...ContractStatus[]]),
    bandwidth_mbps: z.number().nullable(),
    quantity: z.number().int(),
    monthly_fee: MoneySchema.nullable().openapi({
      description: "The agreed fee when it overrides the price book; null: list price.",
    }),
    ordered_on: z.string(),
    activated_on: z.string().nullable(),
    changed_on: z.string().nullable(),
    cancelled_on: z.string().nullable(),
    on: z.string().nullable().openapi({ description: "The date folded to; null: now." }),
  })
  .openapi("Contract");

const ContractEventSchema = z
  .object({
    effective_date: z.string(),
    event: z.enum(["ordered", "activated", "changed", "cancelled"]),
    bandwidth_mbps: z.number().nullable(),
    quantity: z.number().nullable(),
    monthly_fee: MoneySchema.nullable(),
    note: z.string(),
  })
  .openapi("ContractEvent");

const ContractDetailSchema = ContractSchema.extend({
  history: z.array(ContractEventSchema),
}).openapi("ContractDetail");

const UsageSchema = z
  .object({
    contract_id: z.string(),
    month: z.string().openapi({ example: "2012-09" }),
    interval_seconds: z.literal(WINDOW_SECONDS),
    start: z.string().openapi({ description: "ISO time of the first window (UTC)." }),
    in_bps: z.array(z.number().nullable()),
    out_bps: z.array(z.number().nullable()),
    percentile_95: z.object({
      in_bps: z.number().nullable(),
      out_bps: z.number().nullable(),
      billed_bps: z.number().nullable(),
      samples: z.number().int(),
    }),
  })
  .openapi("ContractUsage");

const idParam = z.object({ id: z.string().openapi({ example: "CT000001" }) });

const listRoute = createRoute({
  method: "get",
  path: "/api/v1/contracts",
  tags: ["Contracts"],
  summary: "Contracts as they stand on a date, filtered",
  description: "A customer token sees only its own contracts.",
  ...guarded(ROLES),
  request: {
    query: z.object({
      customer: z.string().optional(),
      line: z.string().optional().openapi({
        description: "A product line id, or a revenue metric like revenue.network.wan.",
      }),
      status: z.enum(CONTRACT_STATUSES as [ContractStatus, ...ContractStatus[]]).optional(),
      on: isoDate.optional(),
      ...pageQueryFields,
    }),
  },
  responses: {
    200: jsonContent(pageSchema(ContractSchema, "ContractPage"), "A page of contracts."),
    ...ERROR_RESPONSES,
  },
});

const showRoute = createRoute({
  method: "get",
  path: "/api/v1/contracts/{id}",
  tags: ["Contracts"],
  summary: "One contract: its state and its whole event history",
  ...guarded(ROLES),
  request: { params: idParam, query: z.object({ on: isoDate.optional() }) },
  responses: { 200: jsonContent(ContractDetailSchema, "The contract."), ...ERROR_RESPONSES },
});

const usageRoute = createRoute({
  method: "get",
  path: "/api/v1/contracts/{id}/usage",
  tags: ["Usage"],
  summary: "A contract's 5-minute traffic of a month and its 95th percentile",
  ...guarded(ROLES),
  request: {
    params: idParam,
    query: z.object({ month: z.string().openapi({ example: "2012-09" }) }),
  },
  responses: {
    200: jsonContent(UsageSchema, "Rates per window (null where missing)."),
    ...ERROR_RESPONSES,
  },
});

export function registerContractRoutes(app: OpenAPIHono<AppEnv>, context: ServerContext): void {
  const { store } = context;

  app.openapi(listRoute, async (c) => {
    const query = c.req.valid("query");
    const principal = c.get("principal");
    const scope = customerScope(principal);
    const offset = offsetOfCursor(query.cursor);
    if (scope !== null && query.customer !== undefined && query.customer !== scope) {
      throw new ApiError("NOT_FOUND", `There is no customer "${query.customer}".`, "customer");
    }
    let lineIds: string[] | undefined;
    if (query.line) {
      try {
        lineIds = productLinesMatching(query.line).map((l) => l.id);
      } catch (error) {
        if (isUplinkError(error)) throw new ApiError("INVALID_INPUT", error.message, "line");
        throw error;
      }
    }
    const [states, lineOf] = await Promise.all([
      listContracts(store.db, {
        customerId: scope ?? query.customer,
        lineIds,
        status: query.status,
        on: query.on,
        limit: rowsToRead(offset, query.limit),
      }),
      planLines(store),
    ]);
    const page = pageOf(states, offset, query.limit);
    return c.json(
      {
        items: page.items.map((s) => contractJson(s, lineOf, query.on ?? null)),
        next_cursor: page.next_cursor,
      },
      200,
    );
  });

  app.openapi(showRoute, async (c) => {
    const { id } = c.req.valid("param");
    const { on } = c.req.valid("query");
    const history = await findContractHistory(store.db, id);
    if (!maySeeCustomer(c.get("principal"), history.customerId)) throw notFound(id);
    const state =
      on === undefined ? latestContractState(history.events) : contractStateOn(history.events, on);
    if (!state) {
      throw new ApiError("NOT_FOUND", `The contract ${id} was not yet ordered on ${on}.`, "on");
    }
    const lineOf = await planLines(store);
    return c.json(
      { ...contractJson(state, lineOf, on ?? null), history: history.events.map(eventJson) },
      200,
    );
  });

  app.openapi(usageRoute, async (c) => {
    const { id } = c.req.valid("param");
    const { month } = c.req.valid("query");
    if (!isUsageMonth(month)) {
      throw new ApiError(
        "INVALID_INPUT",
        `"${month}" is not a month; write YYYY-MM, e.g. 2012-09.`,
        "month",
      );
    }
    await requireVisibleContract(store, c.get("principal"), id);
    const blocks = await monthBlocks(store.db, id, month);
    const reading = monthlyPercentileOf(id, month, blocks);
    const { inBps, outBps } = monthSeries(month, reading.windows, blocks);
    return c.json(
      {
        contract_id: id,
        month,
        interval_seconds: WINDOW_SECONDS,
        start: `${month}-01T00:00:00.000Z`,
        in_bps: inBps,
        out_bps: outBps,
        percentile_95: {
          in_bps: reading.inBps,
          out_bps: reading.outBps,
          billed_bps: reading.billedBps,
          samples: reading.inSamples,
        },
      },
      200,
    );
  });
}

/**
 * The contract's customer, checked against the caller: a contract that does not exist and one of
 * another customer give the same 404.
 */
export async function requireVisibleContract(
  store: Store,
  principal: Principal,
  contractId: string,
  field: string | null = null,
): Promise<string> {
  const owner = (await contractOwners(store.db, [contractId])).get(contractId);
  if (owner === undefined || !maySeeCustomer(principal, owner)) throw notFound(contractId, field);
  return owner;
}

/** The month's windows in order, each port summed, null where no port has a sample. */
function monthSeries(
  month: string,
  windows: number,
  blocks: readonly { day: string; inBps: Float64Array; outBps: Float64Array }[],
): { inBps: (number | null)[]; outBps: (number | null)[] } {
  const inBps: (number | null)[] = new Array(windows).fill(null);
  const outBps: (number | null)[] = new Array(windows).fill(null);
  for (const block of blocks) {
    const dayOfMonth = Number(block.day.slice(8, 10)) - 1;
    if (block.day.slice(0, 7) !== month) continue;
    const offset = dayOfMonth * SLOTS_PER_DAY;
    for (let slot = 0; slot < SLOTS_PER_DAY; slot++) {
      const rateIn = block.inBps[slot]!;
      if (rateIn === MISSING) continue;
      const at = offset + slot;
      inBps[at] = (inBps[at] ?? 0) + rateIn;
      outBps[at] = (outBps[at] ?? 0) + block.outBps[slot]!;
    }
  }
  return { inBps, outBps };
}

async function planLines(store: Store): Promise<Map<string, string>> {
  return new Map((await listPlans(store.db)).map((p) => [p.id, p.lineId]));
}

function notFound(id: string, field: string | null = null): ApiError {
  return new ApiError("NOT_FOUND", `There is no contract "${id}".`, field);
}

function moneyJson(m: Money | null) {
  return m === null ? null : { amount: Number(m.amount), currency: m.currency };
}

function contractJson(
  state: ContractState,
  lineOf: ReadonlyMap<string, string>,
  on: string | null,
) {
  return {
    id: state.contractId,
    customer_id: state.customerId,
    plan_id: state.planId,
    line: lineOf.get(state.planId) ?? null,
    price_book: state.priceBookId,
    status: state.status,
    bandwidth_mbps: state.bandwidthMbps,
    quantity: state.quantity,
    monthly_fee: moneyJson(state.monthlyFee),
    ordered_on: state.orderedOn,
    activated_on: state.activatedOn,
    changed_on: state.changedOn,
    cancelled_on: state.cancelledOn,
    on,
  };
}

function eventJson(event: ContractEvent) {
  return {
    effective_date: event.effectiveDate,
    event: event.kind,
    bandwidth_mbps: event.bandwidthMbps,
    quantity: event.quantity,
    monthly_fee: moneyJson(event.monthlyFee),
    note: event.note,
  };
}
