import { Children, cloneElement, isValidElement, type ComponentProps, type ReactElement, type ReactNode } from "react";
import { buttonClassName, type ButtonSize, type ButtonVariant } from "./button-styles";
import { Spinner } from "./spinner";

export { buttonClassName, type ButtonSize, type ButtonVariant };

export type ButtonProps = ComponentProps<"button"> & {
  variant?: ButtonVariant;
  /** Ignored by the `link` variant, which sizes to its text. */
  size?: ButtonSize;
  /** Shows a spinner, sets aria-busy and disables the button (no double submits). */
  loading?: boolean;
  /** Render the single child element (e.g. a Next `<Link>`) with button styling. */
  asChild?: boolean;
};

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
        before={spinner}
      >
        {children}
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

type SlotProps = Record<string, unknown> & { className?: string; before?: ReactNode; children?: ReactNode };

/**
 * `asChild`: our props on the one child element (its own class names and handlers kept,
 * handlers of both run), `before` ahead of its children. What Radix Slot did for us, in
 * a few lines, since it sat in every page's first JavaScript.
 */
function Slot({ before, children, className, ...props }: SlotProps) {
  const child = Children.only(children);
  if (!isValidElement<Record<string, unknown>>(child)) return null;
  const own = child.props;
  const merged: Record<string, unknown> = { ...props };
  for (const [key, value] of Object.entries(props)) {
    const theirs = own[key];
    if (/^on[A-Z]/.test(key) && typeof value === "function" && typeof theirs === "function") {
      merged[key] = (...args: unknown[]) => {
        (theirs as (...a: unknown[]) => void)(...args);
        (value as (...a: unknown[]) => void)(...args);
      };
    }
  }
  for (const [key, value] of Object.entries(own))
    if (key !== "children" && key !== "className" && merged[key] === undefined) merged[key] = value;
  merged.className = [className, own.className].filter(Boolean).join(" ");
  return cloneElement(child as ReactElement<Record<string, unknown>>, merged, before, own.children as ReactNode);
}
