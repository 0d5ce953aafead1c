import { ChevronDown } from "lucide-react";
import type { ComponentProps } from "react";
import { cn } from "./cn";
import { controlClassName } from "./control-styles";

export type SelectProps = ComponentProps<"select"> & {
  /** Classes for the wrapper that positions the chevron (width, margins). */
  containerClassName?: string;
};

/** A native <select>, styled: keeps the platform picker, which is best on phones and screen readers. */
export function Select({ className, containerClassName, children, ...props }: SelectProps) {
  return (
    <span className={cn("relative block", containerClassName)}>
      <select
        className={cn(controlClassName, "h-9 cursor-pointer appearance-none py-1 pr-9 pl-3", className)}
        {...props}
      >
        {children}
      </select>
      <ChevronDown
        aria-hidden="true"
        className="pointer-events-none absolute top-1/2 right-3 size-4 -translate-y-1/2 text-slate-500"
      />
    </span>
  );
}
