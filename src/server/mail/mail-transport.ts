import nodemailer from 'nodemailer';

export type OutgoingMail = {
  to: string;
  subject: string;
  text: string;
  html: string | null;
  attachmentName?: string | null;
  attachmentType?: string | null;
  attachmentContent?: string | null;
};

/** Sends e-mail over SMTP, and says what went wrong without repeating the server's credentials. */
export type Mailer = {
  send(mail: OutgoingMail): Promise<void>;
  describe(error: unknown): string;
};

/**
 * An SMTP mailer for MAIL_URL (`smtp://user:password@host:587`, or `smtps://` for TLS from the start;
 * plain `smtp://` upgrades with STARTTLS when the server offers it). One connection per message: the
 * volume is a few hundred messages around a deadline, not a stream.
 */
export function createMailer(url: string, from: string): Mailer {
  const transport = nodemailer.createTransport(
    {
      url,
      connectionTimeout: 20_000,
      greetingTimeout: 20_000,
      // Well inside the job's expiry, so a stuck server fails the attempt instead of leaving it running
      // while the queue starts another one.
      socketTimeout: 60_000,
      // Attachments are the outbox's own text: none may be read from a path or fetched from a URL.
      disableFileAccess: true,
      disableUrlAccess: true,
    },
    { from },
  );
  const secrets = secretsOf(url);
  return {
    async send(mail) {
      await transport.sendMail({
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        ...(mail.html ? { html: mail.html } : {}),
        ...attachmentOf(mail),
        // RFC 3834: an automatic message, so that out-of-office replies are not sent back to it.
        headers: { 'Auto-Submitted': 'auto-generated' },
      });
    },
    describe: (error) => describeMailError(error, secrets),
  };
}

/**
 * The message's attachment for nodemailer. A calendar invitation goes as nodemailer's `icalEvent`: a
 * `text/calendar; method=…` part beside the text, which mail programs show as an invitation with its
 * buttons, and the same event as an .ics file. Anything else is an ordinary attachment.
 */
export function attachmentOf(mail: OutgoingMail) {
  const { attachmentName: filename, attachmentType: contentType, attachmentContent: content } = mail;
  if (!filename || !contentType || !content) return {};
  const calendar = /^text\/calendar\s*;(?:.*;)?\s*method=([A-Za-z-]+)/i.exec(contentType);
  if (calendar?.[1]) return { icalEvent: { method: calendar[1].toUpperCase(), filename, content } };
  return { attachments: [{ filename, contentType, content }] };
}

/** What in MAIL_URL must never be shown: the URL itself, its user and password, as typed and encoded. */
export function secretsOf(url: string): string[] {
  const found = new Set<string>([url]);
  try {
    const parsed = new URL(url);
    const user = decodeURIComponent(parsed.username);
    const password = decodeURIComponent(parsed.password);
    for (const value of [parsed.username, parsed.password, user, password]) if (value) found.add(value);
    for (const [, value] of parsed.searchParams) if (value.length >= 4) found.add(value);
    // What the AUTH LOGIN and AUTH PLAIN commands send, in case a server echoes it back.
    for (const value of [user, password, `\0${user}\0${password}`]) {
      if (value.length >= 3) found.add(Buffer.from(value, 'utf8').toString('base64'));
    }
  } catch {
    // Not a URL nodemailer could use either; the whole string is already on the list.
  }
  // Longest first, so that a secret containing another is replaced whole.
  return [...found].filter((s) => s.length > 0).sort((a, b) => b.length - a.length);
}

/** One line for the outbox and the log: the error's code and the server's answer, secrets replaced. */
export function describeMailError(error: unknown, secrets: readonly string[]): string {
  const e = (typeof error === 'object' && error !== null ? error : {}) as {
    code?: unknown;
    message?: unknown;
  };
  const code = typeof e.code === 'string' ? e.code : null;
  const message = typeof e.message === 'string' ? e.message : String(error);
  let text = [code, message].filter(Boolean).join(': ');
  for (const secret of secrets) text = text.split(secret).join('***');
  text = text.replace(/\s+/g, ' ').trim();
  return text.length > 500 ? `${text.slice(0, 499)}…` : text;
}
