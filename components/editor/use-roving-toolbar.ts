import { useCallback, useEffect, useRef, type FocusEvent, type KeyboardEvent, type RefObject } from "react";

const ITEM = "[data-toolbar-item]";

function items(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(ITEM)].filter((el) => !(el as HTMLButtonElement).disabled);
}

/**
 * One tab stop for the whole toolbar (WAI-ARIA toolbar pattern): Tab enters it at
 * the last used control, arrow keys, Home and End move inside it. Tabindex is set
 * on the DOM, after every render, because controls appear and get disabled as the
 * selection moves.
 */
export function useRovingToolbar(ref: RefObject<HTMLElement | null>) {
  const current = useRef(0);

  useEffect(() => {
    const root = ref.current;
    if (!root) return;
    const list = items(root);
    const all = root.querySelectorAll<HTMLElement>(ITEM);
    const active = list[Math.min(current.current, list.length - 1)] ?? null;
    for (const el of all) el.tabIndex = el === active ? 0 : -1;
  });

  const onFocus = useCallback(
    (event: FocusEvent<HTMLElement>) => {
      const root = ref.current;
      if (!root) return;
      const list = items(root);
      const index = list.indexOf(event.target as HTMLElement);
      if (index === -1) return;
      current.current = index;
      for (const el of root.querySelectorAll<HTMLElement>(ITEM)) el.tabIndex = el === event.target ? 0 : -1;
    },
    [ref],
  );

  const onKeyDown = useCallback(
    (event: KeyboardEvent<HTMLElement>) => {
      const root = ref.current;
      if (!root) return;
      const list = items(root);
      const index = list.indexOf(event.target as HTMLElement);
      if (index === -1) return;
      const next =
        event.key === "ArrowRight"
          ? (index + 1) % list.length
          : event.key === "ArrowLeft"
            ? (index - 1 + list.length) % list.length
            : event.key === "Home"
              ? 0
              : event.key === "End"
                ? list.length - 1
                : null;
      if (next === null) return;
      event.preventDefault();
      list[next]?.focus();
    },
    [ref],
  );

  return { onFocus, onKeyDown };
}

/** Alt-F10 from the editor: into the toolbar, at the control used last. */
export function focusToolbar(root: HTMLElement | null): void {
  if (!root) return;
  const target = root.querySelector<HTMLElement>(`${ITEM}[tabindex="0"]`) ?? items(root)[0];
  target?.focus();
}
