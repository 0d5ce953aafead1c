import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll } from "vitest";
import { resetMailTransport } from "@/lib/email/send";
import { decodeMail } from "./mail-decode";

export { decodeMail };

export type ReceivedMail = { from: string | undefined; to: string[]; raw: string };

/**
 * A real SMTP server on a free port for this test file (nodemailer talks SMTP to it
 * over TCP, as it would to a relay), with SMTP_URL and APP_URL pointing the app at it
 * from beforeAll to afterAll. Call once at the top of a test file.
 */
export function withTestSmtpServer() {
  const received: ReceivedMail[] = [];
  const waiters: (() => void)[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      let raw = "";
      stream.setEncoding("utf8");
      stream.on("data", (chunk: string) => (raw += chunk));
      stream.on("end", () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : undefined,
          to: session.envelope.rcptTo.map((r) => r.address),
          raw,
        });
        waiters.splice(0).forEach((w) => w());
        callback();
      });
    },
  });

  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    process.env.SMTP_URL = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
    process.env.APP_URL = "https://review.example.test";
    resetMailTransport();
  });

  afterAll(async () => {
    delete process.env.SMTP_URL;
    resetMailTransport();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  /** Until something arrives that `match` accepts (mail is sent after commit, never awaited by the operation). */
  async function waitFor(
    match: (mail: ReceivedMail) => boolean,
    what: string,
    timeoutMs = 10_000,
  ): Promise<ReceivedMail> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const mail = received.find(match);
      if (mail) return mail;
      if (Date.now() > deadline) throw new Error(`no email ${what} within ${timeoutMs} ms (got ${received.length})`);
      await new Promise<void>((resolve) => {
        waiters.push(resolve);
        setTimeout(resolve, 200);
      });
    }
  }

  return {
    received,
    /** The first mail to `address` (whose subject matches `subject`, when given), decoded: subject and body. */
    mailTo: async (address: string, subject?: RegExp) =>
      decodeMail(
        (
          await waitFor(
            (m) => m.to.includes(address) && (!subject || subject.test(decodeMail(m.raw).subject)),
            `to ${address}${subject ? ` about ${subject}` : ""}`,
          )
        ).raw,
      ),
    /** Until at least `count` mails have arrived. */
    waitForMail: async (count: number) => void (await waitFor(() => received.length >= count, `number ${count}`)),
  };
}
