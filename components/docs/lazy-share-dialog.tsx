import { Share2 } from "lucide-react";
import type { ShareDialog as ShareDialogType } from "@/components/sharing/share-dialog";
import { ShareDialogButton } from "./share-dialog-button";

type Props = Parameters<typeof ShareDialogType>[0];

/**
 * The doc page's Share button: the same button as ShareDialog's own trigger, but
 * the dialog (its forms, people list and Radix) is fetched on first hover, focus
 * or click instead of with the page. Its label and icon render here, on the server.
 */
export function LazyShareDialog(props: Props) {
  return (
    <ShareDialogButton {...props}>
      <Share2 aria-hidden="true" />
      Share
    </ShareDialogButton>
  );
}
