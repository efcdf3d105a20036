import type { Locale } from '../../shared/contracts/common.js';
import { meetingTime } from '../meetings/meeting-mail.js';

/** What an invitation says: planned, moved (time or place changed) or cancelled. */
export type InvitationKind = 'invitation' | 'update' | 'cancellation';

export type InvitationFacts = { title: string; startsAt: string; place: string | null; link: string };

const oneLine = (text: string, max: number) => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
};

const words = {
  nb: {
    invitation: ['Invitasjon', 'Du er invitert til møtet'],
    update: ['Endret', 'Tid eller sted er endret for møtet'],
    cancellation: ['Avlyst', 'Møtet er avlyst'],
    place: 'Sted',
    calendar: 'Kalenderoppføringen ligger ved. Møtet i Partnerskap:',
    footer: 'Denne meldingen er sendt automatisk fra Partnerskap.',
  },
  nn: {
    invitation: ['Invitasjon', 'Du er invitert til møtet'],
    update: ['Endra', 'Tid eller stad er endra for møtet'],
    cancellation: ['Avlyst', 'Møtet er avlyst'],
    place: 'Stad',
    calendar: 'Kalenderoppføringa ligg ved. Møtet i Partnerskap:',
    footer: 'Denne meldinga er send automatisk frå Partnerskap.',
  },
  en: {
    invitation: ['Invitation', 'You are invited to the meeting'],
    update: ['Changed', 'The time or place has changed for the meeting'],
    cancellation: ['Cancelled', 'The meeting has been cancelled'],
    place: 'Place',
    calendar: 'The calendar entry is attached. The meeting in Partnerskap:',
    footer: 'This message was sent automatically by Partnerskap.',
  },
} as const;

/** The text beside a calendar invitation, in the recipient's language. Plain text: every reader shows it. */
export function invitationMail(locale: Locale, kind: InvitationKind, f: InvitationFacts) {
  const w = words[locale];
  const [label, lead] = w[kind];
  const title = oneLine(f.title, 150);
  const when = meetingTime(locale, f.startsAt);
  const quoted = locale === 'en' ? `"${title}"` : `«${title}»`;
  return {
    subject: `${label}: ${title}`,
    text: [
      locale === 'en' ? 'Hello,' : 'Hei,',
      '',
      `${lead} ${quoted} ${locale === 'en' ? 'on ' : ''}${when}.`,
      ...(f.place ? [`${w.place}: ${oneLine(f.place, 300)}`] : []),
      '',
      w.calendar,
      f.link,
      '',
      w.footer,
    ].join('\n'),
  };
}
