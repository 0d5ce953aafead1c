"use client";

import type { CSSProperties } from "react";
import { Toaster as SonnerToaster, type ToasterProps } from "sonner";

export { toast } from "sonner";

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

/** Mount once in the root layout. Then `toast.success("Saved")` from any client component. */
export function Toaster({ style, ...props }: ToasterProps) {
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
