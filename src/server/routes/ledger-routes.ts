import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { recordAudit } from "../../access/index.js";
import { parseBillingMonth } from "../../billing/index.js";
import { isUplinkError } from "../../core/index.js";
import { bookMonth, isMonthBooked } from "../../flows/index.js";
import {
  type BalanceSheetSummary,
  type CashFlowSummary,
  ledgerTrialBalance,
  monthWindow,
  quarterEndStatements,
} from "../../ledger/index.js";
import { billingMonth, CONFLICT_RESPONSE, ERROR_RESPONSES, jsonContent } from "../api-schemas.js";
import { guarded } from "../authentication.js";
import { ApiError } from "../http-error.js";
import { periodParameter } from "../report-source.js";
import type { AppEnv, ServerContext } from "../server-context.js";

const BalancesSchema = z
  .object({
    period: z.string().openapi({ example: "FY11" }),
    start: z.string(),
    end: z.string(),
    entity: z
      .string()
      .openapi({ description: "`group` (consolidated) or the group company asked for." }),
    balances: z.array(
      z.object({
        account: z.string(),
        balance_yen: z
          .number()
          .int()
          .openapi({ description: "Signed: debit positive, credit negative." }),
      }),
    ),
  })
  .openapi("LedgerBalances");

/** The query both ledger reports take: a period, and optionally one group company. */
function periodAndEntity(example: string) {
  return z.object({
    period: z.string().openapi({ example }),
    entity: z
      .string()
      .optional()
      .openapi({ description: "A group company id; default the group." }),
  });
}

const balancesRoute = createRoute({
  method: "get",
  path: "/api/v1/ledger/balances",
  tags: ["Ledger"],
  summary: "The trial balance of a period, in yen (404 while the ledger holds nothing for it)",
  description:
    "Balance-sheet accounts at the period's end, revenue and expense accounts over the period: the consolidated group, or one group company's books (`entity`).",
  ...guarded(["admin", "finance"]),
  request: { query: periodAndEntity("FY11") },
  responses: { 200: jsonContent(BalancesSchema, "Balances per account."), ...ERROR_RESPONSES },
});

const yen = z.number().int();
const yenLines = z.record(z.string(), yen);

const StatementsSchema = z
  .object({
    period: z.string().openapi({ example: "1H12" }),
    start: z.string(),
    end: z.string(),
    entity: z
      .string()
      .openapi({ description: "`group` (consolidated) or the group company asked for." }),
    quarters: z.array(
      z.object({
        quarter: z.string().openapi({ example: "2Q12" }),
        start: z.string(),
        end: z.string(),
        balance_sheet: z.object({
          date: z.string(),
          lines: yenLines.openapi({
            description:
              "Yen per line: cash, receivables, inventories, prepaid, other_current_assets, property_equipment, goodwill_intangibles, investments, payables, deferred_revenue, tax_payables, borrowings, leases, other_liabilities, common_stock, retained_earnings (with the quarter's profit), accumulated_oci, noncontrolling_interests, other_equity. Assets, liabilities and equity each positive in their usual sense.",
          }),
          current_assets: yen,
          noncurrent_assets: yen,
          total_assets: yen,
          total_liabilities: yen,
          total_equity: yen,
          total_liabilities_and_equity: yen,
          difference: yen.openapi({
            description: "Assets − (liabilities + equity); 0 when it balances.",
          }),
          balances: z.boolean(),
          net_income: yen.openapi({
            description: "The quarter's net income attributable to the parent.",
          }),
        }),
        cash_flow: z.object({
          start: z.string(),
          end: z.string(),
          lines: yenLines.openapi({
            description:
              "Yen per line, inflow positive: net_income (incl. NCI), the working-capital changes, property_equipment, goodwill_intangibles, investments, borrowings, leases, share_capital, dividends (the change in retained earnings the profit does not explain), noncontrolling_interests, other_equity, translation.",
          }),
          operating: yen,
          investing: yen,
          financing: yen,
          translation: yen,
          total: yen,
          cash_at_start: yen,
          cash_at_end: yen,
          change_in_cash: yen,
          difference: yen.openapi({ description: "Total − change in cash; 0 when they agree." }),
          agrees: z.boolean(),
        }),
      }),
    ),
  })
  .openapi("LedgerStatements");

