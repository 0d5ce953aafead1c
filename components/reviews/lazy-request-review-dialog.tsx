import { UserPlus } from "lucide-react";
import type { RequestReviewDialog as RequestReviewDialogType } from "./request-review-dialog";
import { RequestReviewButton } from "./request-review-button";

type Props = Parameters<typeof RequestReviewDialogType>[0];

/**
 * The review panel's "Request review" button: the dialog (form, Radix) is fetched
 * on first hover, focus or click instead of with the doc page. Its label and icon
 * render here, on the server.
 */
export function LazyRequestReviewDialog(props: Props) {
  return (
    <RequestReviewButton {...props}>
      <UserPlus aria-hidden="true" /> Request review
    </RequestReviewButton>
  );
}
