// Types for the parts of postgres.mjs that TypeScript tests import.
export const ROOT: string;
export const FAILED_MIGRATION_REPAIRS: Record<string, string>;
export function withDatabase(url: string, database: string): string;
export function createDatabase(adminUrl: string, name: string, opts?: { template?: string }): Promise<void>;
export function dropDatabase(adminUrl: string, name: string): Promise<void>;
export function migrationDirs(): { name: string; sql: string }[];
export function applyMigrations(url: string): Promise<string[]>;
export function freePort(): Promise<number>;
export function portOpen(port: number, host?: string, timeoutMs?: number): Promise<boolean>;
