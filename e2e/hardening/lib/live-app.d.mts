export type SeedWriter = { email: string; name: string; docId: string; key: string };
export type Seed = {
  owner: { id: string; name: string; email: string };
  workspace: { id: string; slug: string };
  doc: { id: string; slug: string; sections: { key: string; marker: string; version: number }[]; jsonBytes: number };
  writers: SeedWriter[];
};
export type LiveApp = {
  base: string;
  appDir: string;
  databaseUrl: string;
  seed: Seed;
  postgres: { adminUrl: string; port: number; stop(): Promise<void>; start(): Promise<void> };
  serverPid(): number;
  stop(): Promise<void>;
};

/**
 * A writer as the bench's writer engine keeps it: its slot, cookie, the version it last saw and its last acknowledged
 * write.
 */
export type WriterState = SeedWriter & {
  cookie: string;
  version: number;
  index: number;
  slot: string;
  template: string;
  seq: number;
  lastAck: { version: number; marker: string } | null;
};
export type WriteOutcome = { status: number; version?: number; detail?: string };
export type WritersState = {
  writers: WriterState[];
  acks: { slot: string; version: number; marker: string }[];
  latencies: number[];
  saves: number;
  conflicts: number;
  serverErrors: number;
  otherStatus: Record<string, number>;
  networkErrors: number;
  lastServerError?: string;
  lastOtherError?: string;
  lastNetworkError?: string;
};

export const PASSWORD: string;
export function startLiveApp(opts?: { writers?: number; writersPerSection?: number }): Promise<LiveApp>;
export function signIn(base: string, email: string, password: string): Promise<string>;
export function apiWriter(base: string): (w: WriterState, content: string) => Promise<WriteOutcome>;
export function newState(writers: (SeedWriter & { cookie: string; version: number })[]): WritersState;
export function runWriters(
  state: WritersState,
  until: number,
  record: boolean,
  writeOnce: (w: WriterState, content: string) => Promise<WriteOutcome>,
): Promise<void>;
export function checkLostUpdates(client: unknown, writers: SeedWriter[], state: WritersState): Promise<number>;
