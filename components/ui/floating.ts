"use client";

import { useCallback, useEffect, useLayoutEffect, useRef, useState, type CSSProperties, type RefObject } from "react";

export type Placement = "bottom" | "bottom-start";

const HIDDEN: CSSProperties = { position: "fixed", top: 0, left: 0, visibility: "hidden" };

/**
 * Fixed coordinates for a layer under `anchor` (above it when there is no room below),
 * kept inside the viewport and following scroll and resize. What Radix's popper did for
 * the editor's tooltips, link field and table menu, without ~20 KB of floating-ui.
 */
export function useFloatingStyle(
  anchor: RefObject<HTMLElement | null>,
  layer: RefObject<HTMLElement | null>,
  open: boolean,
  placement: Placement,
  offset = 4,
): CSSProperties {
  const [style, setStyle] = useState<CSSProperties>(HIDDEN);
  useLayoutEffect(() => {
    if (!open) return;
    let frame = 0;
    const place = () => {
      const a = anchor.current?.getBoundingClientRect();
      const el = layer.current;
      if (!a || !el) return;
      const { offsetWidth: w, offsetHeight: h } = el;
      const vw = document.documentElement.clientWidth;
      const vh = window.innerHeight;
      const left = Math.max(8, Math.min(placement === "bottom" ? a.left + a.width / 2 - w / 2 : a.left, vw - w - 8));
      const above = a.bottom + offset + h > vh - 8 && a.top - offset - h >= 8;
      const top = above ? a.top - offset - h : a.bottom + offset;
      const maxHeight = above ? a.top - offset - 8 : vh - a.bottom - offset - 8;
      setStyle({
        position: "fixed",
        top,
        left,
        maxHeight,
        transformOrigin: `${a.left + a.width / 2 - left}px ${above ? "100%" : "0"}`,
      });
    };
    place();
    const onMove = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(place);
    };
    window.addEventListener("scroll", onMove, true);
    window.addEventListener("resize", onMove);
    return () => {
      cancelAnimationFrame(frame);
      window.removeEventListener("scroll", onMove, true);
      window.removeEventListener("resize", onMove);
    };
  }, [open, anchor, layer, placement, offset]);
  return open ? style : HIDDEN;
}

/** Escape, or a pointer pressed outside every `inside` element, calls `onDismiss` while `open`. */
export function useDismiss(
  open: boolean,
  onDismiss: (how: "escape" | "outside") => void,
  inside: RefObject<HTMLElement | null>[],
) {
  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      // The layer closes; the editor or dialog underneath must not see this Escape too.
      event.preventDefault();
      event.stopPropagation();
      onDismiss("escape");
    };
    const onDown = (event: PointerEvent) => {
      if (!inside.some((ref) => ref.current?.contains(event.target as Node))) onDismiss("outside");
    };
    document.addEventListener("keydown", onKey, true);
    document.addEventListener("pointerdown", onDown, true);
    return () => {
      document.removeEventListener("keydown", onKey, true);
      document.removeEventListener("pointerdown", onDown, true);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- refs are stable; onDismiss is read fresh each open
  }, [open, onDismiss]);
}

/**
 * What the editor's popover and menu share: a layer placed under `anchor`, closed by
 * Escape or a press outside, the first element matching `focusFirst` focused once the
 * layer is placed, and focus handed back on close — to `onCloseFocus` or the trigger —
 * unless the close was a press elsewhere (which took focus itself).
 */
export function useAnchoredLayer(opts: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  anchor: RefObject<HTMLElement | null>;
  onCloseFocus?: () => void;
  focusFirst: string;
}): { layer: RefObject<HTMLDivElement | null>; style: CSSProperties } {
  const { open, onOpenChange, anchor, onCloseFocus, focusFirst } = opts;
  const layer = useRef<HTMLDivElement | null>(null);
  const style = useFloatingStyle(anchor, layer, open, "bottom-start");
  const restore = useRef(true);
  const close = useCallback(
    (how: "escape" | "outside") => {
      restore.current = how === "escape";
      onOpenChange(false);
    },
    [onOpenChange],
  );
  useDismiss(open, close, [layer, anchor]);
  useEffect(() => {
    if (!open) return;
    restore.current = true;
    // After the layer is placed: nothing inside a visibility:hidden layer can take focus.
    const frame = requestAnimationFrame(() => layer.current?.querySelector<HTMLElement>(focusFirst)?.focus());
    const focusBack = onCloseFocus ?? (() => anchor.current?.focus());
    return () => {
      cancelAnimationFrame(frame);
      if (restore.current) focusBack();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per open
  }, [open]);
  return { layer, style };
}
