import type { ComponentProps } from "react";
import { cn } from "./cn";

export type SeparatorProps = ComponentProps<"div"> & {
  orientation?: "horizontal" | "vertical";
  /** A purely visual rule (the default) is hidden from assistive tech. */
  decorative?: boolean;
};

export function Separator({ orientation = "horizontal", decorative = true, className, ...props }: SeparatorProps) {
  const a11y = decorative ? { role: "none" } : { role: "separator", "aria-orientation": orientation };
  return (
    <div
      className={cn(
        "shrink-0 bg-slate-200",
        orientation === "horizontal" ? "h-px w-full" : "w-px self-stretch",
        className,
      )}
      {...a11y}
      {...props}
    />
  );
}
