import type { Locale } from '../../shared/contracts/common.js';
import { meetingPath } from '../../shared/contracts/meetings.js';
import { osloParts } from '../../shared/contracts/oslo-time.js';

/**
 * The e-mails about a meeting, in the recipient's language (bokmål unless their account says otherwise).
 * Plain text: every mail reader shows it.
 */

export type Mail = { subject: string; text: string };

export type MeetingFacts = { title: string; startsAt: string; link: string };

export const meetingLink = (appUrl: string, meetingId: string) =>
  `${appUrl.replace(/\/+$/, '')}${meetingPath(meetingId)}`;

/** "18.03.2025 kl. 15.00" (Oslo time), "18.03.2025 at 15:00" in English. */
export function meetingTime(locale: Locale, iso: string): string {
  const { date, time } = osloParts(iso);
  const day = `${date.slice(8, 10)}.${date.slice(5, 7)}.${date.slice(0, 4)}`;
  return locale === 'en' ? `${day} at ${time}` : `${day} kl. ${time.replace(':', '.')}`;
}

const oneLine = (text: string, max: number) => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
};

/** To every participant with an e-mail address, when the minutes are sent for comment. */
export function minutesForCommentMail(locale: Locale, f: MeetingFacts): Mail {
  const title = oneLine(f.title, 150);
  const when = meetingTime(locale, f.startsAt);
  if (locale === 'nn') {
    return {
      subject: `Referat til kommentar: ${title}`,
      text: [
        'Hei,',
        '',
        `Referatet frå møtet «${title}» ${when} er sendt til deltakarane for kommentar.`,
        'Les referatet og kommenter i Partnerskap:',
        f.link,
        '',
        'Denne meldinga er send automatisk frå Partnerskap.',
      ].join('\n'),
    };
  }
  if (locale === 'en') {
    return {
      subject: `Minutes for comment: ${title}`,
      text: [
        'Hello,',
        '',
        `The minutes of the meeting "${title}" on ${when} have been sent to the participants for comment.`,
        'Read the minutes and comment in Partnerskap:',
        f.link,
        '',
        'This message was sent automatically by Partnerskap.',
      ].join('\n'),
    };
  }
  return {
    subject: `Referat til kommentar: ${title}`,
    text: [
      'Hei,',
      '',
      `Referatet fra møtet «${title}» ${when} er sendt til deltakerne for kommentar.`,
      'Les referatet og kommenter i Partnerskap:',
      f.link,
      '',
      'Denne meldingen er sendt automatisk fra Partnerskap.',
    ].join('\n'),
  };
}

/** To the meeting's owner, once, when a held meeting still has no minutes three days later. */
export function minutesReminderMail(locale: Locale, f: MeetingFacts): Mail {
  const title = oneLine(f.title, 150);
  const when = meetingTime(locale, f.startsAt);
  if (locale === 'nn') {
    return {
      subject: `Påminning: referatet frå «${title}» er ikkje skrive`,
      text: [
        'Hei,',
        '',
        `Møtet «${title}» ${when} er halde, men referatet er ikkje skrive enno.`,
        'Skriv referatet og send det til deltakarane for kommentar i Partnerskap:',
        f.link,
        '',
        'Denne meldinga er send automatisk frå Partnerskap, éin gong.',
      ].join('\n'),
    };
  }
  if (locale === 'en') {
    return {
      subject: `Reminder: the minutes of "${title}" are not written`,
      text: [
        'Hello,',
        '',
        `The meeting "${title}" on ${when} has been held, but its minutes are not written yet.`,
        'Write the minutes and send them to the participants for comment in Partnerskap:',
        f.link,
        '',
        'This message was sent automatically by Partnerskap, once.',
      ].join('\n'),
    };
  }
  return {
    subject: `Påminnelse: referatet fra «${title}» er ikke skrevet`,
    text: [
      'Hei,',
      '',
      `Møtet «${title}» ${when} er holdt, men referatet er ikke skrevet ennå.`,
      'Skriv referatet og send det til deltakerne for kommentar i Partnerskap:',
      f.link,
      '',
      'Denne meldingen er sendt automatisk fra Partnerskap, én gang.',
    ].join('\n'),
  };
}
