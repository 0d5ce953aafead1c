"use client";

import type { ReactNode } from "react";
import { LazyDialogButton } from "@/components/ui/lazy-dialog-button";
import type { ShareDialog as ShareDialogType } from "@/components/sharing/share-dialog";

type Props = Parameters<typeof ShareDialogType>[0];

const loadShareDialog = () => import("@/components/sharing/share-dialog").then((m) => m.ShareDialog);

/** The Share button's client half: fetches the dialog on first hover, focus or click (./lazy-share-dialog.tsx). */
export function ShareDialogButton({ children, ...props }: Props & { children: ReactNode }) {
  return (
    <LazyDialogButton load={loadShareDialog} props={props} variant="secondary" size="sm">
      {children}
    </LazyDialogButton>
  );
}
