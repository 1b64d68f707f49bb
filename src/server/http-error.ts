import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { isUplinkError, type UplinkErrorCode } from "../core/index.js";

/** The codes of the API's error bodies: Uplink's own and the few only HTTP has. */
export type ApiErrorCode =
  | UplinkErrorCode
  | "UNAUTHORIZED"
  | "FORBIDDEN"
  | "UNSUPPORTED_MEDIA_TYPE"
  | "PAYLOAD_TOO_LARGE"
  | "METHOD_NOT_ALLOWED";

/** The stable error body: `{"error": {"code", "message", "field"}}`. */
export interface ApiErrorBody {
  error: { code: ApiErrorCode; message: string; field: string | null };
}

/** The one place an error code becomes an HTTP status. */
export const HTTP_STATUS_OF: Readonly<Record<ApiErrorCode, ContentfulStatusCode>> = {
  INVALID_INPUT: 400,
  INVALID_PERIOD: 400,
  UNKNOWN_METRIC: 400,
  CURRENCY_MISMATCH: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  INTERNAL: 500,
  SCHEMA_TOO_NEW: 503,
  STORE_UNAVAILABLE: 503,
};

/** An error the API answers with: its code, message and the field at fault. */
export class ApiError extends Error {
  readonly code: ApiErrorCode;
  readonly field: string | null;

  constructor(code: ApiErrorCode, message: string, field: string | null = null) {
    super(message);
    this.name = "ApiError";
    this.code = code;
    this.field = field;
  }
}

export function errorBody(code: ApiErrorCode, message: string, field: string | null = null) {
  return { error: { code, message, field } } satisfies ApiErrorBody;
}

/**
 * Any thrown value as the status and body the API answers with. An UplinkError keeps its code,
 * message and field; Hono's own exceptions (a body too large, a wrong media type) get theirs;
 * anything else is an INTERNAL error whose details stay in the log.
 */
export function errorResponseOf(error: unknown): {
  status: ContentfulStatusCode;
  body: ApiErrorBody;
  internal: boolean;
} {
  if (error instanceof ApiError) {
    return {
      status: HTTP_STATUS_OF[error.code],
      body: errorBody(error.code, error.message, error.field),
      internal: false,
    };
  }
  if (isUplinkError(error)) {
    const field = error.location?.field ?? null;
    return {
      status: HTTP_STATUS_OF[error.code],
      body: errorBody(error.code, error.message, field),
      internal: error.code === "INTERNAL",
    };
  }
  if (error instanceof HTTPException) {
    const code = codeOfStatus(error.status);
    return {
      status: HTTP_STATUS_OF[code],
      body: errorBody(code, error.message || statusText(error.status)),
      internal: false,
    };
  }
  return {
    status: 500,
    body: errorBody(
      "INTERNAL",
      "The server failed to answer this request; the log has the details.",
    ),
    internal: true,
  };
}

/** Answers with an error body. */
export function sendError(c: Context, error: unknown) {
  const { status, body } = errorResponseOf(error);
  return c.json(body, status);
}

function codeOfStatus(status: number): ApiErrorCode {
  switch (status) {
    case 400:
      return "INVALID_INPUT";
    case 401:
      return "UNAUTHORIZED";
    case 403:
      return "FORBIDDEN";
    case 404:
      return "NOT_FOUND";
    case 405:
      return "METHOD_NOT_ALLOWED";
    case 409:
      return "CONFLICT";
    case 413:
      return "PAYLOAD_TOO_LARGE";
    case 415:
      return "UNSUPPORTED_MEDIA_TYPE";
    default:
      return "INTERNAL";
  }
}

function statusText(status: number): string {
  return status === 413 ? "The request body is too large." : `HTTP ${status}`;
}
