"use client";

import { Check, Copy } from "lucide-react";
import { useEffect, useState } from "react";
import { Button, type ButtonProps } from "./button";

type CopyStatus = "idle" | "copied" | "failed";

export type CopyButtonProps = Omit<ButtonProps, "onClick" | "asChild" | "loading" | "children"> & {
  /** What goes on the clipboard. */
  text: string;
  /** Visible text, or the aria-label when `iconOnly`. */
  label?: string;
  copiedLabel?: string;
  failedLabel?: string;
  /** A square icon button; `label` becomes its accessible name. */
  iconOnly?: boolean;
  onCopied?: () => void;
};

const RESET_AFTER_MS = 2000;

export function CopyButton({
  text,
  label = "Copy",
  copiedLabel = "Copied",
  failedLabel = "Copy failed",
  iconOnly = false,
  onCopied,
  variant = "secondary",
  size,
  ...props
}: CopyButtonProps) {
  const [status, setStatus] = useState<CopyStatus>("idle");

  useEffect(() => {
    if (status === "idle") return;
    const timer = window.setTimeout(() => setStatus("idle"), RESET_AFTER_MS);
    return () => window.clearTimeout(timer);
  }, [status]);

  async function copy() {
    try {
      // Throws where the Clipboard API is missing (plain http) or permission is denied.
      await navigator.clipboard.writeText(text);
      setStatus("copied");
      onCopied?.();
    } catch {
      setStatus("failed");
    }
  }

  const current = status === "copied" ? copiedLabel : status === "failed" ? failedLabel : label;
  const Icon = status === "copied" ? Check : Copy;

  return (
    <>
      <Button
        variant={variant}
        size={size ?? (iconOnly ? "icon" : "sm")}
        aria-label={iconOnly ? current : undefined}
        onClick={copy}
        {...props}
      >
        <Icon aria-hidden="true" />
        {!iconOnly && <span>{current}</span>}
      </Button>
      {/* Always mounted: a live region only announces changes it was present for. */}
      <span role="status" className="sr-only">
        {status === "idle" ? "" : current}
      </span>
    </>
  );
}
