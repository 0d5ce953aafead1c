/** Client-safe limits of history inputs. */
export const NAMED_VERSION_MAX = 120;
