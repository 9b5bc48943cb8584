/** Colour groups of event kinds; import-free so browser scripts can use them. */

/** The colour groups in legend order (also the event log's "kind" filter). */
export const KIND_GROUPS = ['closure', 'investigation', 'charges', 'denial', 'statement', 'report', 'other'] as const;

/** Colour group of an event kind: every step of a criminal case shares one colour, as do statements and legislation. */
export function kindClass(kind: string): string {
  return ({ arrest: 'charges', charge: 'charges', plea: 'charges', conviction: 'charges', sentence: 'charges', legislation: 'statement' } as Record<string, string>)[kind] ?? kind;
}
