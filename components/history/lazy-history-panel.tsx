"use client";

import { History } from "lucide-react";
import { LazyDialogButton } from "@/components/ui/lazy-dialog-button";
import type { HistoryPanel as HistoryPanelType } from "./history-panel";

type Props = Parameters<typeof HistoryPanelType>[0];

const loadHistoryPanel = () => import("./history-panel").then((m) => m.HistoryPanel);

/**
 * The doc page's History button: the panel (Radix, the list, the diff-free history components) is fetched on the
 * first hover, focus or click of this same-looking button, not with the page (the doc page's JS budget, issue 3).
 */
export function LazyHistoryPanel(props: Props) {
  return (
    <LazyDialogButton load={loadHistoryPanel} props={props} variant="ghost" size="sm">
      <History aria-hidden="true" /> History
    </LazyDialogButton>
  );
}
