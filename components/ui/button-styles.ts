import { cn } from "./cn";

// Apart from button.tsx so a page can look like a Button without its code (app/error.tsx).
const base =
  "inline-flex shrink-0 select-none items-center justify-center whitespace-nowrap rounded-md " +
  "text-sm font-medium transition-colors " +
  "disabled:pointer-events-none disabled:opacity-60 aria-disabled:pointer-events-none aria-disabled:opacity-60 " +
  "[&_svg]:pointer-events-none [&_svg]:shrink-0 [&_svg:not([class*='size-'])]:size-4";

const variants = {
  primary: "bg-brand-600 text-white shadow-xs hover:bg-brand-700 active:bg-brand-800",
  secondary: "border border-slate-300 bg-white text-slate-900 shadow-xs hover:bg-slate-50 active:bg-slate-100",
  ghost: "text-slate-700 hover:bg-slate-100 hover:text-slate-900 active:bg-slate-200",
  danger: "bg-red-700 text-white shadow-xs hover:bg-red-800 active:bg-red-900",
  link: "gap-1.5 text-brand-700 underline-offset-4 hover:text-brand-800 hover:underline",
} as const;

const sizes = {
  sm: "h-8 gap-1.5 px-3",
  md: "h-9 gap-2 px-4",
  icon: "size-9",
} as const;

export type ButtonVariant = keyof typeof variants;
export type ButtonSize = keyof typeof sizes;

/** Class names of a button look, for the rare element that cannot be a Button. */
export function buttonClassName(variant: ButtonVariant = "primary", size: ButtonSize = "md", className?: string) {
  return cn(base, variants[variant], variant !== "link" && sizes[size], className);
}
