/** Upload limits, shared by the editor (which checks before sending) and the server (which decides). */
export const MAX_IMAGE_BYTES = 10 * 1024 * 1024;
/** One frame: 40 megapixels covers an 8K screenshot and a phone photo; a bomb's 50,000² header does not pass. */
export const MAX_IMAGE_PIXELS = 40_000_000;
/** Every frame of an animation together. */
export const MAX_ANIMATION_PIXELS = 200_000_000;
export const MAX_ANIMATION_FRAMES = 500;
export const ACCEPTED_IMAGE_TYPES = ["image/png", "image/jpeg", "image/gif", "image/webp"] as const;

export const TOO_LARGE_MESSAGE =
  "This image is larger than 10 MB. Make it smaller (or save it as JPEG or WebP) and upload it again.";
export const UNSUPPORTED_MESSAGE = "Only PNG, JPEG, GIF and WebP images can be uploaded.";
