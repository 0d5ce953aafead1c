/**
 * Shared look of text-like form controls (Input, Textarea, Select).
 * text-base below `sm` keeps iOS Safari from zooming the page when a control takes focus.
 */
export const controlClassName =
  "w-full min-w-0 rounded-md border border-slate-300 bg-white text-base text-slate-900 " +
  "shadow-xs transition-colors sm:text-sm " +
  "placeholder:text-slate-500 hover:border-slate-400 " +
  "focus-visible:border-brand-600 focus-visible:outline-offset-0 " +
  "aria-[invalid=true]:border-red-600 aria-[invalid=true]:focus-visible:outline-red-600 " +
  "disabled:cursor-not-allowed disabled:bg-slate-50 disabled:text-slate-500 disabled:shadow-none";

/** Only text entry controls: a <select> always matches :read-only. */
export const textEntryClassName = "read-only:bg-slate-50";
