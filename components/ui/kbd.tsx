import type { ComponentProps } from "react";
import { cn } from "./cn";

/** One key. Write a chord as `<Kbd>Ctrl</Kbd> <Kbd>K</Kbd>`. */
export function Kbd({ className, ...props }: ComponentProps<"kbd">) {
  return (
    <kbd
      className={cn(
        "inline-flex h-5 min-w-5 items-center justify-center rounded border border-slate-300 bg-slate-50 px-1",
        "font-mono text-[11px] leading-none font-medium text-slate-700 shadow-[inset_0_-1px_0_var(--color-slate-300)]",
        className,
      )}
      {...props}
    />
  );
}
