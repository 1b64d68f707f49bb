// The shapes the Uplink API answers with (its /api/v1 contract), as far as the dashboard reads them.

export type Role = "admin" | "finance" | "operations" | "customer";

export interface Me {
  role: Role;
  customer_id: string | null;
  token_id: string;
}

export interface ReportLine {
  metric: string;
  label: string;
  section: string;
  unit: string;
  value: number | null;
  yoy_pct: number | null;
  qoq_pct: number | null;
  yoy_pp?: number | null;
  qoq_pp?: number | null;
  target?: number;
  achievement_pct?: number | null;
  /** Present when the report is compared with the reported figures (`compare=reported`). */
  reported?: number | null;
  difference?: number | null;
  difference_pct?: number | null;
}

export interface Report {
  period: string;
  period_label: string;
  start: string;
  end: string;
  lines: ReportLine[];
}

export interface MetricSeries {
  metric: string;
  label: string;
  unit: string;
  values: (number | null)[];
}

export interface SeriesAnswer {
  periods: string[];
  series: MetricSeries[];
}

export interface Page<T> {
  items: T[];
  next_cursor?: string | null;
}

/** Records are read loosely: the dashboard shows what is there and tolerates extra fields. */
export type ApiRecord = Record<string, unknown>;

export interface Usage {
  contract_id?: string;
  month?: string;
  start: string;
  interval_seconds: number;
  in_bps: (number | null)[];
  out_bps: (number | null)[];
  percentile_95: {
    in_bps: number | null;
    out_bps: number | null;
    billed_bps: number | null;
    samples: number;
  } | null;
}

export interface ApiErrorBody {
  error?: { code?: string; message?: string; field?: string | null };
}
