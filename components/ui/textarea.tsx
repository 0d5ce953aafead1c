import type { ComponentProps } from "react";
import { cn } from "./cn";
import { controlClassName, textEntryClassName } from "./control-styles";

export type TextareaProps = ComponentProps<"textarea">;

export function Textarea({ className, rows = 4, ...props }: TextareaProps) {
  return (
    <textarea
      rows={rows}
      className={cn(controlClassName, textEntryClassName, "min-h-20 resize-y px-3 py-2 leading-6", className)}
      {...props}
    />
  );
}
