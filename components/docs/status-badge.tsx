import { Badge, type BadgeVariant } from "@/components/ui/badge";
import type { DocStatus } from "@/lib/docs/dto";

const LOOK: Record<DocStatus, { label: string; variant: BadgeVariant }> = {
  DRAFT: { label: "Draft", variant: "neutral" },
  IN_REVIEW: { label: "In review", variant: "info" },
  CHANGES_REQUESTED: { label: "Changes requested", variant: "warning" },
  APPROVED: { label: "Approved", variant: "success" },
};

export function StatusBadge({ status }: { status: DocStatus }) {
  const { label, variant } = LOOK[status];
  return <Badge variant={variant}>{label}</Badge>;
}
