/**
 * Request counts and a latency histogram by method, route (the route's template, never the raw
 * path, so that ids do not multiply the series) and status, in Prometheus' text format.
 */
export class RequestMetrics {
  static readonly BUCKETS = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
  private readonly series = new Map<
    string,
    { labels: string; count: number; sum: number; buckets: number[] }
  >();
  private readonly startedAt: number;

  constructor(startedAtMs: number) {
    this.startedAt = startedAtMs;
  }

  observe(method: string, route: string, status: number, seconds: number): void {
    const key = `${method}\u0000${route}\u0000${status}`;
    let entry = this.series.get(key);
    if (!entry) {
      entry = {
        labels: `method="${escapeLabel(method)}",route="${escapeLabel(route)}",status="${status}"`,
        count: 0,
        sum: 0,
        buckets: RequestMetrics.BUCKETS.map(() => 0),
      };
      this.series.set(key, entry);
    }
    entry.count++;
    entry.sum += seconds;
    for (let i = 0; i < RequestMetrics.BUCKETS.length; i++) {
      if (seconds <= RequestMetrics.BUCKETS[i]!) entry.buckets[i]!++;
    }
  }

  /** The exposition text; `gauges` adds point-in-time values (name → value and help). */
  render(gauges: readonly { name: string; help: string; value: number }[] = []): string {
    const entries = [...this.series.values()].sort((a, b) =>
      a.labels < b.labels ? -1 : a.labels > b.labels ? 1 : 0,
    );
    const lines = [
      "# HELP uplink_http_requests_total HTTP requests answered, by method, route and status.",
      "# TYPE uplink_http_requests_total counter",
      ...entries.map((e) => `uplink_http_requests_total{${e.labels}} ${e.count}`),
      "# HELP uplink_http_request_duration_seconds Time to answer, by method, route and status.",
      "# TYPE uplink_http_request_duration_seconds histogram",
    ];
    for (const e of entries) {
      RequestMetrics.BUCKETS.forEach((le, i) => {
        lines.push(
          `uplink_http_request_duration_seconds_bucket{${e.labels},le="${le}"} ${e.buckets[i]}`,
        );
      });
      lines.push(`uplink_http_request_duration_seconds_bucket{${e.labels},le="+Inf"} ${e.count}`);
      lines.push(`uplink_http_request_duration_seconds_sum{${e.labels}} ${e.sum}`);
      lines.push(`uplink_http_request_duration_seconds_count{${e.labels}} ${e.count}`);
    }
    lines.push(
      "# HELP uplink_process_start_time_seconds When the server started, in seconds since the epoch.",
      "# TYPE uplink_process_start_time_seconds gauge",
      `uplink_process_start_time_seconds ${this.startedAt / 1000}`,
    );
    for (const gauge of gauges) {
      lines.push(`# HELP ${gauge.name} ${gauge.help}`, `# TYPE ${gauge.name} gauge`);
      lines.push(`${gauge.name} ${gauge.value}`);
    }
    return `${lines.join("\n")}\n`;
  }
}

function escapeLabel(value: string): string {
  return value.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n");
}
