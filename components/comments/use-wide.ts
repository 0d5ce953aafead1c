"use client";

import { useSyncExternalStore } from "react";

const QUERY = "(min-width: 80rem)"; // Tailwind's xl: the doc page's right column appears

function subscribe(cb: () => void) {
  const mq = window.matchMedia(QUERY);
  mq.addEventListener("change", cb);
  return () => mq.removeEventListener("change", cb);
}

/** True where the doc page has its right column; false on the server and on narrow screens. */
export function useWide(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => window.matchMedia(QUERY).matches,
    () => false,
  );
}
