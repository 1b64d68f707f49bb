// Talks to the Uplink API and nothing else: adds the bearer token, turns error bodies into
// ApiError, and tells the page when the token is refused (401) so it can go back to sign-in.

import type { ApiErrorBody } from "./api-types.js";

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field: string | null = null,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

export type QueryValue = string | number | null | undefined;

export class ApiClient {
  constructor(
    private readonly token: string,
    private readonly onUnauthorized: (error: ApiError) => void = () => {},
    private readonly base = "/api/v1",
  ) {}

  /** GETs a resource; leaves out query parameters that are empty. */
  async get<T>(path: string, query: Record<string, QueryValue> = {}): Promise<T> {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) {
      if (value !== null && value !== undefined && value !== "") params.set(key, String(value));
    }
    const search = params.size > 0 ? `?${params.toString()}` : "";
    let response: Response;
    try {
      response = await fetch(`${this.base}${path}${search}`, {
        headers: { Authorization: `Bearer ${this.token}`, Accept: "application/json" },
      });
    } catch (cause) {
      throw new ApiError(0, "UNREACHABLE", `The server did not answer (${String(cause)}).`);
    }
    if (response.ok) return (await response.json()) as T;
    const error = await errorOf(response);
    if (response.status === 401) this.onUnauthorized(error);
    throw error;
  }
}

async function errorOf(response: Response): Promise<ApiError> {
  let body: ApiErrorBody | null = null;
  try {
    body = (await response.json()) as ApiErrorBody;
  } catch {
    body = null;
  }
  const code = body?.error?.code ?? `HTTP_${response.status}`;
  const message = body?.error?.message ?? `${response.status} ${response.statusText}`.trim();
  return new ApiError(response.status, code, message, body?.error?.field ?? null);
}
