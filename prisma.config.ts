import { defineConfig } from "prisma/config";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory, SqlQuery } from "@prisma/driver-adapter-utils";

// With a config file present Prisma does not read .env itself.
try {
  process.loadEnvFile();
} catch {
  /* no .env: fine */
}

const url = process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/design_review_dummy";

/**
 * adapter-pg builds the shadow database connection by spreading this config and
 * swapping `database`; pg lets `connectionString` win over `database`, so the
 * "shadow" would be the main database (migrate dev then fails P3006). Discrete
 * fields avoid that.
 */
function pgConfig(connectionString: string) {
  const u = new URL(connectionString);
  return {
    host: decodeURIComponent(u.hostname),
    port: Number(u.port || 5432),
    user: decodeURIComponent(u.username || "postgres"),
    password: decodeURIComponent(u.password),
    database: decodeURIComponent(u.pathname.slice(1)),
  };
}

// Columns of type `name` (OID 19) and `char` (18) come back with types the wasm
// migrate engine cannot deserialize (prisma/orm#27403, open): relabel them as
// `text` (25) where every query of the adapter and its transactions passes.
const RELABEL: Record<number, number> = { 19: 25, 18: 25 };

type Field = { dataTypeID: number };
type PerformIO = (this: unknown, query: SqlQuery) => Promise<{ fields: Field[] }>;

function relabelColumnTypes<A extends SqlDriverAdapter>(adapter: A): A {
  let proto: object | null = Object.getPrototypeOf(adapter);
  while (proto && !Object.hasOwn(proto, "performIO")) proto = Object.getPrototypeOf(proto);
  const target = proto as { performIO: PerformIO; relabelled?: true } | null;
  if (!target || target.relabelled) return adapter;
  const performIO = target.performIO;
  target.performIO = async function (query) {
    const result = await performIO.call(this, query);
    for (const field of result.fields) field.dataTypeID = RELABEL[field.dataTypeID] ?? field.dataTypeID;
    return result;
  };
  target.relabelled = true;
  return adapter;
}

// adapter-pg runs a migration script by splitting it at every `;` (also inside `--` comments, strings and
// `$$` bodies) and sending the pieces one by one, outside any transaction: a `;` in a comment made
// 20261126060000_search_indexes fail half-applied under `prisma migrate deploy` (issue 18). Prisma's native engine
// sends the whole script as one simple query, which PostgreSQL parses itself and runs as one implicit transaction,
// exactly like the project's runner (scripts/lib/postgres.mjs). Do the same here.
type ScriptRunner = {
  client: { query: (sql: string) => Promise<unknown> };
  onError: (error: unknown) => never;
  executeScript: (script: string) => Promise<void>;
  wholeScripts?: true;
};

function runScriptsWhole<A extends SqlDriverAdapter>(adapter: A): A {
  let proto: object | null = Object.getPrototypeOf(adapter);
  while (proto && !Object.hasOwn(proto, "executeScript")) proto = Object.getPrototypeOf(proto);
  const target = proto as ScriptRunner | null;
  if (!target || target.wholeScripts) return adapter;
  target.executeScript = async function (this: ScriptRunner, script: string) {
    try {
      await this.client.query(script);
    } catch (error) {
      this.onError(error);
    }
  };
  target.wholeScripts = true;
  return adapter;
}

const prepare = <A extends SqlDriverAdapter>(adapter: A): A => runScriptsWhole(relabelColumnTypes(adapter));

function factory(): SqlMigrationAwareDriverAdapterFactory {
  const inner = new PrismaPg(pgConfig(url));
  const connect = inner.connect.bind(inner);
  const shadow = inner.connectToShadowDb.bind(inner);
  inner.connect = async () => prepare(await connect());
  inner.connectToShadowDb = async () => prepare(await shadow());
  return inner;
}

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  engine: "js",
  experimental: { adapter: true },
  adapter: async () => factory(),
});
