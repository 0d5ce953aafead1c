import type { ComponentProps } from "react";
import { cn } from "./cn";

/**
 * A grey placeholder with the shape of what is loading. Hidden from assistive tech:
 * mark the region that is loading with aria-busy, or put a Spinner with a label nearby.
 */
export function Skeleton({ className, ...props }: ComponentProps<"div">) {
  return (
    <div
      aria-hidden="true"
      className={cn("animate-pulse rounded-md bg-slate-200 motion-reduce:animate-none", className)}
      {...props}
    />
  );
}
