// The comment threads' UI as one lazy chunk (see lazy-comments.tsx): nothing of it shows before the threads arrive.
// The selection's Comment button and the composer (comments-root.tsx) come in a chunk of their own, when needed.
export { BlockingNotice } from "./blocking-notice";
export { CommentsColumn } from "./comments-column";
export { SectionThreads } from "./section-threads";
