import "server-only";
import { describeNotification, type NotificationData, type NotificationType } from "./messages";

const appUrl = () => (process.env.APP_URL ?? "http://localhost:3000").replace(/\/$/, "");

/** The email of one notification: its line as the subject, the note quoted, links to the doc and the inbox. */
export function notificationMail(type: NotificationType | string, data: NotificationData, name?: string) {
  const line = describeNotification(type, data);
  const link = `${appUrl()}/docs/${data.docSlug}`;
  const note = data.body || data.message;
  return {
    subject: line.replace(/[“”]/g, '"'),
    text:
      `${name ? `Hi ${name},\n\n` : ""}${line}.\n${note ? `\n> ${note.replace(/\n/g, "\n> ")}\n` : ""}` +
      `\nOpen the doc: ${link}\nYour inbox: ${appUrl()}/inbox\n`,
  };
}

/** One email for a day's notifications, oldest first. */
export function digestMail(name: string, items: { type: string; data: NotificationData }[]) {
  const lines = items.map((i) => `- ${describeNotification(i.type, i.data)}\n  ${appUrl()}/docs/${i.data.docSlug}`);
  return {
    subject: `Design Review: ${items.length} update${items.length === 1 ? "" : "s"} since yesterday`,
    text:
      `Hi ${name},\n\nWhat happened on your docs and reviews:\n\n${lines.join("\n")}\n\n` +
      `Your inbox: ${appUrl()}/inbox\n`,
  };
}
