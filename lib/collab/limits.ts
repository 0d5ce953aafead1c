/**
 * Per-connection limits on the live channel. Typing makes a few small messages a
 * second; a paste or an offline merge makes one large one. Past these, the connection
 * is closed (the provider reconnects and resyncs), never the server.
 */
export const LIMITS = {
  /** One message: a whole section's content (512 KB of JSON) fits with room to spare. */
  maxMessageBytes: 2 * 1024 * 1024,
  /**
   * Sustained messages per second, and the burst above it. A keystroke is two messages (the change and the caret),
   * and a fast typist's burst, text typed by a tool or a key held down reached 300 in under a second and had the
   * typist's connection closed (the other page then waited for the reconnect): the limit is for floods.
   */
  messagesPerSecond: 200,
  messageBurst: 1_200,
  /** Sustained bytes per second, and the burst above it (an offline merge arrives at once). */
  bytesPerSecond: 256 * 1024,
  byteBurst: 4 * 1024 * 1024,
} as const;

/** Two token buckets (messages, bytes) refilled continuously. */
export class MessageLimiter {
  private messages: number = LIMITS.messageBurst;
  private bytes: number = LIMITS.byteBurst;
  private last: number;

  constructor(
    private readonly now: () => number = () => performance.now(),
    private readonly limits: typeof LIMITS = LIMITS,
  ) {
    this.last = now();
    this.messages = limits.messageBurst;
    this.bytes = limits.byteBurst;
  }

  /** Whether a message of `size` bytes may pass; spends from both buckets when it does. */
  take(size: number): boolean {
    const t = this.now();
    const seconds = Math.max(0, (t - this.last) / 1000);
    this.last = t;
    this.messages = Math.min(this.limits.messageBurst, this.messages + seconds * this.limits.messagesPerSecond);
    this.bytes = Math.min(this.limits.byteBurst, this.bytes + seconds * this.limits.bytesPerSecond);
    if (this.messages < 1 || this.bytes < size) return false;
    this.messages -= 1;
    this.bytes -= size;
    return true;
  }
}
