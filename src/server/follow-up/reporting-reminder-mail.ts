import type { Locale } from '../../shared/contracts/common.js';

/**
 * The reminder an owner gets 14 and 3 days before a reporting round's deadline while some of its
 * commitments have no submitted report, in the recipient's own language. Plain text.
 */

export type ReminderFacts = {
  /** The department, or the region, whose commitments are not reported on. */
  ownerName: string;
  roundName: string;
  cycleName: string;
  deadline: string;
  /** How many of the owner's commitments have no submitted report. */
  left: number;
  daysBefore: number;
  link: string;
};

export type Mail = { subject: string; text: string };

const dateFormats: Record<Locale, Intl.DateTimeFormat> = {
  nb: new Intl.DateTimeFormat('nb-NO', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
  nn: new Intl.DateTimeFormat('nn-NO', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
  en: new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
};

const longDate = (locale: Locale, date: string) => dateFormats[locale].format(new Date(`${date}T00:00:00Z`));

export function reminderMail(locale: Locale, f: ReminderFacts): Mail {
  const deadline = longDate(locale, f.deadline);
  if (locale === 'en') {
    const things = f.left === 1 ? '1 commitment' : `${f.left} commitments`;
    return {
      subject: `Reminder: ${f.daysBefore} days left to report – ${f.roundName}`,
      text: [
        'Hello,',
        '',
        `${f.ownerName} has not yet submitted its report on ${things} in the reporting round "${f.roundName}" (${f.cycleName}). The deadline is ${deadline}.`,
        '',
        'Report in Partnerskap:',
        f.link,
        '',
        'This message was sent automatically by Partnerskap.',
      ].join('\n'),
    };
  }
  if (locale === 'nn') {
    const things = f.left === 1 ? '1 forplikting' : `${f.left} forpliktingar`;
    return {
      subject: `Påminning: ${f.daysBefore} dagar att til rapporteringsfristen – ${f.roundName}`,
      text: [
        'Hei,',
        '',
        `${f.ownerName} har enno ikkje sendt rapport om ${things} i rapporteringsrunden «${f.roundName}» (${f.cycleName}). Fristen er ${deadline}.`,
        '',
        'Rapporter i Partnerskap:',
        f.link,
        '',
        'Denne meldinga er send automatisk frå Partnerskap.',
      ].join('\n'),
    };
  }
  const things = f.left === 1 ? '1 forpliktelse' : `${f.left} forpliktelser`;
  return {
    subject: `Påminnelse: ${f.daysBefore} dager igjen til rapporteringsfristen – ${f.roundName}`,
    text: [
      'Hei,',
      '',
      `${f.ownerName} har ennå ikke sendt rapport om ${things} i rapporteringsrunden «${f.roundName}» (${f.cycleName}). Fristen er ${deadline}.`,
      '',
      'Rapporter i Partnerskap:',
      f.link,
      '',
      'Denne meldingen er sendt automatisk fra Partnerskap.',
    ].join('\n'),
  };
}
