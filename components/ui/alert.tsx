import { CircleCheck, CircleExclamationPoint, Info, TriangleExclamationPoint, type LucideIcon } from "lucide-react";
import type { ComponentProps, ReactNode } from "react";
import { cn } from "./cn";

const variants = {
  info: { box: "border-brand-100 bg-brand-50 text-brand-800", icon: "text-brand-700", Icon: Info, role: "status" },
  success: {
    box: "border-green-200 bg-green-50 text-green-800",
    icon: "text-green-700",
    Icon: CircleCheck,
    role: "status",
  },
  warning: {
    box: "border-amber-200 bg-amber-50 text-amber-900",
    icon: "text-amber-700",
    Icon: TriangleExclamationPoint,
    role: "status",
  },
  danger: {
    box: "border-red-200 bg-red-50 text-red-800",
    icon: "text-red-700",
    Icon: CircleExclamationPoint,
    role: "alert",
  },
} as const satisfies Record<string, { box: string; icon: string; Icon: LucideIcon; role: "status" | "alert" }>;

export type AlertVariant = keyof typeof variants;

export type AlertProps = Omit<ComponentProps<"div">, "title"> & {
  variant?: AlertVariant;
  title?: ReactNode;
  /** Replaces the variant's icon; `false` shows none. */
  icon?: ReactNode | false;
};

/**
 * An inline callout. `danger` is role="alert" (assertive); the rest are role="status"
 * (polite). Pass `role` to override, e.g. role={undefined} for static page copy.
 */
export function Alert({ variant = "info", title, icon, className, children, ...props }: AlertProps) {
  const { box, icon: iconClass, Icon, role } = variants[variant];
  return (
    <div role={role} className={cn("flex gap-3 rounded-md border p-3 text-sm", box, className)} {...props}>
      {icon !== false && (
        <span aria-hidden="true" className={cn("mt-0.5 shrink-0 [&_svg]:size-4", iconClass)}>
          {icon ?? <Icon />}
        </span>
      )}
      {/* A long email or link in the text wraps inside the box instead of running out of it. */}
      <div className="grid min-w-0 flex-1 gap-1 [overflow-wrap:anywhere]">
        {title != null && <p className="font-medium">{title}</p>}
        {/* min-w-0: long unbreakable content (a link in a <code>) truncates instead of widening the alert. */}
        {children != null && <div className="min-w-0 [&_a]:font-medium [&_a]:underline">{children}</div>}
      </div>
    </div>
  );
}
