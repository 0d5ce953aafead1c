"use client";

import type { ReactNode } from "react";
import { LazyDialogButton } from "@/components/ui/lazy-dialog-button";
import type { RequestReviewDialog as RequestReviewDialogType } from "./request-review-dialog";

type Props = Parameters<typeof RequestReviewDialogType>[0];

const loadDialog = () => import("./request-review-dialog").then((m) => m.RequestReviewDialog);

/**
 * The "Request review" button's client half: fetches the dialog on first hover, focus or click
 * (./lazy-request-review-dialog.tsx).
 */
export function RequestReviewButton({ children, ...props }: Props & { children: ReactNode }) {
  return (
    <LazyDialogButton load={loadDialog} props={props} variant="secondary" size="sm">
      {children}
    </LazyDialogButton>
  );
}
