import type { ComponentProps, ReactNode } from "react";
import { cn } from "./cn";

export type EmptyStateProps = Omit<ComponentProps<"div">, "title"> & {
  /** A lucide icon element, e.g. `<FileText />`. Decorative. */
  icon?: ReactNode;
  title: ReactNode;
  description?: ReactNode;
  /** Usually one Button: the next step out of the empty state. */
  action?: ReactNode;
  titleAs?: "h2" | "h3";
};

export function EmptyState({
  icon,
  title,
  description,
  action,
  titleAs: Title = "h2",
  className,
  ...props
}: EmptyStateProps) {
  return (
    <div className={cn("flex flex-col items-center justify-center px-4 py-12 text-center", className)} {...props}>
      {icon != null && (
        <div
          aria-hidden="true"
          className={cn(
            "mb-4 flex size-10 items-center justify-center rounded-full bg-slate-100 text-slate-600",
            "[&_svg]:size-5",
          )}
        >
          {icon}
        </div>
      )}
      <Title className="text-base font-semibold text-slate-900">{title}</Title>
      {description != null && <p className="mt-1 max-w-sm text-sm text-pretty text-slate-600">{description}</p>}
      {action != null && <div className="mt-5 flex flex-wrap justify-center gap-2">{action}</div>}
    </div>
  );
}
