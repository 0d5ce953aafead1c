"use client";

import {
  cloneElement,
  useEffect,
  useRef,
  useState,
  type ComponentType,
  type FocusEvent,
  type KeyboardEvent,
  type PointerEvent,
  type ReactElement,
} from "react";

/**
 * A dropdown menu whose code — Radix (./dropdown-menu) and the menu's own content
 * module (its items, their icons and actions) — is fetched on first use, not with
 * the page: menus are closed at load.
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

type Loaded<P> = { menu: MenuModule; Content: ComponentType<P> };

export function LazyDropdownMenu<P extends object>({
  trigger,
  load,
  props,
}: {
  /** The trigger button element (it is used `asChild` by Radix once loaded). */
  trigger: ReactElement<TriggerProps>;
  /** Fetches the menu's content: a component rendering `DropdownMenuContent` and its items. */
  load: () => Promise<ComponentType<P>>;
  props: P;
}) {
  const [loaded, setLoaded] = useState<Loaded<P> | null>(null);
  const [openAtOnce, setOpenAtOnce] = useState(false);
  const [refocus, setRefocus] = useState(false);
  const wrapper = useRef<HTMLSpanElement>(null);

  // `loaded` changes once (null → modules): move focus to the real trigger if the stand-in had it.
  useEffect(() => {
    if (loaded && refocus) wrapper.current?.querySelector<HTMLElement>("button, [role=button]")?.focus();
  }, [loaded, refocus]);

  if (loaded) {
    const { menu, Content } = loaded;
    return (
      <span ref={wrapper} className="contents">
        <menu.DropdownMenu defaultOpen={openAtOnce}>
          <menu.DropdownMenuTrigger asChild>{trigger}</menu.DropdownMenuTrigger>
          <Content {...props} />
        </menu.DropdownMenu>
      </span>
    );
  }

  const swapIn = (open: boolean, hadFocus: boolean) => {
    Promise.all([loadMenu(), load()]).then(
      ([menu, Content]) => {
        if (open) setOpenAtOnce(true);
        if (hadFocus || open) setRefocus(true);
        setLoaded((prev) => prev ?? { menu, Content });
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
