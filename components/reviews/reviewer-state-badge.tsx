import { Check, Clock, RotateCcw, TriangleAlert } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import type { ReviewerState } from "@/lib/reviews/derive-status";

const LOOK = {
  approved: { label: "Approved", variant: "success", Icon: Check },
  changes_requested: { label: "Changes requested", variant: "warning", Icon: TriangleAlert },
  stale: { label: "Stale approval", variant: "danger", Icon: RotateCcw },
  pending: { label: "Pending", variant: "neutral", Icon: Clock },
} as const;

export function ReviewerStateBadge({ state }: { state: ReviewerState }) {
  const { label, variant, Icon } = LOOK[state];
  return (
    <Badge variant={variant}>
      <Icon aria-hidden="true" />
      {label}
    </Badge>
  );
}
