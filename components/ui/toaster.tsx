"use client";

import { useEffect, useState, type CSSProperties } from "react";
import type { ExternalToast, ToasterProps } from "sonner";

/*
 * sonner (~12 KB gzip) is fetched with the first toast, not with every page: the
 * `toast` below loads it, mounts the Toaster (its polite live region) and only then
 * adds the toast, a moment later, so screen readers announce it like any other.
 */
type Sonner = typeof import("sonner");
type Message = Parameters<Sonner["toast"]>[0];

let sonner: Promise<Sonner> | null = null;
const mountListeners = new Set<(loaded: Sonner) => void>();
let mounted: Promise<void> | null = null;
let markMounted: (() => void) | null = null;

function loadSonner(): Promise<Sonner> {
  sonner ??= import("sonner").catch((error: unknown) => {
    sonner = null; // the next toast tries the network again
    throw error;
  });
  return sonner;
}

async function show(
  kind: "message" | "success" | "error" | "info" | "warning",
  message: Message,
  data?: ExternalToast,
): Promise<void> {
  const loaded = await loadSonner();
  mounted ??= new Promise<void>((resolve) => {
    markMounted = resolve;
    for (const listener of mountListeners) listener(loaded);
  });
  // No Toaster on the page (none mounted yet): fall through after a short wait rather than lose the toast.
  await Promise.race([mounted, new Promise((resolve) => setTimeout(resolve, 1000))]);
  if (kind === "message") loaded.toast(message, data);
  else loaded.toast[kind](message, data);
}

const fire = (kind: Parameters<typeof show>[0]) => (message: Message, data?: ExternalToast) => {
  void show(kind, message, data).catch(() => {});
};

/** `toast.success("Saved")` from any client component; sonner is loaded on first use. */
export const toast = Object.assign(fire("message"), {
  success: fire("success"),
  error: fire("error"),
  info: fire("info"),
  warning: fire("warning"),
});

// sonner's own rich colours miss WCAG AA (e.g. its warning text is about 3:1), so the
// same roles are repainted with our palette: -800/-900 text on -50 backgrounds.
const richColors = {
  "--success-bg": "oklch(98.2% 0.018 155.826)",
  "--success-border": "oklch(92.5% 0.084 155.995)",
  "--success-text": "oklch(44.8% 0.119 151.328)",
  "--info-bg": "#eef4ff",
  "--info-border": "#dbe6fe",
  "--info-text": "#1f3c8c",
  "--warning-bg": "oklch(98.7% 0.022 95.277)",
  "--warning-border": "oklch(92.4% 0.12 95.746)",
  "--warning-text": "oklch(41.4% 0.112 45.904)",
  "--error-bg": "oklch(97.1% 0.013 17.38)",
  "--error-border": "oklch(88.5% 0.062 18.334)",
  "--error-text": "oklch(44.4% 0.177 26.899)",
  "--normal-border": "oklch(92.9% 0.013 255.508)",
  "--normal-text": "oklch(20.8% 0.042 265.755)",
  fontFamily: "inherit",
} as CSSProperties;

/** Mount once in the root layout. Renders nothing until the first toast. */
export function Toaster({ style, ...props }: ToasterProps) {
  const [loaded, setLoaded] = useState<Sonner | null>(null);
  useEffect(() => {
    mountListeners.add(setLoaded);
    return () => {
      mountListeners.delete(setLoaded);
    };
  }, []);
  useEffect(() => {
    if (!loaded) return;
    // Let the live region reach the accessibility tree before the first toast lands in it.
    const timer = setTimeout(() => markMounted?.(), 100);
    return () => clearTimeout(timer);
  }, [loaded]);
  if (!loaded) return null;
  const SonnerToaster = loaded.Toaster;
  return (
    <SonnerToaster
      position="bottom-right"
      richColors
      closeButton
      theme="light"
      style={{ ...richColors, ...style }}
      {...props}
    />
  );
}