const statementsRoute = createRoute({
  method: "get",
  path: "/api/v1/ledger/statements",
  tags: ["Ledger"],
  summary:
    "Balance-sheet and cash-flow summaries at each quarter end of a period, in yen (404 while the ledger holds nothing for it)",
  description:
    "One entry per quarter (2Q12: one, 1H12: two, FY11: four): the balance sheet at the quarter's end with the check assets = liabilities + equity, and the cash flows by the indirect method from the quarter before, with the check that they add up to the change in cash.",
  ...guarded(["admin", "finance"]),
  request: { query: periodAndEntity("1H12") },
  responses: {
    200: jsonContent(StatementsSchema, "The summaries per quarter end."),
    ...ERROR_RESPONSES,
  },
});

const BooksSchema = z
  .object({
    month: z.string().openapi({ example: "2012-09" }),
    entries: z.number().int().openapi({ description: "The month's journal entries." }),
    posted: z.number().int().openapi({
      description: "Entries posted by this call; 0 when the month was booked already.",
    }),
    unchanged: z.number().int().openapi({ description: "Entries the ledger already held." }),
    lines: z.number().int().openapi({ description: "Journal lines of the month's entries." }),
  })
  .openapi("LedgerBooks");

const bookRoute = createRoute({
  method: "post",
  path: "/api/v1/ledger/books",
  tags: ["Ledger"],
  summary: "Book a billed month: post its journal entries (the monthly close after billing)",
  description:
    "Recognises the month's invoices, credit notes, set-up fees, cost records and deliveries and settles the month before's balances, in one transaction; answers when it is done. Booking a month again posts nothing new (`posted` 0). A 409 for a month not billed yet (or whose run is still going), a month whose billed month before is not booked, or a closed ledger month.",
  ...guarded(["admin", "finance"]),
  request: {
    body: {
      required: true,
      content: { "application/json": { schema: z.object({ month: billingMonth }) } },
    },
  },
  responses: {
    200: jsonContent(BooksSchema, "What the month's books hold and what this call posted."),
    ...ERROR_RESPONSES,
    ...CONFLICT_RESPONSE,
  },
});

const BookedSchema = z
  .object({ month: z.string().openapi({ example: "2012-09" }), booked: z.boolean() })
  .openapi("LedgerBooked");

const bookedRoute = createRoute({
  method: "get",
  path: "/api/v1/ledger/books/{month}",
  tags: ["Ledger"],
  summary: "Whether a month's books have been posted",
  ...guarded(["admin", "finance"]),
  request: { params: z.object({ month: billingMonth.openapi({ example: "2012-09" }) }) },
  responses: {
    200: jsonContent(BookedSchema, "The month and whether it is booked."),
    ...ERROR_RESPONSES,
  },
});

function balanceSheetJson(b: BalanceSheetSummary) {
  return {
    date: b.date,
    lines: yenRecord(b.lines),
    current_assets: Number(b.currentAssets),
    noncurrent_assets: Number(b.nonCurrentAssets),
    total_assets: Number(b.totalAssets),
    total_liabilities: Number(b.totalLiabilities),
    total_equity: Number(b.totalEquity),
    total_liabilities_and_equity: Number(b.totalLiabilitiesAndEquity),
    difference: Number(b.difference),
    balances: b.balances,
    net_income: Number(b.netIncome),
  };
}

