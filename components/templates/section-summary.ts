/** "14 sections · none required", "3 sections · 2 required". */
export function sectionSummary(sectionCount: number, requiredCount: number): string {
  const sections = `${sectionCount} ${sectionCount === 1 ? "section" : "sections"}`;
  return `${sections} · ${requiredCount === 0 ? "none required" : `${requiredCount} required`}`;
}
