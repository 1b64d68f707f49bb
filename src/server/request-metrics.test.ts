import { describe, expect, it } from "vitest";
import { RequestMetrics } from "./request-metrics.js";

describe("request metrics", () => {
  it("counts each series and fills the cumulative histogram buckets", () => {
    const metrics = new RequestMetrics(1_350_000_000_000);
    metrics.observe("GET", "/api/v1/customers/:id", 200, 0.003);
    metrics.observe("GET", "/api/v1/customers/:id", 200, 0.3);
    metrics.observe("GET", "/api/v1/customers/:id", 404, 0.002);
    const text = metrics.render([{ name: "uplink_billing_runs_active", help: "Runs.", value: 1 }]);
    const series = 'method="GET",route="/api/v1/customers/:id",status="200"';
    expect(text).toContain(`uplink_http_requests_total{${series}} 2`);
    expect(text).toContain(`uplink_http_request_duration_seconds_bucket{${series},le="0.001"} 0`);
    expect(text).toContain(`uplink_http_request_duration_seconds_bucket{${series},le="0.005"} 1`);
    expect(text).toContain(`uplink_http_request_duration_seconds_bucket{${series},le="0.5"} 2`);
    expect(text).toContain(`uplink_http_request_duration_seconds_bucket{${series},le="+Inf"} 2`);
    expect(text).toContain(`uplink_http_request_duration_seconds_count{${series}} 2`);
    expect(text).toContain("uplink_process_start_time_seconds 1350000000");
    expect(text).toContain("uplink_billing_runs_active 1");
    expect(text.endsWith("\n")).toBe(true);
  });

  it("escapes quotes and backslashes in label values", () => {
    const metrics = new RequestMetrics(0);
    metrics.observe("GET", 'a"b\\c', 200, 0.01);
    expect(metrics.render()).toContain('route="a\\"b\\\\c"');
  });
});
