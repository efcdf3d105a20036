import type { Locale } from '../../shared/contracts/common.js';
import type { ContributionStatus } from '../../shared/contracts/contributions.js';

/**
 * The e-mail a user gets when mentioned in a comment on a contribution, in the user's own language
 * (bokmål, nynorsk or English). Plain text: every mail reader shows it.
 */

export type MentionFacts = {
  authorName: string;
  regionName: string;
  contributionTitle: string;
  status: ContributionStatus;
  body: string;
  link: string;
};

export type Mail = { subject: string; text: string };

const statusNames: Record<Locale, Record<ContributionStatus, string>> = {
  nb: { proposed: 'foreslått', discussed: 'drøftet', agreed: 'avtalt', dropped: 'falt bort' },
  nn: { proposed: 'føreslått', discussed: 'drøfta', agreed: 'avtalt', dropped: 'fall bort' },
  en: { proposed: 'proposed', discussed: 'discussed', agreed: 'agreed', dropped: 'dropped' },
};

/** The quoted comment, shortened so that a long one does not fill the message. */
const quoted = (body: string) => {
  const text = body.length > 2000 ? `${body.slice(0, 2000)} …` : body;
  return text
    .split('\n')
    .map((line) => `> ${line}`)
    .join('\n');
};

const oneLine = (text: string, max: number) => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
};

export function mentionMail(locale: Locale, f: MentionFacts): Mail {
  const title = oneLine(f.contributionTitle, 120);
  const author = oneLine(f.authorName, 100);
  const status = statusNames[locale][f.status];
  if (locale === 'nn') {
    return {
      subject: `${author} nemnde deg i ein kommentar: ${title}`,
      text: [
        'Hei,',
        '',
        `${author} nemnde deg i ein kommentar til bidraget «${title}» i partnarskapsavtalen for ${f.regionName} (status: ${status}).`,
        '',
        quoted(f.body),
        '',
        'Sjå bidraget og svar i Partnerskap:',
        f.link,
        '',
        'Denne meldinga er send automatisk frå Partnerskap.',
      ].join('\n'),
    };
  }
  if (locale === 'en') {
    return {
      subject: `${author} mentioned you in a comment: ${title}`,
      text: [
        'Hello,',
        '',
        `${author} mentioned you in a comment on the contribution "${title}" in the partnership agreement for ${f.regionName} (status: ${status}).`,
        '',
        quoted(f.body),
        '',
        'See the contribution and reply in Partnerskap:',
        f.link,
        '',
        'This message was sent automatically by Partnerskap.',
      ].join('\n'),
    };
  }
  return {
    subject: `${author} nevnte deg i en kommentar: ${title}`,
    text: [
      'Hei,',
      '',
      `${author} nevnte deg i en kommentar til bidraget «${title}» i partnerskapsavtalen for ${f.regionName} (status: ${status}).`,
      '',
      quoted(f.body),
      '',
      'Se bidraget og svar i Partnerskap:',
      f.link,
      '',
      'Denne meldingen er sendt automatisk fra Partnerskap.',
    ].join('\n'),
  };
}
