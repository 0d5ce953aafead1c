import type { ComponentProps } from "react";
import { cn } from "./cn";
import { controlClassName, textEntryClassName } from "./control-styles";

export type InputProps = ComponentProps<"input">;

export function Input({ className, type = "text", ...props }: InputProps) {
  return (
    <input
      type={type}
      className={cn(
        controlClassName,
        textEntryClassName,
        "h-9 px-3 py-1 file:mr-3 file:border-0 file:bg-transparent file:text-sm file:font-medium file:text-slate-900",
        className,
      )}
      {...props}
    />
  );
}
