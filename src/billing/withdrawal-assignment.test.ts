import { describe, expect, it } from "vitest";
import { assignWithdrawals } from "./withdrawal-assignment.js";

describe("ATM withdrawals are billed to the operator's bank-network contract", () => {
  const operatorOf = new Map([
    ["ATM1", "trust"],
    ["ATM2", "trust"],
    ["ATM3", "other"],
  ]);
  const withdrawals = [
    { atmId: "ATM1", withdrawals: 1_000 },
    { atmId: "ATM2", withdrawals: 500 },
    { atmId: "ATM3", withdrawals: 70 },
  ];

  it("sums an operator's ATMs onto its contract and reports the operator without one", () => {
    const { byContract, anomalies } = assignWithdrawals("2012-09", withdrawals, operatorOf, [
      { contractId: "CT9", customerId: "BANKNET", groupCompanyId: "trust" },
    ]);
    expect([...byContract]).toEqual([["CT9", 1_500]]);
    expect(anomalies.map((a) => [a.kind, a.message])).toEqual([
      [
        "withdrawals_without_contract",
        "70 withdrawals at 1 ATMs of other in 2012-09 not billed: no customer of other has an active ATM-operation (per_use) contract.",
      ],
    ]);
  });

  it("gives every withdrawal to the lowest contract id when there are several, and says so", () => {
    const { byContract, anomalies } = assignWithdrawals(
      "2012-09",
      withdrawals.slice(0, 2),
      operatorOf,
      [
        { contractId: "CT1", customerId: "BANKNET", groupCompanyId: "trust" },
        { contractId: "CT2", customerId: "BANKNET2", groupCompanyId: "trust" },
      ],
    );
    expect([...byContract]).toEqual([["CT1", 1_500]]);
    expect(anomalies.map((a) => a.kind)).toEqual(["several_atm_contracts"]);
  });
});
