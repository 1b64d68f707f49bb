// Five-minute sample windows. A UTC day has 288 of them, numbered 0 (00:00–00:05) to 287
// (23:55–24:00); a rate sample is labelled by the start of its window. Days and months are UTC,
// computed from integers, so no time zone or clock can move a sample into another day.

export const WINDOW_SECONDS = 300;
export const WINDOW_MS = WINDOW_SECONDS * 1000;
export const SLOTS_PER_DAY = 288;
const DAY_MS = 86_400_000;

/** A window: the UTC day it lies in (`YYYY-MM-DD`) and its slot in that day, 0..287. */
export interface SampleWindow {
  readonly day: string;
  readonly slot: number;
}

// ISO 8601 in UTC: date, hours and minutes, optional seconds and fraction, then "Z" or "+00:00".
const UTC_TIMESTAMP =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3})\d*)?)?(?:Z|\+00:00)$/;

/**
 * Milliseconds since the epoch of an ISO timestamp written in UTC (`2012-09-01T00:05:00Z`), or
 * null when the text is not one or names no existing instant (Feb 30, 24:00, a local offset).
 */
export function parseUtcTimestamp(text: string): number | null {
  const match = UTC_TIMESTAMP.exec(text);
  if (!match) return null;
  const [year, month, day, hour, minute, second] = match
    .slice(1, 7)
    .map((part) => Number(part ?? 0));
  const millis = Number((match[7] ?? "").padEnd(3, "0"));
  const ms = Date.UTC(year!, month! - 1, day!, hour!, minute!, second!, millis);
  const check = new Date(ms);
  if (
    year! < 1000 ||
    check.getUTCFullYear() !== year ||
    check.getUTCMonth() !== month! - 1 ||
    check.getUTCDate() !== day ||
    check.getUTCHours() !== hour ||
    check.getUTCMinutes() !== minute ||
    check.getUTCSeconds() !== second
  ) {
    return null;
  }
  return ms;
}

/** The window that contains an instant. */
export function windowContaining(epochMs: number): SampleWindow {
  const dayIndex = Math.floor(epochMs / DAY_MS);
  return {
    day: dayFromIndex(dayIndex),
    slot: Math.floor((epochMs - dayIndex * DAY_MS) / WINDOW_MS),
  };
}

/** Whether an instant is exactly the start of a window (hh:m0 or hh:m5, zero seconds). */
export function isWindowStart(epochMs: number): boolean {
  return epochMs % WINDOW_MS === 0;
}

/** The start of a window, in milliseconds since the epoch. */
export function windowStart(window: SampleWindow): number {
  return dayIndexOf(window.day) * DAY_MS + window.slot * WINDOW_MS;
}

/** Days since 1970-01-01 of a `YYYY-MM-DD` day. */
export function dayIndexOf(day: string): number {
  return (
    Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))) /
    DAY_MS
  );
}

export function dayFromIndex(dayIndex: number): string {
  return new Date(dayIndex * DAY_MS).toISOString().slice(0, 10);
}

/** Whether `text` is an existing `YYYY-MM` month. */
export function isUsageMonth(text: string): boolean {
  const match = /^(\d{4})-(\d{2})$/.exec(text);
  return (
    match !== null && Number(match[1]) >= 1000 && Number(match[2]) >= 1 && Number(match[2]) <= 12
  );
}

/** Whether `text` is an existing `YYYY-MM-DD` day. */
export function isUsageDay(text: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(text) && parseUtcTimestamp(`${text}T00:00Z`) !== null;
}

/** The days of a `YYYY-MM` month, in order. */
export function daysOfMonth(month: string): string[] {
  const first = dayIndexOf(`${month}-01`);
  const year = Number(month.slice(0, 4));
  const monthIndex = Number(month.slice(5, 7));
  const next = Date.UTC(year, monthIndex, 1) / DAY_MS;
  const days: string[] = [];
  for (let d = first; d < next; d++) days.push(dayFromIndex(d));
  return days;
}
