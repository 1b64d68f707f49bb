import { HTTPException } from "hono/http-exception";
import { describe, expect, it } from "vitest";
import { UplinkError } from "../core/index.js";
import { ApiError, errorResponseOf } from "./http-error.js";

describe("errors as HTTP answers", () => {
  it.each([
    {
      error: new UplinkError("INVALID_INPUT", "bad", { location: { field: "period" } }),
      status: 400,
      field: "period",
    },
    { error: new UplinkError("INVALID_PERIOD", "bad"), status: 400, field: null },
    { error: new UplinkError("UNKNOWN_METRIC", "bad"), status: 400, field: null },
    { error: new UplinkError("NOT_FOUND", "none"), status: 404, field: null },
    { error: new UplinkError("CONFLICT", "clash"), status: 409, field: null },
    { error: new UplinkError("STORE_UNAVAILABLE", "down"), status: 503, field: null },
    { error: new ApiError("UNAUTHORIZED", "who"), status: 401, field: null },
    { error: new ApiError("FORBIDDEN", "no"), status: 403, field: null },
    { error: new HTTPException(413), status: 413, field: null },
    {
      error: new HTTPException(415, { message: "Unsupported Media Type" }),
      status: 415,
      field: null,
    },
  ])("$error.code answers $status with field $field", ({ error, status, field }) => {
    const answer = errorResponseOf(error);
    expect(answer.status).toBe(status);
    expect(answer.body.error.field).toBe(field);
    expect(answer.internal).toBe(false);
  });

  it("hides an unexpected failure's details behind INTERNAL", () => {
    const answer = errorResponseOf(new TypeError("x is undefined at secret.ts:12"));
    expect(answer.status).toBe(500);
    expect(answer.body.error.code).toBe("INTERNAL");
    expect(answer.body.error.message).not.toContain("secret");
    expect(answer.internal).toBe(true);
  });
});
