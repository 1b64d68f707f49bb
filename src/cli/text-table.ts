/** Plain aligned tables and CSV for the terminal: what every `list` and report prints. */
export interface Column<T> {
  readonly header: string;
  readonly align?: "left" | "right";
  readonly cell: (row: T) => string;
}

export function renderTable<T>(rows: readonly T[], columns: readonly Column<T>[]): string {
  const cells = rows.map((row) => columns.map((column) => column.cell(row)));
  const widths = columns.map((column, i) =>
    Math.max(column.header.length, ...cells.map((line) => line[i]!.length)),
  );
  const pad = (text: string, i: number) =>
    columns[i]!.align === "right" ? text.padStart(widths[i]!) : text.padEnd(widths[i]!);
  const lines = [
    columns.map((column, i) => pad(column.header, i)).join("  "),
    widths.map((width) => "-".repeat(width)).join("  "),
    ...cells.map((line) => line.map(pad).join("  ")),
  ];
  return `${lines.map((line) => line.trimEnd()).join("\n")}\n`;
}

export function renderCsv(
  header: readonly string[],
  rows: readonly (readonly unknown[])[],
): string {
  const field = (value: unknown): string => {
    const text = value === null || value === undefined ? "" : String(value);
    return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  };
  return `${[header, ...rows].map((row) => row.map(field).join(",")).join("\n")}\n`;
}

/** Thousands separators and a fixed number of decimals; an empty cell for no value. */
export function formatNumber(value: number | null | undefined, decimals = 0): string {
  if (value === null || value === undefined) return "";
  return numberFormat(decimals).format(value);
}

// Building a formatter costs far more than using one (ICU set-up): keep one per precision.
const formats = new Map<number, Intl.NumberFormat>();
function numberFormat(decimals: number): Intl.NumberFormat {
  let format = formats.get(decimals);
  if (!format) {
    format = new Intl.NumberFormat("en-US", {
      minimumFractionDigits: decimals,
      maximumFractionDigits: decimals,
    });
    formats.set(decimals, format);
  }
  return format;
}

/** A signed change for a table cell: "+6.9", "-2.0", "" when there is no base. */
export function formatChange(value: number | null | undefined): string {
  if (value === null || value === undefined) return "";
  return `${value > 0 ? "+" : ""}${formatNumber(value, 1)}`;
}
