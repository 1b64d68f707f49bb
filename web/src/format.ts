// How the dashboard prints figures: JPY million with thousands separators, percentages with one
// decimal, changes with an explicit + or − (a true minus sign), and "—" where there is no value.

const MINUS = "\u2212";
const DASH = "\u2014";

const groupedFormats = new Map<number, Intl.NumberFormat>();

function grouped(decimals: number): Intl.NumberFormat {
  let format = groupedFormats.get(decimals);
  if (!format) {
    format = new Intl.NumberFormat("en-US", {
      minimumFractionDigits: decimals,
      maximumFractionDigits: decimals,
    });
    groupedFormats.set(decimals, format);
  }
  return format;
}

/** A number with thousands separators and a fixed count of decimals; negatives get "−". */
export function formatNumber(value: number | null | undefined, decimals = 0): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return DASH;
  const text = grouped(decimals).format(Math.abs(value));
  return isNegative(value, decimals) ? `${MINUS}${text}` : text;
}

/** Decimals the presentation prints for a unit: 1 for % and Gbps, 2 for per-share yen, else 0. */
export function decimalsOf(unit: string): number {
  if (unit === "%" || unit === "Gbps") return 1;
  if (unit === "JPY") return 2;
  return 0;
}

/** A report value in its unit: "26,267", "20.3%", "1,003.3", "98.68". */
export function formatValue(value: number | null | undefined, unit: string): string {
  const text = formatNumber(value, decimalsOf(unit));
  return unit === "%" && text !== DASH ? `${text}%` : text;
}

/** A value with its unit spelled out, for cards and tooltips: "¥26,267 m", "1,003.3 Gbps". */
export function formatWithUnit(value: number | null | undefined, unit: string): string {
  const text = formatValue(value, unit);
  if (text === DASH) return text;
  switch (unit) {
    case "JPY million":
      return `¥${text}m`;
    case "JPY":
      return `¥${text}`;
    case "Gbps":
      return `${text} Gbps`;
    default:
      return text;
  }
}

/** A change in percent: "+10.2%", "−7.3%", "0.0%". */
export function formatChangePct(value: number | null | undefined): string {
  return signed(value, 1, "%");
}

/** A change of a ratio in percentage points: "+0.4 pp". */
export function formatChangePp(value: number | null | undefined): string {
  return signed(value, 1, " pp");
}

/** A difference in the line's unit, signed: "+35", "−3.3", "+0.4 pp" for a ratio. */
export function formatDifference(value: number | null | undefined, unit: string): string {
  return signed(value, decimalsOf(unit), unit === "%" ? " pp" : "");
}

/** "up", "down" or "flat" for colouring a change; "none" when there is no change to show. */
export function changeDirection(value: number | null | undefined): "up" | "down" | "flat" | "none" {
  if (value === null || value === undefined || !Number.isFinite(value)) return "none";
  if (Math.abs(value) < 0.05) return "flat";
  return value > 0 ? "up" : "down";
}

/**
 * Whether a change is good news: a rise in revenue or income is, a rise in a cost or an expense
 * is not. "neutral" when the direction carries no judgement (flat, or nothing to compare).
 */
export function changeTone(
  value: number | null | undefined,
  risingIsGood: boolean,
): "good" | "bad" | "neutral" {
  const direction = changeDirection(value);
  if (direction === "up") return risingIsGood ? "good" : "bad";
  if (direction === "down") return risingIsGood ? "bad" : "good";
  return "neutral";
}

const COST_PREFIXES = [
  "cost.",
  "sga.",
  "ratio.sga",
  "income_tax",
  "noncontrolling_interests",
  "personnel_costs",
  "ratio.personnel_costs",
];

/** Costs and expenses: a rise in them is bad news. */
export function risingIsGood(metric: string): boolean {
  return !COST_PREFIXES.some((prefix) => metric === prefix || metric.startsWith(prefix));
}

/**
 * An amount of money given in minor units (yen, cents) as an integer or integer text, or in major
 * units as decimal text ("1234.50"): "¥1,234,567", "$12.50".
 */
export function formatMoney(amount: number | string | null | undefined, currency: string): string {
  if (amount === null || amount === undefined || amount === "") return DASH;
  const digits = minorDigits(currency);
  const text = String(amount);
  const major = text.includes(".") ? Number(text) : Number(text) / 10 ** digits;
  if (!Number.isFinite(major)) return text;
  const body = grouped(digits).format(Math.abs(major));
  const symbol = CURRENCY_SYMBOLS[currency] ?? `${currency} `;
  return `${major < 0 ? MINUS : ""}${symbol}${body}`;
}

/** A bit rate in the largest unit that keeps it readable: "812.4 Mbps", "1.25 Gbps". */
export function formatBitRate(bps: number | null | undefined): string {
  if (bps === null || bps === undefined || !Number.isFinite(bps)) return DASH;
  if (Math.abs(bps) >= 1e9) return `${formatNumber(bps / 1e9, 2)} Gbps`;
  if (Math.abs(bps) >= 1e6) return `${formatNumber(bps / 1e6, 1)} Mbps`;
  if (Math.abs(bps) >= 1e3) return `${formatNumber(bps / 1e3, 1)} kbps`;
  return `${formatNumber(bps, 0)} bps`;
}

/** A contracted bandwidth given in Mbps: "100 Mbps", "10 Gbps". */
export function formatMbps(mbps: number | null | undefined): string {
  if (mbps === null || mbps === undefined || !Number.isFinite(mbps)) return DASH;
  if (mbps >= 1000) return `${formatNumber(mbps / 1000, mbps % 1000 === 0 ? 0 : 1)} Gbps`;
  return `${formatNumber(mbps, mbps % 1 === 0 ? 0 : 1)} Mbps`;
}

const ACRONYMS = new Set([
  "ip",
  "it",
  "si",
  "atm",
  "wan",
  "dsl",
  "lte",
  "dc",
  "nci",
  "sga",
  "rnd",
  "jpy",
  "usd",
]);

const INDUSTRIES: Record<string, string> = {
  communication_it: "Communication/IT",
  media_service: "Media/Service",
  financial: "Financial sector",
  machinery_manufacturing: "Machinery/Manufacturing",
  government_public: "Government/Public sector",
  retail: "Retail",
  construction: "Construction",
};

/** A snake_case or dotted identifier as words: "ip_service" → "IP service". */
export function humanize(id: string): string {
  const words = id
    .replace(/[._]+/g, " ")
    .trim()
    .split(/\s+/)
    .map((word) => (ACRONYMS.has(word.toLowerCase()) ? word.toUpperCase() : word));
  const text = words.join(" ");
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** An industry id as the presentation names it: "communication_it" → "Communication/IT". */
export function industryLabel(id: string | null): string {
  if (!id) return "\u2014";
  return INDUSTRIES[id] ?? humanize(id);
}

const CURRENCY_SYMBOLS: Record<string, string> = { JPY: "¥", USD: "$", CNY: "CN¥", THB: "฿" };

function minorDigits(currency: string): number {
  return currency === "JPY" ? 0 : 2;
}

function signed(value: number | null | undefined, decimals: number, suffix: string): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return DASH;
  const text = grouped(decimals).format(Math.abs(value));
  if (Number(text.replace(/,/g, "")) === 0) return `${text}${suffix}`;
  return `${value > 0 ? "+" : MINUS}${text}${suffix}`;
}

function isNegative(value: number, decimals: number): boolean {
  return value < 0 && Number(Math.abs(value).toFixed(decimals)) !== 0;
}
