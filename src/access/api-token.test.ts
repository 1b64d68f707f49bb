import { describe, expect, it } from "vitest";
import { bearerSecret, hashTokenSecret, tokenIdFrom, tokenSecretFrom } from "./api-token.js";

describe("API token secrets", () => {
  it("makes a secret of 32 bytes as upl_ and base64url, and an id of 6 bytes as hex", () => {
    const bytes = Uint8Array.from({ length: 32 }, (_, i) => i * 7);
    expect(tokenSecretFrom(bytes)).toMatch(/^upl_[A-Za-z0-9_-]{43}$/);
    expect(tokenIdFrom(bytes)).toBe("tok_00070e151c23");
    expect(() => tokenSecretFrom(new Uint8Array(16))).toThrow(RangeError);
  });

  it("stores the SHA-256 of the secret, never the secret", () => {
    expect(hashTokenSecret("upl_abc")).toBe(
      "80d4f778afa59e22ced09b70d0b3486e72675d199eedbcfac4971def0fa95452",
    );
    expect(hashTokenSecret("upl_abc")).not.toBe(hashTokenSecret("upl_abd"));
  });

  it.each([
    { header: "Bearer upl_x", secret: "upl_x" },
    { header: "bearer   upl_x  ", secret: "upl_x" },
    { header: "Basic dXNlcjpwYXNz", secret: null },
    { header: "Bearer", secret: null },
    { header: "Bearer a b", secret: null },
    { header: "", secret: null },
    { header: undefined, secret: null },
  ])("reads the secret of the header $header as $secret", ({ header, secret }) => {
    expect(bearerSecret(header)).toBe(secret);
  });
});
