import type { ImportOutcome } from "../customers/index.js";

/** The columns of a file that may be left out. */
export function optionalColumns(all: readonly string[], required: readonly string[]): string[] {
  return all.filter((name) => !required.includes(name));
}

/** What an import reports, from what reconciling the file with the store decided. */
export function importOutcome(
  file: string,
  plan: { added: readonly unknown[]; replaced: readonly unknown[]; unchanged: number },
): ImportOutcome {
  return {
    file,
    added: plan.added.length,
    replaced: plan.replaced.length,
    unchanged: plan.unchanged,
  };
}
