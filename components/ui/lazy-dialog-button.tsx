"use client";

import { useEffect, useRef, useState, type ComponentType, type ReactNode } from "react";
import { Button, type ButtonSize, type ButtonVariant } from "./button";
import { useHydrated } from "./use-hydrated";

/**
 * Stands in for a component that renders its own dialog trigger button (e.g. the
 * doc's Share dialog) until it is needed, so the dialog, its forms and Radix are
 * not in the page's JavaScript. The placeholder is the same button; hovering or
 * focusing it fetches the component and swaps it in (focus kept on its trigger);
 * a click or Enter/Space before then opens the dialog as soon as it has loaded,
 * by clicking the real trigger, so the component's own open logic runs.
 */
export function LazyDialogButton<P extends object>({
  load,
  props,
  children,
  variant,
  size,
  className,
}: {
  load: () => Promise<ComponentType<P>>;
  props: P;
  /** The trigger's content, as the real component renders it. */
  children: ReactNode;
  variant?: ButtonVariant;
  size?: ButtonSize;
  className?: string;
}) {
  const [Component, setComponent] = useState<ComponentType<P> | null>(null);
  const wrapper = useRef<HTMLSpanElement>(null);
  const after = useRef<"none" | "focus" | "click">("none");
  const loading = useRef<Promise<void> | null>(null);
  const ready = useHydrated();

  useEffect(() => {
    if (!Component) return;
    const button = wrapper.current?.querySelector<HTMLButtonElement>("button");
    if (after.current === "click") button?.click();
    if (after.current !== "none") button?.focus();
    after.current = "none";
  }, [Component]);

  if (Component) {
    return (
      <span ref={wrapper} className="contents">
        <Component {...props} />
      </span>
    );
  }

  const swapIn = (then: "none" | "focus" | "click") => {
    if (then === "click" || (then === "focus" && after.current === "none")) after.current = then;
    loading.current ??= load().then(
      (loaded) => setComponent(() => loaded),
      () => {
        loading.current = null;
      },
    );
  };

  return (
    <span ref={wrapper} className="contents">
      <Button
        variant={variant}
        size={size}
        className={className}
        aria-haspopup="dialog"
        // Server-rendered, it has no handler until the page is hydrated: a click then would be lost without a trace.
        disabled={!ready}
        onPointerEnter={() => swapIn(wrapper.current?.contains(document.activeElement) ? "focus" : "none")}
        onFocus={() => swapIn("focus")}
        onClick={() => swapIn("click")}
        // A click is a press and a release on the same element. Hovering fetches the component, and when it swaps in
        // between the two (a loaded machine, a slow hand), the release lands on the real trigger: the browser then
        // sends the click to neither, and the dialog never opened (seen in a test run). A press counts as the click;
        // Space clicks on its release, so its press counts too.
        onPointerDown={(event) => {
          if (event.button === 0) swapIn("click");
        }}
        onKeyDown={(event) => {
          if (event.key === " ") swapIn("click");
        }}
      >
        {children}
      </Button>
    </span>
  );
}
