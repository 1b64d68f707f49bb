/**
 * The one error type Uplink raises for anything a user can act on. The code is a closed union so
 * that the CLI and the HTTP layer can map it (to an exit status or an HTTP status) in one place.
 */
export type UplinkErrorCode =
  | "INVALID_INPUT"
  | "INVALID_PERIOD"
  | "UNKNOWN_METRIC"
  | "NOT_FOUND"
  | "CONFLICT"
  | "CURRENCY_MISMATCH"
  | "SCHEMA_TOO_NEW"
  | "STORE_UNAVAILABLE"
  | "INTERNAL";

/** Where in a user's input a problem sits: file, 1-based line, and field (column) name. */
export interface InputLocation {
  readonly file?: string;
  readonly line?: number;
  /** For inputs without lines (a JSON array), the 1-based position of the record. */
  readonly record?: number;
  readonly field?: string;
}

export class UplinkError extends Error {
  readonly code: UplinkErrorCode;
  readonly location: InputLocation | undefined;

  constructor(
    code: UplinkErrorCode,
    message: string,
    options: { cause?: unknown; location?: InputLocation } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "UplinkError";
    this.code = code;
    this.location = options.location;
  }
}

export function isUplinkError(value: unknown): value is UplinkError {
  return value instanceof UplinkError;
}

/** Renders a location the way editors and compilers do: `file:line field`. */
export function formatLocation(location: InputLocation | undefined): string {
  if (!location) return "";
  const parts: string[] = [];
  if (location.file)
    parts.push(location.line ? `${location.file}:${location.line}` : location.file);
  else if (location.line) parts.push(`line ${location.line}`);
  if (location.record) parts.push(`record ${location.record}`);
  if (location.field) parts.push(`field "${location.field}"`);
  return parts.join(", ");
}
