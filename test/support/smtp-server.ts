import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** A message as it arrived at the test's SMTP server, its headers and body decoded. */
export type ReceivedMail = {
  from: string;
  to: string[];
  subject: string;
  text: string;
  html: string | null;
  headers: Map<string, string>;
  user: string | null;
  /** Every part besides the text and the HTML (a calendar invitation, a file), decoded. */
  parts: { contentType: string; filename: string | null; content: string }[];
};

export type TestSmtpServer = {
  /** A MAIL_URL for the server, with credentials when the server was given some. */
  url: string;
  received: ReceivedMail[];
  /** Messages the server refused (each try counts). */
  refusals: number;
  close(): Promise<void>;
};

/**
 * A real SMTP server on a free local port, without TLS. With `credentials` it accepts AUTH PLAIN/LOGIN
 * with those only; with `refuse` it answers every message with that 5xx text.
 */
export async function startSmtpServer(
  options: { credentials?: { user: string; pass: string }; refuse?: string } = {},
): Promise<TestSmtpServer> {
  const received: ReceivedMail[] = [];
  const state = { refusals: 0 };
  const server = new SMTPServer({
    authOptional: !options.credentials,
    allowInsecureAuth: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onAuth(auth, _session, callback) {
      const ok = auth.username === options.credentials?.user && auth.password === options.credentials?.pass;
      if (!ok) return callback(Object.assign(new Error('Invalid credentials'), { responseCode: 535 }));
      callback(null, { user: auth.username });
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if (options.refuse) {
          state.refusals += 1;
          return callback(Object.assign(new Error(options.refuse), { responseCode: 554 }));
        }
        const parsed = parseMessage(Buffer.concat(chunks).toString('latin1'));
        received.push({
          ...parsed,
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          user: typeof session.user === 'string' ? session.user : null,
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.server.address() as AddressInfo;
  const auth = options.credentials
    ? `${encodeURIComponent(options.credentials.user)}:${encodeURIComponent(options.credentials.pass)}@`
    : '';
  return {
    url: `smtp://${auth}127.0.0.1:${port}`,
    received,
    get refusals() {
      return state.refusals;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

type Part = { headers: Map<string, string>; body: string };

/**
 * Just enough MIME for what nodemailer sends: one text part, or text and HTML as multipart/alternative, with
 * a calendar part and attachments beside them.
 */
function parseMessage(raw: string): Omit<ReceivedMail, 'from' | 'to' | 'user'> {
  const message = splitPart(raw);
  const parts = partsOf(message);
  const text = parts.find((p) => contentType(p).startsWith('text/plain'));
  const html = parts.find((p) => contentType(p).startsWith('text/html'));
  return {
    headers: message.headers,
    subject: decodeWords(message.headers.get('subject') ?? ''),
    text: text ? decodeBody(text) : '',
    html: html ? decodeBody(html) : null,
    parts: parts
      .filter((p) => p !== text && p !== html)
      .map((p) => ({
        contentType: p.headers.get('content-type') ?? '',
        filename: /filename="?([^";]+)"?/i.exec(p.headers.get('content-disposition') ?? '')?.[1] ?? null,
        content: decodeBody(p),
      })),
  };
}

function splitPart(raw: string): Part {
  const end = raw.indexOf('\r\n\r\n');
  const head = end === -1 ? raw : raw.slice(0, end);
  const headers = new Map<string, string>();
  // Unfold continuation lines, then one header per line.
  for (const line of head.replace(/\r\n[ \t]+/g, ' ').split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return { headers, body: end === -1 ? '' : raw.slice(end + 4) };
}

function partsOf(part: Part): Part[] {
  const type = contentType(part);
  const boundary = /boundary="?([^";]+)"?/i.exec(part.headers.get('content-type') ?? '')?.[1];
  if (!type.startsWith('multipart/') || !boundary) return [part];
  return part.body
    .split(`--${boundary}`)
    .slice(1)
    .filter((chunk) => !chunk.startsWith('--'))
    .map((chunk) => splitPart(chunk.replace(/^\r\n/, '')))
    .flatMap(partsOf);
}

const contentType = (part: Part) => (part.headers.get('content-type') ?? 'text/plain').toLowerCase();

/** The part's text with the line ends a reader sees (SMTP carries CRLF). */
function decodeBody(part: Part): string {
  const encoding = (part.headers.get('content-transfer-encoding') ?? '7bit').toLowerCase();
  const body = part.body.replace(/\r\n$/, '');
  const text =
    encoding === 'base64'
      ? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
      : encoding === 'quoted-printable'
        ? quotedPrintable(body.replace(/=\r\n/g, ''))
        : Buffer.from(body, 'latin1').toString('utf8');
  return text.replace(/\r\n/g, '\n');
}

function quotedPrintable(text: string): string {
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const hex = text.slice(i + 1, i + 3);
    if (text[i] === '=' && /^[0-9A-F]{2}$/i.test(hex)) {
      bytes.push(Number.parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(text.charCodeAt(i));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

/** RFC 2047 encoded words (`=?UTF-8?Q?…?=`, `=?UTF-8?B?…?=`); the space between two of them is dropped. */
function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?([^?]+)\?([QB])\?([^?]*)\?=/gi, (_, _charset: string, kind: string, data: string) =>
      kind.toUpperCase() === 'B'
        ? Buffer.from(data, 'base64').toString('utf8')
        : quotedPrintable(data.replace(/_/g, ' ')),
    );
}