function cashFlowJson(c: CashFlowSummary) {
  return {
    start: c.startDate,
    end: c.endDate,
    lines: yenRecord(c.lines),
    operating: Number(c.operating),
    investing: Number(c.investing),
    financing: Number(c.financing),
    translation: Number(c.translation),
    total: Number(c.total),
    cash_at_start: Number(c.cashAtStart),
    cash_at_end: Number(c.cashAtEnd),
    change_in_cash: Number(c.changeInCash),
    difference: Number(c.difference),
    agrees: c.agrees,
  };
}

function yenRecord(lines: Readonly<Record<string, bigint>>): Record<string, number> {
  return Object.fromEntries(Object.entries(lines).map(([k, v]) => [k, Number(v)]));
}

export function registerLedgerRoutes(app: OpenAPIHono<AppEnv>, context: ServerContext): void {
  app.openapi(bookRoute, async (c) => {
    const { month: text } = c.req.valid("json");
    let month: string;
    try {
      month = parseBillingMonth(text);
    } catch (error) {
      if (isUplinkError(error)) throw new ApiError("INVALID_INPUT", error.message, "month");
      throw error;
    }
    const principal = c.get("principal");
    // bookMonth's refusals (not billed, month before not booked, ledger closed) are CONFLICTs the
    // one error handler turns into 409s. The audit record is written in the booking's own
    // transaction, so the books are never posted without it.
    const books = await bookMonth(context.store, month, {
      onBooked: async (tx, outcome) => {
        // Like a billing run already complete, a repeat that changes nothing leaves no record.
        if (outcome.wasBooked && outcome.posted === 0) return;
        await recordAudit(tx, {
          at: context.now().toISOString(),
          actor: { tokenId: principal.tokenId, name: principal.name, role: principal.role },
          requestId: c.get("requestId"),
          method: c.req.method,
          path: c.req.path,
          action: "ledger.book",
          entity: "ledger_month",
          entityId: month,
          customerId: null,
          before: { month, booked: outcome.wasBooked },
          after: { month, booked: true, entries: outcome.entries, posted: outcome.posted },
        });
      },
    });
    return c.json(books, 200);
  });

  app.openapi(bookedRoute, async (c) => {
    const { month } = c.req.valid("param");
    return c.json({ month, booked: await isMonthBooked(context.store.db, month) }, 200);
  });

  app.openapi(balancesRoute, async (c) => {
    const query = c.req.valid("query");
    const period = periodParameter(query.period, "period", context.calendar, { allowMonth: true });
    const window = monthWindow(period, context.calendar);
    const lines = await ledgerTrialBalance(context.store.db, window, query.entity);
    if (lines.length === 0) {
      throw new ApiError(
        "NOT_FOUND",
        `The ledger holds nothing for ${window.label} yet: balances appear once journal entries are posted.`,
        "period",
      );
    }
    return c.json(
      {
        period: window.label,
        start: window.startDate,
        end: window.endDate,
        entity: query.entity ?? "group",
        balances: lines.map((l) => ({ account: l.account, balance_yen: Number(l.balance) })),
      },
      200,
    );
  });

  app.openapi(statementsRoute, async (c) => {
    const query = c.req.valid("query");
    const period = periodParameter(query.period, "period", context.calendar);
    const window = monthWindow(period, context.calendar);
    const statements = await quarterEndStatements(
      context.store.db,
      period,
      context.calendar,
      query.entity,
    );
    const empty = statements.every(
      (q) =>
        q.balanceSheet.placements.length === 0 && q.openingBalanceSheet.placements.length === 0,
    );
    if (empty) {
      throw new ApiError(
        "NOT_FOUND",
        `The ledger holds nothing up to the end of ${window.label} yet: statements appear once journal entries are posted.`,
        "period",
      );
    }
    return c.json(
      {
        period: window.label,
        start: window.startDate,
        end: window.endDate,
        entity: query.entity ?? "group",
        quarters: statements.map((q) => ({
          quarter: q.quarter,
          start: q.startDate,
          end: q.endDate,
          balance_sheet: balanceSheetJson(q.balanceSheet),
          cash_flow: cashFlowJson(q.cashFlow),
        })),
      },
      200,
    );
  });
}
