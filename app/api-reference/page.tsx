import type { Metadata } from "next";
import { headers } from "next/headers";
import { Badge } from "@/components/ui/badge";
import { getBaseUrl } from "@/lib/http/base-url";
import { openApiDocument } from "@/lib/openapi/document";

export const metadata: Metadata = { title: "API reference" };

type Schema = { type?: unknown; properties?: Record<string, Schema>; required?: string[]; description?: string };
type Operation = {
  operationId: string;
  summary: string;
  description: string;
  tags: string[];
  parameters?: { name: string; in: string; required: boolean; schema: Schema }[];
  requestBody?: { content: Record<string, { schema?: Schema | null; example?: unknown }> };
  responses: Record<string, { description: string }>;
  "x-token-scope": string | null;
};

const METHOD_STYLE: Record<string, string> = {
  get: "bg-sky-50 text-sky-800 border-sky-200",
  post: "bg-green-50 text-green-800 border-green-200",
  put: "bg-amber-50 text-amber-800 border-amber-200",
  patch: "bg-amber-50 text-amber-800 border-amber-200",
  delete: "bg-red-50 text-red-700 border-red-200",
};

const typeOf = (s: Schema): string =>
  Array.isArray(s.type) ? s.type.join(" | ") : typeof s.type === "string" ? s.type : "any";

/** The API reference: the same OpenAPI document /api/openapi.json serves, for people to read. */
export default async function ApiReferencePage() {
  const spec = openApiDocument(getBaseUrl(await headers()));
  const operations = Object.entries(spec.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({ path, method, op: op as Operation })),
  );
  const tags = [...new Set(operations.map((o) => o.op.tags[0]!))];
  return (
    <main className="mx-auto w-full max-w-4xl px-4 py-8 text-sm sm:px-6">
      <h1 className="text-2xl font-semibold tracking-tight text-slate-900">Design Review API</h1>
      <p className="mt-2 text-slate-700">{spec.info.description}</p>
      <p className="mt-2 text-slate-700">
        Machine-readable:{" "}
        <a href="/api/openapi.json" className="text-brand-700 underline underline-offset-2">
          /api/openapi.json
        </a>{" "}
        (OpenAPI 3.1).
      </p>
      <nav aria-label="Sections" className="mt-4 flex flex-wrap gap-2">
        {tags.map((t) => (
          <a key={t} href={`#${t}`} className="rounded border border-slate-200 px-2 py-1 text-slate-700">
            {t}
          </a>
        ))}
      </nav>
      {tags.map((tag) => (
        <section key={tag} id={tag} aria-labelledby={`${tag}-h`} className="mt-8">
          <h2 id={`${tag}-h`} className="text-lg font-semibold text-slate-900">
            {tag}
          </h2>
          <div className="mt-3 grid gap-4">
            {operations
              .filter((o) => o.op.tags[0] === tag)
              .map(({ path, method, op }) => (
                <OperationCard key={op.operationId} path={path} method={method} op={op} />
              ))}
          </div>
        </section>
      ))}
    </main>
  );
}

function OperationCard({ path, method, op }: { path: string; method: string; op: Operation }) {
  const body = op.requestBody && Object.entries(op.requestBody.content)[0];
  const schema = body?.[1].schema ?? null;
  return (
    <article id={op.operationId} className="min-w-0 rounded-lg border border-slate-200 p-4">
      <h3 className="flex min-w-0 flex-wrap items-center gap-2">
        <span
          className={`rounded border px-1.5 py-0.5 font-mono text-xs font-semibold uppercase ${METHOD_STYLE[method]}`}
        >
          {method}
        </span>
        <code className="min-w-0 font-mono text-sm break-all text-slate-900">{path}</code>
        {op["x-token-scope"] ? (
          <Badge variant="info">token scope: {op["x-token-scope"]}</Badge>
        ) : (
          <Badge>no sign-in</Badge>
        )}
      </h3>
      <p className="mt-2 font-medium text-slate-900">{op.summary}</p>
      <p className="mt-1 text-slate-700">{op.description}</p>
      {op.parameters && op.parameters.length > 0 && (
        <FieldTable
          title="Parameters"
          rows={op.parameters.map((p) => ({
            name: `${p.name} (${p.in})`,
            type: typeOf(p.schema),
            required: p.required,
          }))}
        />
      )}
      {body && schema?.properties && (
        <FieldTable
          title="Body (JSON)"
          rows={Object.entries(schema.properties).map(([name, s]) => ({
            name,
            type: typeOf(s),
            required: schema.required?.includes(name) ?? false,
            note: s.description,
          }))}
        />
      )}
      {body && !schema && <p className="mt-3 text-slate-700">Body: the file ({body[0]}).</p>}
      {body?.[1].example !== undefined && (
        <pre className="mt-3 overflow-x-auto rounded bg-slate-50 p-2 font-mono text-xs text-slate-800">
          {JSON.stringify(body[1].example, null, 2)}
        </pre>
      )}
      <h4 className="mt-3 font-medium text-slate-900">Answers</h4>
      <ul className="mt-1 grid gap-0.5 text-slate-700">
        {Object.entries(op.responses).map(([status, r]) => (
          <li key={status}>
            <code className="font-mono text-xs font-semibold">{status}</code> {r.description}
          </li>
        ))}
      </ul>
    </article>
  );
}

function FieldTable({
  title,
  rows,
}: {
  title: string;
  rows: { name: string; type: string; required: boolean; note?: string }[];
}) {
  return (
    <div className="mt-3 overflow-x-auto">
      <h4 className="font-medium text-slate-900">{title}</h4>
      <table className="mt-1 w-full text-left">
        <tbody>
          {rows.map((r) => (
            <tr key={r.name} className="border-t border-slate-100 align-top">
              <td className="py-1 pr-3 font-mono text-xs text-slate-900">{r.name}</td>
              <td className="py-1 pr-3 text-slate-600">{r.type}</td>
              <td className="py-1 pr-3 text-slate-600">{r.required ? "required" : "optional"}</td>
              <td className="py-1 text-slate-600">{r.note ?? ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
