import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { maySeeCustomer, recordAudit } from "../../access/index.js";
import { isUplinkError } from "../../core/index.js";
import {
  blocksFromSamples,
  contractOwners,
  sampleFromRaw,
  type UsageSample,
  writeSampleBatch,
} from "../../metering/index.js";
import { CONFLICT_RESPONSE, ERROR_RESPONSES, jsonContent } from "../api-schemas.js";
import { guarded } from "../authentication.js";
import { ApiError } from "../http-error.js";
import type { AppEnv, ServerContext } from "../server-context.js";

/** The most samples one batch may carry: a month of 5-minute windows for 20 contracts. */
export const MAX_BATCH_SAMPLES = 200_000;

const rate = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

const SampleSchema = z
  .object({
    contract_id: z.string().min(1).openapi({ example: "CT000001" }),
    timestamp: z.string().openapi({
      example: "2012-09-01T00:05:00Z",
      description: "Start of the 5-minute window, UTC.",
    }),
    in_bps: rate.openapi({ example: 1200000 }),
    out_bps: rate.openapi({ example: 800000 }),
  })
  .openapi("UsageSample");

const BatchSchema = z
  .object({ samples: z.array(SampleSchema).min(1).max(MAX_BATCH_SAMPLES) })
  .openapi("UsageBatch");

const batchRoute = createRoute({
  method: "post",
  path: "/api/v1/usage/batches",
  tags: ["Usage"],
  summary: "Store a batch of 5-minute traffic samples, once",
  description:
    "The `Idempotency-Key` names the batch: sent again with the same key and content it is stored once (200, repeated); the same key with other content is a 409. A bad sample is a 400 naming it (`samples[3].in_bps`) and nothing of the batch is written. A customer token may send samples of its own contracts only.",
  ...guarded(["admin", "operations", "customer"]),
  request: {
    headers: z.object({
      "idempotency-key": z.string().min(1).max(200).openapi({
        description: "Names the batch (Idempotency-Key); a retry sends the same key.",
        example: "router-7-2012-09-01T00:05Z",
      }),
    }),
    body: { required: true, content: { "application/json": { schema: BatchSchema } } },
  },
  responses: {
    200: jsonContent(
      z.object({ repeated: z.literal(true), stored: z.number().int() }),
      "This key was stored before; nothing changed.",
    ),
    201: jsonContent(
      z.object({
        repeated: z.literal(false),
        stored: z.number().int().openapi({ description: "Samples new to the store." }),
        unchanged: z.number().int().openapi({ description: "Samples the store held already." }),
      }),
      "Stored.",
    ),
    ...ERROR_RESPONSES,
    ...CONFLICT_RESPONSE,
  },
});

export function registerUsageRoutes(app: OpenAPIHono<AppEnv>, context: ServerContext): void {
  const { db } = context.store;

  app.openapi(batchRoute, async (c) => {
    const key = c.req.valid("header")["idempotency-key"].trim();
    if (key === "")
      throw new ApiError("INVALID_INPUT", "The Idempotency-Key is empty.", "Idempotency-Key");
    const { samples: raw } = c.req.valid("json");
    const samples: UsageSample[] = raw.map((sample, index) => {
      try {
        return sampleFromRaw(
          {
            contract_id: sample.contract_id,
            timestamp: sample.timestamp,
            in_bps: String(sample.in_bps),
            out_bps: String(sample.out_bps),
          },
          {},
        );
      } catch (error) {
        if (isUplinkError(error)) {
          const field = error.location?.field ?? "timestamp";
          throw new ApiError("INVALID_INPUT", error.message, `samples[${index}].${field}`);
        }
        throw error;
      }
    });
    const principal = c.get("principal");
    const owners = await contractOwners(db, new Set(samples.map((s) => s.contractId)));
    samples.forEach((sample, index) => {
      const owner = owners.get(sample.contractId);
      if (owner === undefined || !maySeeCustomer(principal, owner)) {
        throw new ApiError(
          "NOT_FOUND",
          `There is no contract "${sample.contractId}".`,
          `samples[${index}].contract_id`,
        );
      }
    });
    const blocks = blocksFromSamples(samples, (id) => owners.get(id)!);
    const customers = [...new Set(samples.map((s) => owners.get(s.contractId)!))];
    const contracts = [...new Set(samples.map((s) => s.contractId))].sort();
    const outcome = await db.transaction().execute(async (tx) => {
      const written = await writeSampleBatch(tx, { key: `api:${key}`, blocks });
      if (!written.repeated) {
        await recordAudit(tx, {
          at: context.now().toISOString(),
          actor: { tokenId: principal.tokenId, name: principal.name, role: principal.role },
          requestId: c.get("requestId"),
          method: c.req.method,
          path: c.req.path,
          action: "usage_batch.store",
          entity: "usage_batch",
          entityId: key,
          customerId: customers.length === 1 ? customers[0]! : null,
          before: null,
          after: {
            idempotency_key: key,
            samples: samples.length,
            added: written.added,
            unchanged: written.unchanged,
            contracts: contracts.slice(0, 100),
            contract_count: contracts.length,
          },
        });
      }
      return written;
    });
    if (outcome.repeated) return c.json({ repeated: true as const, stored: 0 }, 200);
    return c.json(
      { repeated: false as const, stored: outcome.added, unchanged: outcome.unchanged },
      201,
    );
  });
}
