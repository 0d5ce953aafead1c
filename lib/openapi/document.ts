import { z } from "zod";
import { API_ROUTES, type RouteDoc } from "./routes";

type JsonSchema = Record<string, unknown>;

/** zod 4 → JSON Schema 2020-12 (what OpenAPI 3.1 speaks), as the client sends it (input side of transforms). */
export function jsonSchemaOf(schema: z.ZodType): JsonSchema {
  const out = z.toJSONSchema(schema, { io: "input", unrepresentable: "any", target: "draft-2020-12" }) as JsonSchema;
  delete out.$schema;
  return out;
}

/** "/api/docs/[id]/sections/[key]" → "/api/docs/{id}/sections/{key}" */
export const openApiPath = (path: string) => path.replace(/\[([^\]]+)\]/g, "{$1}");

function bodySchema(body: NonNullable<RouteDoc["body"]>): JsonSchema | null {
  if ("upload" in body) return null;
  const base = jsonSchemaOf("schema" in body ? body.schema : body.hand);
  if (!("schema" in body) || !body.extra) return base;
  const extra = Object.fromEntries(Object.entries(body.extra).map(([k, v]) => [k, jsonSchemaOf(v)]));
  return { ...base, properties: { ...(base.properties as object), ...extra } };
}

function operation(key: string, doc: RouteDoc) {
  const path = key.split(" ")[1]!;
  const params = [...path.matchAll(/\[([^\]]+)\]/g)].map((m) => ({
    name: m[1],
    in: "path",
    required: true,
    schema: { type: "string" },
  }));
  const query = doc.query
    ? Object.entries(jsonSchemaOf(doc.query).properties as Record<string, JsonSchema>).map(([name, schema]) => ({
        name,
        in: "query",
        required: false,
        schema,
      }))
    : [];
  const body = doc.body;
  const schema = body ? bodySchema(body) : null;
  return {
    operationId: key.replace(/[^a-zA-Z0-9]+/g, "_").replace(/_$/, ""),
    summary: doc.summary,
    description: doc.description,
    tags: [doc.tag],
    ...(params.length + query.length ? { parameters: [...params, ...query] } : {}),
    ...(body
      ? {
          requestBody: {
            required: true,
            content:
              "upload" in body
                ? { "application/octet-stream": { schema: { type: "string", contentMediaType: body.upload } } }
                : { "application/json": { schema, example: body.example } },
          },
        }
      : {}),
    responses: Object.fromEntries(
      Object.entries(doc.responses).map(([status, description]) => [
        status,
        { description, ...(Number(status) >= 400 ? { content: { "application/json": { schema: ERROR_REF } } } : {}) },
      ]),
    ),
    security: doc.scope ? [{ bearerToken: [doc.scope] }, { sessionCookie: [] }] : [],
    "x-token-scope": doc.scope,
  };
}

const ERROR_REF = { $ref: "#/components/schemas/Error" };

/** The OpenAPI 3.1 description of the JSON API. */
export function openApiDocument(serverUrl: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const [key, doc] of Object.entries(API_ROUTES)) {
    const [method, path] = key.split(" ") as [string, string];
    (paths[openApiPath(path)] ??= {})[method.toLowerCase()] = operation(key, doc);
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Design Review API",
      version: "1",
      description:
        "JSON API of Design Review. Authenticate with a personal API token (Authorization: Bearer drt_…, created " +
        "in Settings → API tokens, narrowed by scopes) or a session cookie. Errors are " +
        "{ error: { code, message, fieldErrors? } }.",
    },
    servers: [{ url: serverUrl }],
    paths,
    components: {
      securitySchemes: {
        bearerToken: {
          type: "http",
          scheme: "bearer",
          description: "A personal API token; its scopes (read, write, review, admin) must include the operation's.",
        },
        sessionCookie: { type: "apiKey", in: "cookie", name: "authjs.session-token" },
      },
      schemas: {
        Error: {
          type: "object",
          required: ["error"],
          properties: {
            error: {
              type: "object",
              required: ["code", "message"],
              properties: {
                code: { type: "string" },
                message: { type: "string" },
                fieldErrors: { type: "object", additionalProperties: { type: "array", items: { type: "string" } } },
              },
            },
          },
        },
      },
    },
  };
}
