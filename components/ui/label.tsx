import type { ComponentProps } from "react";
import { cn } from "./cn";

export type LabelProps = ComponentProps<"label">;

export function Label({ className, ...props }: LabelProps) {
  return <label className={cn("text-sm leading-5 font-medium text-slate-900", className)} {...props} />;
}
