import { getBaseUrl } from "@/lib/http/base-url";
import { handle, json } from "@/lib/http/route";
import { openApiDocument } from "@/lib/openapi/document";

/** GET /api/openapi.json → the OpenAPI 3.1 description of the JSON API (public, like the API's own docs). */
export const GET = handle(async (req) => json(openApiDocument(getBaseUrl(req.headers))), { scope: "none" });
