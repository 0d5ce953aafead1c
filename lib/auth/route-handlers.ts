import type { NextRequest } from "next/server";
import { errorResponse } from "@/lib/http/route";
import { assertSameOrigin } from "@/lib/http/same-origin";
import { handlers } from "./next-auth";

export const { GET } = handlers;

/**
 * Auth.js's own endpoints (sign-out, session update, callbacks) take forms and check
 * a CSRF token of their own; a request from another site is refused before that, as
 * everywhere else (lib/http/same-origin.ts). Nothing of ours posts here: the app signs
 * in and out on the server.
 */
export async function POST(req: NextRequest): Promise<Response> {
  try {
    assertSameOrigin(req);
  } catch (error) {
    return errorResponse(error);
  }
  return handlers.POST(req);
}
