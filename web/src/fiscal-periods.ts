// The periods the dashboard offers and how they relate: quarters (2Q12), halves (1H12) and fiscal
// years (FY12) of a fiscal year that starts in April, as the presentation names them.

export type PeriodKind = "quarter" | "half" | "year";

export interface Period {
  readonly id: string;
  readonly kind: PeriodKind;
  /** Two-digit fiscal year: 12 for FY2012 (April 2012 – March 2013). */
  readonly year: number;
  /** 1–4 for quarters, 1–2 for halves, 1 for years. */
  readonly index: number;
}

const PATTERN = /^(?:([1-4])Q(\d{2})|([12])H(\d{2})|FY(\d{2}))$/;

/** Reads "2Q12", "1H12" or "FY12"; null for anything else. */
export function parsePeriod(id: string): Period | null {
  const match = PATTERN.exec(id.trim().toUpperCase());
  if (!match) return null;
  if (match[1] && match[2]) return quarter(Number(match[1]), Number(match[2]));
  if (match[3] && match[4]) return half(Number(match[3]), Number(match[4]));
  return year(Number(match[5]));
}

export function quarter(index: number, fiscalYear: number): Period {
  return { id: `${index}Q${pad(fiscalYear)}`, kind: "quarter", year: fiscalYear, index };
}

export function half(index: number, fiscalYear: number): Period {
  return { id: `${index}H${pad(fiscalYear)}`, kind: "half", year: fiscalYear, index };
}

export function year(fiscalYear: number): Period {
  return { id: `FY${pad(fiscalYear)}`, kind: "year", year: fiscalYear, index: 1 };
}

/** Every quarter from `first` to `last`, in order. */
export function quartersBetween(first: Period, last: Period): Period[] {
  const out: Period[] = [];
  for (let ordinal = quarterOrdinal(first); ordinal <= quarterOrdinal(last); ordinal++) {
    out.push(quarter((ordinal % 4) + 1, Math.floor(ordinal / 4)));
  }
  return out;
}

/** The quarters a period covers: 2Q12 → [2Q12]; 1H12 → [1Q12, 2Q12]; FY12 → 1Q12…4Q12. */
export function quartersOf(period: Period): Period[] {
  if (period.kind === "quarter") return [period];
  if (period.kind === "half") {
    const first = period.index * 2 - 1;
    return [quarter(first, period.year), quarter(first + 1, period.year)];
  }
  return [1, 2, 3, 4].map((index) => quarter(index, period.year));
}

/** The half a quarter or half falls in, and the fiscal year of any period. */
export function halfOf(period: Period): Period {
  if (period.kind === "half") return period;
  if (period.kind === "year") return half(1, period.year);
  return half(period.index <= 2 ? 1 : 2, period.year);
}

export function yearOf(period: Period): Period {
  return year(period.year);
}

/** The same quarter, half or year one year earlier: the base of YoY. */
export function yearEarlier(period: Period): Period {
  return {
    ...period,
    id: period.id.replace(/\d{2}$/, pad(period.year - 1)),
    year: period.year - 1,
  };
}

/** The quarter before a quarter (the base of QoQ); null for halves and years. */
export function quarterEarlier(period: Period): Period | null {
  if (period.kind !== "quarter") return null;
  return period.index === 1 ? quarter(4, period.year - 1) : quarter(period.index - 1, period.year);
}

/** The calendar month ("2012-09") a period ends in, for a fiscal year that starts in April. */
export function lastMonthOf(period: Period): string {
  const last = quartersOf(period).at(-1) ?? period;
  const monthIndex = 3 + last.index * 3 - 1; // months counted from January of the fiscal year
  const calendarYear = 2000 + last.year + Math.floor(monthIndex / 12);
  return `${calendarYear}-${String((monthIndex % 12) + 1).padStart(2, "0")}`;
}

/** The fiscal year before this period's. */
export function previousYear(period: Period): Period {
  return year(period.year - 1);
}

/** "2Q FY2012 (Jul–Sep 2012)", the way a reader names the period. */
export function describePeriod(period: Period): string {
  const fy = `FY${2000 + period.year}`;
  const [startMonth, months] =
    period.kind === "quarter"
      ? [3 + (period.index - 1) * 3, 3]
      : period.kind === "half"
        ? [3 + (period.index - 1) * 6, 6]
        : [3, 12];
  const label =
    period.kind === "quarter"
      ? `${period.index}Q ${fy}`
      : period.kind === "half"
        ? `${period.index}H ${fy}`
        : fy;
  return `${label} (${monthSpan(2000 + period.year, startMonth, months)})`;
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

function monthSpan(calendarYear: number, startMonth: number, months: number): string {
  const startYear = calendarYear + Math.floor(startMonth / 12);
  const endIndex = startMonth + months - 1;
  const endYear = calendarYear + Math.floor(endIndex / 12);
  const start = MONTHS[startMonth % 12];
  const end = MONTHS[endIndex % 12];
  return startYear === endYear
    ? `${start}–${end} ${endYear}`
    : `${start} ${startYear} – ${end} ${endYear}`;
}

function quarterOrdinal(period: Period): number {
  const first = quartersOf(period)[0] ?? period;
  return first.year * 4 + (first.index - 1);
}

function pad(fiscalYear: number): string {
  return String(fiscalYear).padStart(2, "0");
}
