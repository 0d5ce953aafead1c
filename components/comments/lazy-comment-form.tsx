"use client";

import { createLazyComponent } from "@/components/ui/lazy-component";

/**
 * The comment form (body, guest name, blocking), fetched when a composer, a reply or an edit opens: a doc nobody
 * comments on never loads it. One loader for all three, so its code is one chunk.
 */
export const CommentForm = createLazyComponent(() => import("./comment-form").then((m) => m.CommentForm));
