import type { ComponentProps } from "react";
import { cn } from "./cn";

// Literal class strings so Tailwind sees them. Each pair is -100 on -800: AA at any size.
const palette = [
  "bg-brand-100 text-brand-800",
  "bg-sky-100 text-sky-800",
  "bg-cyan-100 text-cyan-800",
  "bg-teal-100 text-teal-800",
  "bg-emerald-100 text-emerald-800",
  "bg-lime-100 text-lime-800",
  "bg-amber-100 text-amber-800",
  "bg-orange-100 text-orange-800",
  "bg-rose-100 text-rose-800",
  "bg-fuchsia-100 text-fuchsia-800",
  "bg-violet-100 text-violet-800",
  "bg-indigo-100 text-indigo-800",
] as const;

const sizes = {
  sm: "size-6 text-[10px]",
  md: "size-8 text-xs",
  lg: "size-10 text-sm",
} as const;

const firstLetter = /[\p{L}\p{N}]/u;

/** "Ada Lovelace" → "AL", "ada" → "A", "grace.hopper@example.com" → "GH", "" → "?". */
export function getInitials(name: string): string {
  const trimmed = name.trim();
  const isEmail = trimmed.includes("@") && !/\s/.test(trimmed);
  const source = isEmail ? (trimmed.split("@")[0] ?? "") : trimmed;
  const words = source.split(isEmail ? /[\s._+-]+/ : /\s+/);
  const letters = words.map((word) => word.match(firstLetter)?.[0]).filter((letter) => letter !== undefined);
  const first = letters[0];
  if (first === undefined) return "?";
  const last = letters.length > 1 ? letters[letters.length - 1] : "";
  // toUpperCase, not toLocaleUpperCase: server and browser must agree or hydration fails.
  return `${first}${last}`.toUpperCase();
}

/** FNV-1a over the normalised name: the same person gets the same colour everywhere. */
export function getAvatarColor(name: string): string {
  let hash = 0x811c9dc5;
  for (const char of name.trim().toLowerCase()) {
    hash ^= char.codePointAt(0) ?? 0;
    hash = Math.imul(hash, 0x01000193);
  }
  return palette[(hash >>> 0) % palette.length] ?? palette[0];
}

export type AvatarProps = Omit<ComponentProps<"span">, "children"> & {
  name: string;
  size?: keyof typeof sizes;
  /** Set when the name is printed next to the avatar, so it is not read twice. */
  decorative?: boolean;
};

export function Avatar({ name, size = "md", decorative = false, className, ...props }: AvatarProps) {
  const a11y = decorative
    ? { "aria-hidden": true as const }
    : { role: "img", "aria-label": name.trim() || "Unknown person", title: name.trim() || undefined };
  return (
    <span
      className={cn(
        "inline-flex shrink-0 items-center justify-center rounded-full leading-none font-semibold select-none",
        getAvatarColor(name),
        sizes[size],
        className,
      )}
      {...a11y}
      {...props}
    >
      <span aria-hidden="true">{getInitials(name)}</span>
    </span>
  );
}
