export type ClassValue = string | false | null | undefined | 0;

/**
 * Joins class names, dropping falsy values. Deliberately no conflict resolution
 * (no tailwind-merge): a `className` that sets the same property as a base utility
 * does not reliably win, because Tailwind orders utilities in the stylesheet, not
 * by their order in the attribute. Override with a variant prop, or with Tailwind's
 * important modifier (`h-auto!`) when one is truly needed.
 */
export function cn(...classes: ClassValue[]): string {
  return classes.filter(Boolean).join(" ");
}
