import { type HearingKind, hearingPath } from '../../shared/contracts/hearings.js';

/**
 * The e-mails of a hearing, written in the region's written standard: bokmål, or nynorsk where the region
 * uses it (Hallingdal). Plain text: every mail reader shows it, and the cover letter is plain text too.
 */

type Standard = 'nb' | 'nn';

export type HearingFacts = {
  hearingId: string;
  cycleName: string;
  kind: HearingKind;
  versionNumber: number;
  deadline: string;
  coverLetter: string;
};

export type Recipient = {
  userId: string;
  email: string;
  regionId: string;
  regionName: string;
  standard: Standard;
};

export type Mail = { subject: string; text: string };

const words = {
  nb: {
    hearing: { informal: 'uformell høring', formal: 'formell høring' },
    theHearing: { informal: 'den uformelle høringen', formal: 'den formelle høringen' },
    aHearing: { informal: 'en uformell høring', formal: 'en formell høring' },
    about: 'om generell del av partnerskapsavtalene',
    footer: 'Denne meldingen er sendt automatisk fra Partnerskap.',
  },
  nn: {
    hearing: { informal: 'uformell høyring', formal: 'formell høyring' },
    theHearing: { informal: 'den uformelle høyringa', formal: 'den formelle høyringa' },
    aHearing: { informal: 'ei uformell høyring', formal: 'ei formell høyring' },
    about: 'om generell del av partnarskapsavtalane',
    footer: 'Denne meldinga er send automatisk frå Partnerskap.',
  },
} as const;

const dateFormats: Record<Standard, Intl.DateTimeFormat> = {
  nb: new Intl.DateTimeFormat('nb-NO', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
  nn: new Intl.DateTimeFormat('nn-NO', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
};

/** "15. september 2025". */
export const longDate = (standard: Standard, date: string) =>
  dateFormats[standard].format(new Date(`${date}T00:00:00Z`));

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

export const hearingLink = (appUrl: string, hearingId: string) =>
  `${appUrl.replace(/\/+$/, '')}${hearingPath(hearingId)}`;

const lines = (...parts: (string | false)[]) => parts.filter((p) => p !== false).join('\n');

export function openedMail(r: Recipient, h: HearingFacts, link: string): Mail {
  const w = words[r.standard];
  const deadline = longDate(r.standard, h.deadline);
  const subject = `${capitalised(w.hearing[h.kind])} ${w.about} – frist ${deadline}`;
  if (r.standard === 'nn') {
    return {
      subject,
      text: lines(
        'Hei,',
        '',
        `${r.regionName} er invitert til å gje innspel i ${w.aHearing[h.kind]} ${w.about} (${h.cycleName}), versjon ${h.versionNumber}.`,
        '',
        `Fristen for innspel er ${deadline}. Innspel kan sendast til og med denne dagen.`,
        '',
        h.coverLetter,
        '',
        'Sjå høyringa og gje innspel i Partnerskap:',
        link,
        '',
        w.footer,
      ),
    };
  }
  return {
    subject,
    text: lines(
      'Hei,',
      '',
      `${r.regionName} er invitert til å gi innspill i ${w.aHearing[h.kind]} ${w.about} (${h.cycleName}), versjon ${h.versionNumber}.`,
      '',
      `Fristen for innspill er ${deadline}. Innspill kan sendes til og med denne dagen.`,
      '',
      h.coverLetter,
      '',
      'Se høringen og gi innspill i Partnerskap:',
      link,
      '',
      w.footer,
    ),
  };
}

export function extendedMail(r: Recipient, h: HearingFacts, previousDeadline: string, link: string): Mail {
  const w = words[r.standard];
  const before = longDate(r.standard, previousDeadline);
  const after = longDate(r.standard, h.deadline);
  if (r.standard === 'nn') {
    return {
      subject: `Fristen er forlengd: ${w.hearing[h.kind]} ${w.about} – ny frist ${after}`,
      text: lines(
        'Hei,',
        '',
        `Fristen for innspel i ${w.theHearing[h.kind]} ${w.about} (${h.cycleName}), versjon ${h.versionNumber}, er forlengd frå ${before} til ${after}.`,
        '',
        'Sjå høyringa i Partnerskap:',
        link,
        '',
        w.footer,
      ),
    };
  }
  return {
    subject: `Fristen er forlenget: ${w.hearing[h.kind]} ${w.about} – ny frist ${after}`,
    text: lines(
      'Hei,',
      '',
      `Fristen for innspill i ${w.theHearing[h.kind]} ${w.about} (${h.cycleName}), versjon ${h.versionNumber}, er forlenget fra ${before} til ${after}.`,
      '',
      'Se høringen i Partnerskap:',
      link,
      '',
      w.footer,
    ),
  };
}

export function reminderMail(r: Recipient, h: HearingFacts, daysBefore: number, link: string): Mail {
  const deadline = longDate(r.standard, h.deadline);
  const subject =
    r.standard === 'nn'
      ? `Påminning: ${daysBefore === 1 ? '1 dag' : `${daysBefore} dagar`} att til fristen for innspel – ${deadline}`
      : `Påminnelse: ${daysBefore === 1 ? '1 dag' : `${daysBefore} dager`} igjen til fristen for innspill – ${deadline}`;
  return { subject, text: reminderText(r, h, link) };
}

/**
 * The reminder the coordinator sends from the start page to a region that has not answered: unlike the
 * scheduled ones it is not tied to a number of days left, so its subject names the deadline only.
 */
export function manualReminderMail(r: Recipient, h: HearingFacts, link: string): Mail {
  const deadline = longDate(r.standard, h.deadline);
  const subject =
    r.standard === 'nn'
      ? `Påminning: fristen for innspel er ${deadline}`
      : `Påminnelse: fristen for innspill er ${deadline}`;
  return { subject, text: reminderText(r, h, link) };
}

/** What every reminder says: the region has not answered, the deadline, and where to answer. */
function reminderText(r: Recipient, h: HearingFacts, link: string): string {
  const w = words[r.standard];
  const deadline = longDate(r.standard, h.deadline);
  const about = `${w.theHearing[h.kind]} ${w.about} (${h.cycleName}), versjon ${h.versionNumber}`;
  if (r.standard === 'nn') {
    return lines(
      'Hei,',
      '',
      `${r.regionName} har enno ikkje sendt innspel i ${about}. Fristen er ${deadline}.`,
      '',
      'Gje innspel i Partnerskap:',
      link,
      '',
      'Har regionen ingen innspel, kan du sjå bort frå denne påminninga.',
      '',
      w.footer,
    );
  }
  return lines(
    'Hei,',
    '',
    `${r.regionName} har ennå ikke sendt innspill i ${about}. Fristen er ${deadline}.`,
    '',
    'Gi innspill i Partnerskap:',
    link,
    '',
    'Har regionen ingen innspill, kan du se bort fra denne påminnelsen.',
    '',
    w.footer,
  );
}
