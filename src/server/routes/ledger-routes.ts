import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { ledgerTrialBalance, monthWindow } from "../../ledger/index.js";
import { ERROR_RESPONSES, jsonContent } from "../api-schemas.js";
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

const balancesRoute = createRoute({
  method: "get",
  path: "/api/v1/ledger/balances",
  tags: ["Ledger"],
  summary: "The trial balance of a period, in yen (404 while the ledger holds nothing for it)",
  description:
    "Balance-sheet accounts at the period's end, revenue and expense accounts over the period: the consolidated group, or one group company's books (`entity`).",
  ...guarded(["admin", "finance"]),
  request: {
    query: z.object({
      period: z.string().openapi({ example: "FY11" }),
      entity: z
        .string()
        .optional()
        .openapi({ description: "A group company id; default the group." }),
    }),
  },
  responses: { 200: jsonContent(BalancesSchema, "Balances per account."), ...ERROR_RESPONSES },
});

export function registerLedgerRoutes(app: OpenAPIHono<AppEnv>, context: ServerContext): void {
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
}
