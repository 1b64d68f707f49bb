/** The name of the first field whose two values differ, or undefined when all are equal. */
export function firstDifference(
  fields: readonly (readonly [field: string, a: unknown, b: unknown])[],
): string | undefined {
  return fields.find(([, a, b]) => a !== b)?.[0];
}
