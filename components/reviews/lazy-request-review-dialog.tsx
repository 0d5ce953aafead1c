"use client";

import { UserPlus } from "lucide-react";
import { LazyDialogButton } from "@/components/ui/lazy-dialog-button";
import type { RequestReviewDialog as RequestReviewDialogType } from "./request-review-dialog";

type Props = Parameters<typeof RequestReviewDialogType>[0];

const loadDialog = () => import("./request-review-dialog").then((m) => m.RequestReviewDialog);

/**
 * The review panel's "Request review" button: the dialog (form, Radix) is fetched
 * on first hover, focus or click instead of with the doc page.
 */
export function LazyRequestReviewDialog(props: Props) {
  return (
    <LazyDialogButton load={loadDialog} props={props} variant="secondary" size="sm">
      <UserPlus aria-hidden="true" /> Request review
    </LazyDialogButton>
  );
}
