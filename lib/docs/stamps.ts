/** "2026-11-26": the date format of the template footer, in UTC so every reader sees the same stamp. */
export function formatStampDate(iso: string | Date): string {
  return new Date(iso).toISOString().slice(0, 10);
}

export function lastUpdatedStamp(doc: { updatedAt: string; updatedBy: { name: string } }): string {
  return `${formatStampDate(doc.updatedAt)} by ${doc.updatedBy.name}`;
}
