import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { describe, expect, it } from "vitest";
import { responseValidation, validationHook } from "./request-validation.js";
import type { AppEnv } from "./server-context.js";

describe("response validation", () => {
  it("turns an answer that breaks its documented schema into a 500", async () => {
    const app = new OpenAPIHono<AppEnv>();
    const logged: unknown[] = [];
    const context = { logger: { error: (entry: unknown) => logged.push(entry) } };
    app.use("*", responseValidation(app, context as never));
    const route = createRoute({
      method: "get",
      path: "/thing",
      responses: {
        200: {
          description: "A thing.",
          content: { "application/json": { schema: z.object({ count: z.number() }) } },
        },
      },
    });
    let body: unknown = { count: 3 };
    app.openapi(route, (c) => c.json(body as { count: number }, 200));
    expect((await app.request("/thing")).status).toBe(200);
    body = { count: "three" };
    const broken = await app.request("/thing");
    expect(broken.status).toBe(500);
    expect(await broken.json()).toMatchObject({ error: { code: "INTERNAL" } });
    expect(logged).toHaveLength(1);
  });
});

describe("request validation", () => {
  it.each([
    { target: "json", path: ["samples", 3, "in_bps"], field: "samples[3].in_bps" },
    { target: "query", path: ["limit"], field: "limit" },
    { target: "header", path: ["idempotency-key"], field: "Idempotency-Key" },
    { target: "json", path: [], field: null },
  ])("names the $target field $path as $field", ({ target, path, field }) => {
    const parsed = z.object({}).safeParse(1).error!;
    const issue = { ...parsed.issues[0]!, path };
    const error = Object.assign(Object.create(Object.getPrototypeOf(parsed)), parsed, {
      issues: [issue],
    });
    try {
      validationHook({ success: false, error, target });
      expect.unreachable();
    } catch (thrown) {
      expect((thrown as { field: string | null }).field).toBe(field);
    }
  });
});
