/** The built-in template's sections, in order, as a reader sees them: the expectation several tests share. */
export const ARCHITECTURE_SECTION_TITLES = [
  "Design Overview",
  "Architecture",
  "Data Model",
  "Data Flow",
  "API Design",
  "Database Changes",
  "Integration Points",
  "Edge Cases",
  "Performance Considerations",
  "Security Considerations",
  "Testing Strategy",
  "Rollout Plan",
  "Risks & Mitigation",
  "Alternatives Considered",
];
