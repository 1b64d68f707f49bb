// Reads fields of loosely typed API records, accepting snake_case or camelCase names, so that a
// list shows what the server sent without the page breaking over a renamed or extra field.

import type { ApiRecord } from "./api-types.js";

function pick(record: ApiRecord, names: string[]): unknown {
  for (const name of names) {
    const value = record[name];
    if (value !== undefined && value !== null) return value;
  }
  return null;
}

export function textField(record: ApiRecord, ...names: string[]): string | null {
  const value = pick(record, names);
  if (value === null) return null;
  return typeof value === "object" ? JSON.stringify(value) : String(value);
}

export function numberField(record: ApiRecord, ...names: string[]): number | null {
  const value = pick(record, names);
  if (typeof value === "number") return value;
  if (typeof value === "string" && value.trim() !== "" && Number.isFinite(Number(value))) {
    return Number(value);
  }
  return null;
}

/** A money field: `{amount, currency}`, or an amount with a currency field beside it. */
export function moneyField(
  record: ApiRecord,
  names: string[],
  currencyNames: string[] = ["currency"],
): { amount: string | number; currency: string } | null {
  const value = pick(record, names);
  const currency = textField(record, ...currencyNames) ?? "JPY";
  if (value === null) return null;
  if (typeof value === "object") {
    const money = value as { amount?: unknown; currency?: unknown };
    if (money.amount === undefined || money.amount === null) return null;
    return {
      amount: String(money.amount),
      currency: typeof money.currency === "string" ? money.currency : currency,
    };
  }
  return { amount: typeof value === "number" ? value : String(value), currency };
}

export function recordField(record: ApiRecord, ...names: string[]): ApiRecord | null {
  const value = pick(record, names);
  return value && typeof value === "object" && !Array.isArray(value) ? (value as ApiRecord) : null;
}

export function listField(record: ApiRecord, ...names: string[]): ApiRecord[] {
  const value = pick(record, names);
  return Array.isArray(value) ? (value as ApiRecord[]) : [];
}
