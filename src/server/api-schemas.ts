import { z } from "@hono/zod-openapi";
import type { ZodType } from "zod";

/** The stable error body of every failure. */
export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: "INVALID_INPUT" }),
      message: z.string().openapi({ example: 'The field "period" is not a fiscal period.' }),
      field: z
        .string()
        .nullable()
        .openapi({ description: "The input at fault, e.g. `period` or `samples[3].in_bps`." }),
    }),
  })
  .openapi("Error");

const errorContent = { "application/json": { schema: ErrorSchema } };

/** The error answers every guarded route may give. */
export const ERROR_RESPONSES = {
  400: { description: "Bad input; `field` names it.", content: errorContent },
  401: { description: "No valid bearer token.", content: errorContent },
  403: { description: "The token's role may not use this route.", content: errorContent },
  404: {
    description: "No such record, or one the token's customer may not see.",
    content: errorContent,
  },
} as const;

export const CONFLICT_RESPONSE = {
  409: { description: "The write conflicts with what is stored.", content: errorContent },
} as const;

/** A list page: the items and the cursor of the next page (null on the last). */
export function pageSchema<T extends ZodType>(item: T, name: string) {
  return z
    .object({
      items: z.array(item),
      next_cursor: z
        .string()
        .nullable()
        .openapi({ description: "Pass as `cursor` for the next page; null on the last page." }),
    })
    .openapi(name);
}

/** An amount in integer minor units of its currency (yen have none: 1 = JPY 1). */
export const MoneySchema = z
  .object({
    amount: z.number().int().openapi({ example: 52500 }),
    currency: z.string().openapi({ example: "JPY" }),
  })
  .openapi("Money");

/** JSON content of a schema, for a route's responses. */
export function jsonContent<T extends ZodType>(schema: T, description: string) {
  return { description, content: { "application/json": { schema } } };
}

/** A calendar date written YYYY-MM-DD that exists (no 2012-02-30). */
export const isoDate = z
  .string()
  .refine(isCalendarDate, "Write an existing date as YYYY-MM-DD, e.g. 2012-09-30.");

function isCalendarDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

export const billingMonth = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, "Write a month as YYYY-MM, e.g. 2012-09.");
