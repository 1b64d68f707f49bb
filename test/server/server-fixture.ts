import { createApiToken, LOCAL_ACTOR, type Role } from "../../src/access/index.js";
import { runBilling } from "../../src/billing/index.js";
import { importStandardCatalog } from "../../src/catalog/index.js";
import { type ContractEvent, insertContractEvents } from "../../src/contracts/index.js";
import { Decimal } from "../../src/core/index.js";
import {
  insertCustomerContacts,
  insertCustomers,
  insertGroupCompanies,
} from "../../src/customers/index.js";
import { blocksFromSamples, writeSampleBatch } from "../../src/metering/index.js";
import { insertProjects } from "../../src/operations/index.js";
import { ensureReportedFacts } from "../../src/reporting/index.js";
import { createApp } from "../../src/server/index.js";
import type { Store } from "../../src/store/index.js";

// A small company on a real store: two customers, each with contracts, usage, an SI project and
// an invoice of 2012-09 made by a real billing run, and one token per role (the customer token
// is C00001's). Everything is written through the modules' own repositories and runs.

export const FIXED_NOW = new Date("2012-10-05T09:00:00.000Z");
export const OWN = "C00001";
export const OTHER = "C00002";
export const OWN_CONTRACT = "CT000001";
export const OTHER_CONTRACT = "CT000002";
export const OWN_PROJECT = "SI00001";
export const OTHER_PROJECT = "SI00002";
export const OWN_INVOICE = "INV-2012-09-C00001";
export const OTHER_INVOICE = "INV-2012-09-C00002";

export type Tokens = Record<Role, string>;

export interface ServerFixture {
  readonly app: ReturnType<typeof createApp>["app"];
  readonly context: ReturnType<typeof createApp>["context"];
  readonly tokens: Tokens;
  /** GET (or any method) with a role's token; `token: null` sends none. */
  call(
    path: string,
    options?: {
      role?: Role;
      token?: string | null;
      method?: string;
      body?: unknown;
      headers?: Record<string, string>;
    },
  ): Promise<Response>;
}

export async function seedCompany(store: Store): Promise<void> {
  await ensureReportedFacts(store);
  await importStandardCatalog(store);
  await store.db.transaction().execute(async (tx) => {
    await insertGroupCompanies(tx, [
      {
        id: "G1",
        name: "Uplink Inc.",
        parentId: null,
        ownershipPercent: new Decimal(100),
        functionalCurrency: "JPY",
        consolidatedFrom: "2000-04-01",
        relation: "parent",
      },
    ]);
    await insertCustomers(
      tx,
      [
        { id: OWN, name: "Acme Bank", industry: "financial" as const },
        { id: OTHER, name: "Beta Retail", industry: "retail" as const },
      ].map((c) => ({
        ...c,
        country: "JP",
        groupCompanyId: "G1",
        billingCurrency: "JPY" as const,
        status: "active" as const,
        statusSince: "2010-04-01",
        billingAddress: "1-1 Otemachi, Tokyo",
      })),
    );
    await insertCustomerContacts(tx, [
      { customerId: OWN, name: "Hanako Sato", email: "hanako@acme.example", role: "billing" },
    ]);
    const order = (contractId: string, customerId: string, mbps: number): ContractEvent[] => [
      {
        contractId,
        customerId,
        kind: "ordered",
        effectiveDate: "2012-04-01",
        planId: "ip-service",
        priceBookId: "standard",
        bandwidthMbps: mbps,
        quantity: 1,
        monthlyFee: null,
        note: "",
      },
      {
        contractId,
        customerId,
        kind: "activated",
        effectiveDate: "2012-04-01",
        planId: null,
        priceBookId: null,
        bandwidthMbps: null,
        quantity: null,
        monthlyFee: null,
        note: "",
      },
    ];
    await insertContractEvents(tx, [
      ...order(OWN_CONTRACT, OWN, 100),
      ...order(OTHER_CONTRACT, OTHER, 1000),
    ]);
    await insertProjects(
      tx,
      [
        { id: OWN_PROJECT, customerId: OWN },
        { id: OTHER_PROJECT, customerId: OTHER },
      ].map((p) => ({
        ...p,
        name: `Network build for ${p.customerId}`,
        kind: "construction" as const,
        recognition: "on_acceptance" as const,
        orderedOn: "2012-05-10",
        orderValueYen: 12_000_000n,
        followsProjectId: null,
        acceptedOn: null,
        startsOn: null,
        endsOn: null,
        monthlyFeeYen: null,
      })),
    );
  });
  // Two hours of samples on each contract, on the first day of September.
  const samples = [OWN_CONTRACT, OTHER_CONTRACT].flatMap((contractId, c) =>
    Array.from({ length: 24 }, (_, i) => ({
      contractId,
      day: "2012-09-01",
      slot: i,
      inBps: 1_000_000 * (i + 1) + c,
      outBps: 500_000 * (i + 1),
    })),
  );
  await writeSampleBatch(store.db, {
    key: "fixture",
    blocks: blocksFromSamples(samples, (id) => (id === OWN_CONTRACT ? OWN : OTHER)),
  });
  await runBilling(store.db, { month: "2012-09", now: () => FIXED_NOW });
}

export async function issueTokens(store: Store): Promise<Tokens> {
  const tokens: Partial<Tokens> = {};
  for (const role of ["admin", "finance", "operations", "customer"] as const) {
    const { secret } = await createApiToken(store.db, {
      role,
      customerId: role === "customer" ? OWN : undefined,
      name: `${role} test token`,
      now: FIXED_NOW.toISOString(),
      actor: LOCAL_ACTOR,
    });
    tokens[role] = secret;
  }
  return tokens as Tokens;
}

export async function serverFixture(store: Store): Promise<ServerFixture> {
  await seedCompany(store);
  const tokens = await issueTokens(store);
  const { app, context } = createApp({
    store,
    now: () => FIXED_NOW,
    webRoot: null,
    validateResponses: true,
    reportCacheMs: 0,
  });
  return {
    app,
    context,
    tokens,
    call: (path, options = {}) => {
      const headers: Record<string, string> = { ...options.headers };
      const token = options.token === undefined ? tokens[options.role ?? "admin"] : options.token;
      if (token !== null) headers.Authorization = `Bearer ${token}`;
      let body: string | undefined;
      if (options.body !== undefined) {
        headers["Content-Type"] = "application/json";
        body = JSON.stringify(options.body);
      }
      return Promise.resolve(app.request(path, { method: options.method ?? "GET", headers, body }));
    },
  };
}
