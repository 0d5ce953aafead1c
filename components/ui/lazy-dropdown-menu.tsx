"use client";

import { cloneElement, useEffect, useRef, useState, type FocusEvent, type KeyboardEvent, type PointerEvent, type ReactElement, type ReactNode } from "react";

/**
 * A dropdown menu whose Radix code (./dropdown-menu) is fetched on first use, not
 * with the page: menus are closed at load, and Radix's menu, popper and focus
 * management are most of a page's shared JavaScript.
 *
 * Until then the trigger is the same button (same look, `aria-haspopup="menu"`,
 * `aria-expanded="false"`). Hovering or focusing it fetches the menu and swaps in
 * the real Radix trigger (focus kept on it), so by the time someone clicks the
 * real menu handles it. A press or Enter/Space/ArrowDown that comes before the
 * code has arrived opens the menu as soon as it has.
 */
type MenuModule = typeof import("./dropdown-menu");

let loading: Promise<MenuModule> | null = null;
function loadMenu(): Promise<MenuModule> {
  loading ??= import("./dropdown-menu").catch((error: unknown) => {
    loading = null; // let the next hover or press try the network again
    throw error;
  });
  return loading;
}

type TriggerProps = {
  onPointerEnter?: (event: PointerEvent<HTMLElement>) => void;
  onPointerDown?: (event: PointerEvent<HTMLElement>) => void;
  onFocus?: (event: FocusEvent<HTMLElement>) => void;
  onKeyDown?: (event: KeyboardEvent<HTMLElement>) => void;
  "aria-haspopup"?: "menu";
  "aria-expanded"?: boolean;
  type?: "button";
};

export function LazyDropdownMenu({
  trigger,
  children,
}: {
  /** The trigger button element (it is used `asChild` by Radix once loaded). */
  trigger: ReactElement<TriggerProps>;
  /** The menu content, built from the loaded module's components. */
  children: (menu: MenuModule) => ReactNode;
}) {
  const [menu, setMenu] = useState<MenuModule | null>(null);
  const [openAtOnce, setOpenAtOnce] = useState(false);
  const [refocus, setRefocus] = useState(false);
  const wrapper = useRef<HTMLSpanElement>(null);

  // `menu` changes once (null → module): move focus to the real trigger if the stand-in had it.
  useEffect(() => {
    if (menu && refocus) wrapper.current?.querySelector<HTMLElement>("button, [role=button]")?.focus();
  }, [menu, refocus]);

  if (menu) {
    return (
      <span ref={wrapper} className="contents">
        <menu.DropdownMenu defaultOpen={openAtOnce}>
          <menu.DropdownMenuTrigger asChild>{trigger}</menu.DropdownMenuTrigger>
          {children(menu)}
        </menu.DropdownMenu>
      </span>
    );
  }

  const swapIn = (open: boolean, hadFocus: boolean) => {
    loadMenu().then(
      (loaded) => {
        if (open) setOpenAtOnce(true);
        if (hadFocus || open) setRefocus(true);
        setMenu(loaded);
      },
      () => {},
    );
  };
  const isFocused = (el: EventTarget) => typeof document !== "undefined" && document.activeElement === el;

  return (
    <span ref={wrapper} className="contents">
      {cloneElement(trigger, {
        type: "button",
        "aria-haspopup": "menu",
        "aria-expanded": false,
        onPointerEnter: (event: PointerEvent<HTMLElement>) => swapIn(false, isFocused(event.currentTarget)),
        onFocus: () => swapIn(false, true),
        onPointerDown: (event: PointerEvent<HTMLElement>) => {
          // Radix opens on a primary-button press without Ctrl; do the same.
          if (event.button === 0 && !event.ctrlKey) {
            event.preventDefault();
            swapIn(true, true);
          }
        },
        onKeyDown: (event: KeyboardEvent<HTMLElement>) => {
          if (event.key === "Enter" || event.key === " " || event.key === "ArrowDown") {
            event.preventDefault();
            swapIn(true, true);
          }
        },
      })}
    </span>
  );
}
