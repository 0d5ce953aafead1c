"use client";

import { useSyncExternalStore } from "react";

const never = () => () => {};

/**
 * False in the server's HTML and while React hydrates it, true from the first render
 * after. For controls whose code may arrive after their HTML (createLazyComponent):
 * disabled until then, a click or keystroke cannot fall into a button with no
 * handler yet, or into a field whose value hydration would reset.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    never,
    () => true,
    () => false,
  );
}
