import { Plugin, PluginKey, type EditorState, type PluginView, type Transaction } from "@tiptap/pm/state";
import type { EditorView } from "@tiptap/pm/view";
import type { SuggestionOptions } from "@tiptap/suggestion";

/*
 * @tiptap/suggestion, fetched once an editor is open. The package imports Floating UI for a popup we do not use (our
 * menus are components/ui/suggestion-list.ts): ~11 KB gzip, of which a browser build step now drops Floating UI's 8
 * (scripts/loaders/tiptap-suggestion-no-floating-ui.cjs), and the rest need not delay an editor opening. In the
 * browser `@tiptap/suggestion` resolves here (next.config.ts `resolveAlias`, so @tiptap/extension-mention gets this
 * too), and the package itself is fetched once an editor is open, in idle time (or on the first trigger, if sooner).
 *
 * Until then a stand-in plugin holds the package's plugin key with a closed state (so `key.getState(…).active`
 * answers false). Once the package is here, the stand-in hands state, keys, decorations and its view to the real
 * plugin, and nudges it once to read the text as it is: the "/" or "@" that started the load is seen then.
 */
type SuggestionModule = typeof import("@tiptap/suggestion");

let loading: Promise<SuggestionModule> | null = null;

function loadSuggestion(): Promise<SuggestionModule> {
  // A path, not the package name: that name resolves to this file in the browser.
  loading ??= import("../../node_modules/@tiptap/suggestion/dist/index.js").catch((error: unknown) => {
    loading = null; // offline: the next trigger tries the network again
    throw error;
  });
  return loading;
}

/**
 * Once an editor is open the package comes in the browser's idle time, not on the first trigger only: the slash
 * menu must work offline too (a trigger typed offline could not fetch it).
 */
function prefetchSuggestion(): void {
  if (loading || typeof window === "undefined" || !navigator.onLine) return;
  const fetchNow = () => void loadSuggestion().catch(() => {});
  if (typeof requestIdleCallback === "function") requestIdleCallback(fetchNow, { timeout: 3_000 });
  else setTimeout(fetchNow, 1_000);
}

/** What a suggestion plugin's state is before it opened once (the package's own `init` says the same). */
const CLOSED = Object.freeze({
  active: false,
  range: Object.freeze({ from: 0, to: 0 }),
  query: null,
  text: null,
  composing: false,
  dismissedRange: null,
});

const WAKE = "lazySuggestionArrived";

/** Whether the caret follows the trigger character in its text block (typed, pasted or composed). */
function afterTrigger(state: EditorState, char: string): boolean {
  const { $from, empty } = state.selection;
  if (!empty || !$from.parent.isTextblock) return false;
  return $from.parent.textBetween(0, $from.parentOffset, undefined, "\ufffc").includes(char);
}

export function Suggestion<I = unknown, TSelected = unknown>(options: SuggestionOptions<I, TSelected>): Plugin {
  // The real plugin must use the stand-in's key: every reader of its state (and the package itself) asks that key.
  const key: PluginKey = options.pluginKey ?? new PluginKey("suggestion");
  const char = options.char ?? "@";
  let real: Plugin | null = null;
  /** A trigger was typed here (not brought by someone else's change, which must never open a menu). */
  let wanted = false;
  /** The stand-in's live view, if any (ProseMirror makes a new one when an editor's plugins change). */
  let current: { view: EditorView; start: () => void } | null = null;

  const shownFor = (transaction: Transaction) =>
    !options.shouldShow ||
    options.shouldShow({ editor: options.editor, range: { from: 0, to: 0 }, query: "", text: "", transaction });
  const arrive = (module: SuggestionModule) => {
    real ??= module.Suggestion({ ...options, pluginKey: key });
    current?.start();
  };

  return new Plugin({
    key,
    state: {
      init: () => CLOSED,
      apply(tr, value, oldState, newState) {
        if (!real?.spec.state) {
          if (tr.docChanged && afterTrigger(newState, char) && shownFor(tr)) wanted = true;
          return value;
        }
        const from = value === CLOSED ? real.spec.state.init.call(real, {}, oldState) : value;
        return real.spec.state.apply.call(real, tr, from, oldState, newState);
      },
    },
    props: {
      handleKeyDown: (view, event) => real?.props.handleKeyDown?.call(real, view, event) ?? false,
      decorations: (state) => real?.props.decorations?.call(real, state) ?? null,
    },
    view(view) {
      prefetchSuggestion();
      let inner: PluginView | null = real?.spec.view?.(view) ?? null;
      const self = {
        view,
        start: () => {
          if (inner || view.isDestroyed) return;
          inner = real?.spec.view?.(view) ?? null;
          view.dispatch(view.state.tr.setMeta(WAKE, true));
        },
      };
      current = self;
      return {
        update(updated, previous) {
          if (inner) return inner.update?.(updated, previous);
          if (!wanted) return;
          wanted = false;
          loadSuggestion().then(arrive, () => {});
        },
        destroy() {
          if (current === self) current = null;
          inner?.destroy?.();
        },
      };
    },
  });
}

export default Suggestion;
