import { LoaderCircle } from "lucide-react";
import type { ComponentProps } from "react";
import { cn } from "./cn";

const sizes = { sm: "size-3.5", md: "size-4", lg: "size-6" } as const;

export type SpinnerProps = Omit<ComponentProps<"span">, "children"> & {
  size?: keyof typeof sizes;
  /** Announced to screen readers. Ignored when `decorative`. */
  label?: string;
  /** Hide from assistive tech when something else already says "busy" (a button's aria-busy). */
  decorative?: boolean;
};

export function Spinner({ size = "md", label = "Loading…", decorative = false, className, ...props }: SpinnerProps) {
  const icon = <LoaderCircle aria-hidden="true" className={cn("animate-spin", sizes[size])} />;
  if (decorative) {
    return (
      <span aria-hidden="true" className={cn("inline-flex shrink-0", className)} {...props}>
        {icon}
      </span>
    );
  }
  return (
    <span role="status" className={cn("inline-flex shrink-0 items-center", className)} {...props}>
      {icon}
      <span className="sr-only">{label}</span>
    </span>
  );
}
