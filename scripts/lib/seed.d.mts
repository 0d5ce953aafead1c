// Types for TypeScript tests that seed the demo data (seed.mjs).
export const DEMO: { email: string; password: string };
export function runSeed(env: Record<string, string | undefined>): Promise<{ email: string; password: string }>;
