/** Enough MIME decoding to read what nodemailer sent: RFC 2047 Q-words in headers, quoted-printable bodies. */
const bytes = (qp: string) =>
  Buffer.from(
    qp.replace(/=([0-9A-F]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16))),
    "latin1",
  ).toString("utf8");

export function decodeMail(raw: string): { subject: string; body: string } {
  const [head = "", ...rest] = raw.split(/\r?\n\r?\n/);
  const unfolded = head.replace(/\r?\n[ \t]+/g, " ").replace(/\?=\s+=\?/g, "?==?");
  const subject = (/^Subject: (.*)$/m.exec(unfolded)?.[1] ?? "").replace(/=\?UTF-8\?Q\?([^?]*)\?=/gi, (_m, q: string) =>
    bytes(q.replace(/_/g, " ")),
  );
  const body = /quoted-printable/i.test(head) ? bytes(rest.join("\n\n").replace(/=\r?\n/g, "")) : rest.join("\n\n");
  return { subject, body };
}
