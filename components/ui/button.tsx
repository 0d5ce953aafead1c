import { Slot, Slottable } from "@radix-ui/react-slot";
import type { ComponentProps } from "react";
import { cn } from "./cn";
import { Spinner } from "./spinner";

const base =
  "inline-flex shrink-0 select-none items-center justify-center whitespace-nowrap rounded-md text-sm font-medium transition-colors " +
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

export type ButtonProps = ComponentProps<"button"> & {
  variant?: ButtonVariant;
  /** Ignored by the `link` variant, which sizes to its text. */
  size?: ButtonSize;
  /** Shows a spinner, sets aria-busy and disables the button (no double submits). */
  loading?: boolean;
  /** Render the single child element (e.g. a Next `<Link>`) with button styling. */
  asChild?: boolean;
};

/** Class names of a button look, for the rare element that cannot be a Button. */
export function buttonClassName(variant: ButtonVariant = "primary", size: ButtonSize = "md", className?: string) {
  return cn(base, variants[variant], variant !== "link" && sizes[size], className);
}

export function Button({
  variant = "primary",
  size = "md",
  loading = false,
  asChild = false,
  disabled,
  type,
  className,
  children,
  ...props
}: ButtonProps) {
  const spinner = loading ? <Spinner decorative size={size === "sm" ? "sm" : "md"} /> : null;
  const classes = buttonClassName(variant, size, className);

  if (asChild) {
    // A link cannot be disabled; aria-disabled plus pointer-events-none keeps it inert while busy.
    return (
      <Slot
        className={classes}
        aria-busy={loading || undefined}
        aria-disabled={loading || disabled || undefined}
        {...props}
      >
        {spinner}
        <Slottable>{children}</Slottable>
      </Slot>
    );
  }

  return (
    <button
      // Default to "button": a button inside a form should submit only when it says so.
      type={type ?? "button"}
      className={classes}
      disabled={disabled || loading}
      aria-busy={loading || undefined}
      {...props}
    >
      {spinner}
      {loading && size === "icon" ? null : children}
    </button>
  );
}
