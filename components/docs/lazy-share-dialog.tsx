"use client";

import { Share2 } from "lucide-react";
import { LazyDialogButton } from "@/components/ui/lazy-dialog-button";
import type { ShareDialog as ShareDialogType } from "@/components/sharing/share-dialog";

type Props = Parameters<typeof ShareDialogType>[0];

const loadShareDialog = () => import("@/components/sharing/share-dialog").then((m) => m.ShareDialog);

/**
 * The doc page's Share button: the same button as ShareDialog's own trigger, but
 * the dialog (its forms, people list and Radix) is fetched on first hover, focus
 * or click instead of with the page.
 */
export function LazyShareDialog(props: Props) {
  return (
    <LazyDialogButton load={loadShareDialog} props={props} variant="secondary" size="sm">
      <Share2 aria-hidden="true" />
      Share
    </LazyDialogButton>
  );
}
