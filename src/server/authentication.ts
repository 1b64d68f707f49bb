import { createMiddleware } from "hono/factory";
import { bearerSecret, principalForSecret, type Role } from "../access/index.js";
import { ApiError } from "./http-error.js";
import type { AppEnv, ServerContext } from "./server-context.js";

/**
 * Every /api route needs `Authorization: Bearer <token>`: a missing, unknown or revoked token is
 * 401 before anything else is looked at.
 */
export function authentication(context: ServerContext) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const secret = bearerSecret(c.req.header("authorization"));
    if (secret === null) {
      c.header("WWW-Authenticate", 'Bearer realm="uplink"');
      throw new ApiError(
        "UNAUTHORIZED",
        "Send an API token as `Authorization: Bearer <token>`; `uplink token create` makes one.",
      );
    }
    const principal = await principalForSecret(context.store.db, secret);
    if (!principal) {
      c.header("WWW-Authenticate", 'Bearer realm="uplink", error="invalid_token"');
      throw new ApiError("UNAUTHORIZED", "The token is unknown or has been revoked.");
    }
    c.set("principal", principal);
    await next();
  });
}

/** A route's guard: the roles that may use it; any other role is 403. */
export function allowRoles(roles: readonly Role[]) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const { role } = c.get("principal");
    if (!roles.includes(role)) {
      throw new ApiError(
        "FORBIDDEN",
        `A ${role} token may not use ${c.req.method} ${c.req.path}; it is for ${roles.join(", ")}.`,
      );
    }
    await next();
  });
}

/** What a guarded route adds to its definition: bearer security, the role check, the roles noted. */
export function guarded(roles: readonly Role[]) {
  return {
    security: [{ bearerAuth: [] }],
    middleware: allowRoles(roles),
    "x-roles": [...roles],
  };
}
