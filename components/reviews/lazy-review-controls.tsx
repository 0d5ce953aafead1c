"use client";

import { createLazyComponent } from "@/components/ui/lazy-component";

// Only reviewers get the verdict form, only authors and owners the request and lock
// controls: each loads where it is rendered, not with every doc page.
export const LazyVerdictForm = createLazyComponent(() => import("./verdict-form").then((m) => m.VerdictForm));
export const LazyCancelRequestButton = createLazyComponent(() =>
  import("./review-controls").then((m) => m.CancelRequestButton),
);
export const LazyLockButton = createLazyComponent(() => import("./review-controls").then((m) => m.LockButton));
export const LazyRerequestButton = createLazyComponent(() =>
  import("./review-controls").then((m) => m.RerequestButton),
);
