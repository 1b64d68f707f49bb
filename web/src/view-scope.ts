// What one view owns while it is on screen: its charts, its timers and whether it is still the
// view shown (an answer that arrives after the reader moved on is dropped).

import type { ApiClient } from "./api-client.js";
import type { Me } from "./api-types.js";
import { ChartHost } from "./chart-host.js";

export interface App {
  readonly api: ApiClient;
  readonly me: Me;
  /** Goes to a route of the page ("#/investor/2Q12"). */
  navigate(hash: string): void;
}

export class ViewScope {
  readonly charts = new ChartHost();
  private open = true;
  private readonly timers = new Set<ReturnType<typeof setInterval>>();

  get active(): boolean {
    return this.open;
  }

  /** Runs `task` every `ms` while the view is shown; returns a function that stops it. */
  every(ms: number, task: () => void): () => void {
    const timer = setInterval(() => {
      if (this.open) task();
    }, ms);
    this.timers.add(timer);
    return () => {
      clearInterval(timer);
      this.timers.delete(timer);
    };
  }

  close(): void {
    this.open = false;
    for (const timer of this.timers) clearInterval(timer);
    this.timers.clear();
    this.charts.disposeAll();
  }
}
