import { cn } from "./cn";

/** What @tiptap/suggestion hands its renderer (only the parts used here). */
export type SuggestionRenderProps<T> = {
  items: T[];
  command: (item: T) => void;
  clientRect?: (() => DOMRect | null) | null;
};

type Options<T> = {
  /** The listbox's accessible name ("People to mention", "Insert a block"). */
  label: string;
  /** One option's content: its text, or nodes (an icon and a hint). */
  render: (item: T) => string | Node[];
  /** Shown when nothing matches what was typed. */
  empty: string;
  /** A stable id per option, for testing and aria. */
  key?: (item: T) => string;
};

const WIDTH = 256;

/**
 * A listbox under the caret that a suggestion plugin (mentions, the slash menu) drives: vanilla DOM, so it needs
 * no React root of its own. Arrows move (wrapping), Enter or Tab picks, Escape closes; a pointer picks without
 * taking focus from the editor. Returns the `render` factory @tiptap/suggestion expects.
 */
export function suggestionList<T>(options: Options<T>) {
  return () => {
    let el: HTMLUListElement | null = null;
    let items: T[] = [];
    let index = 0;
    let pick: ((item: T) => void) | null = null;

    const option = (item: T, i: number) => {
      const li = document.createElement("li");
      li.id = `suggestion-${i}`;
      li.setAttribute("role", "option");
      li.setAttribute("aria-selected", String(i === index));
      if (options.key) li.dataset.key = options.key(item);
      li.className = cn(
        "flex cursor-pointer items-center gap-2 rounded px-2 py-1 text-sm",
        i === index ? "bg-brand-50 text-brand-800" : "text-slate-800",
      );
      const content = options.render(item);
      if (typeof content === "string") li.textContent = content;
      else li.replaceChildren(...content);
      li.addEventListener("mousedown", (e) => {
        e.preventDefault();
        pick?.(item);
      });
      return li;
    };

    const paint = () => {
      if (!el) return;
      el.replaceChildren(
        ...(items.length
          ? items.map(option)
          : [
              Object.assign(document.createElement("li"), {
                className: "px-2 py-1 text-sm text-slate-500",
                textContent: options.empty,
              }),
            ]),
      );
      el.querySelector('[aria-selected="true"]')?.scrollIntoView({ block: "nearest" });
    };

    const place = (rect: DOMRect | null | undefined) => {
      if (!el || !rect) return;
      el.style.left = `${Math.max(8, Math.min(rect.left, window.innerWidth - WIDTH - 8))}px`;
      // Under the caret, or above it when the list would run off the bottom of the screen.
      const below = rect.bottom + 4;
      const above = rect.top - el.offsetHeight - 4;
      el.style.top = `${below + el.offsetHeight > window.innerHeight && above > 0 ? above : below}px`;
    };

    const update = (p: SuggestionRenderProps<T>) => {
      items = p.items;
      index = 0;
      pick = (item) => p.command(item);
      paint();
      place(p.clientRect?.());
    };

    return {
      onStart: (p: SuggestionRenderProps<T>) => {
        el = document.createElement("ul");
        el.setAttribute("role", "listbox");
        el.setAttribute("aria-label", options.label);
        el.className = cn(
          "fixed z-50 grid max-h-72 gap-0.5 overflow-y-auto rounded-md border border-slate-200 bg-white p-1 shadow-lg",
        );
        el.style.width = `${WIDTH}px`;
        document.body.append(el);
        update(p);
      },
      onUpdate: update,
      onKeyDown: ({ event }: { event: KeyboardEvent }) => {
        if (event.key === "ArrowDown" || event.key === "ArrowUp") {
          index = (index + (event.key === "ArrowDown" ? 1 : items.length - 1)) % Math.max(1, items.length);
          paint();
          return true;
        }
        if (event.key === "Enter" || event.key === "Tab") {
          const item = items[index];
          if (item) pick?.(item);
          return !!item;
        }
        return event.key === "Escape";
      },
      onExit: () => {
        el?.remove();
        el = null;
      },
    };
  };
}
