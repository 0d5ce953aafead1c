"use client";

import type { ReactNode } from "react";
import { TriangleAlert } from "lucide-react";
import { Button } from "./button";
import { CopyButton } from "./copy-button";
import { Input } from "./input";

type Props = {
  /** What was made ("Token created"). */
  title: ReactNode;
  /** The secret (a token, a signing secret, a link) and the accessible name of its field. */
  value: string;
  label: string;
  /** Why it must be copied now and what to do if it is lost. */
  warning: ReactNode;
  onDone: () => void;
};

/**
 * A secret shown once, right after it was created (API tokens, webhook secrets, share links): only a fingerprint of
 * it is stored, so this is the one chance to copy it.
 */
export function ShownOnceNotice({ title, value, label, warning, onDone }: Props) {
  return (
    <div
      className="grid min-w-0 gap-3 rounded-md border border-green-200 bg-green-50 p-3 text-sm sm:p-4 [&>*]:min-w-0"
      role="status"
    >
      <p className="font-semibold text-green-900">{title}</p>
      <div className="flex gap-2">
        <Input
          readOnly
          value={value}
          aria-label={label}
          className="min-w-0 flex-1 bg-white font-mono text-xs sm:text-xs"
          onFocus={(e) => e.currentTarget.select()}
        />
        <CopyButton text={value} label="Copy" variant="primary" />
      </div>
      <p className="flex gap-2 text-amber-900">
        <TriangleAlert aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
        <span>{warning}</span>
      </p>
      <div>
        <Button variant="secondary" size="sm" onClick={onDone}>
          Done
        </Button>
      </div>
    </div>
  );
}
