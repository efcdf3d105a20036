import { specialPartPath } from '../../shared/contracts/paths.js';
import type { WrittenStandard } from '../../shared/contracts/special-part.js';

/**
 * The e-mail a region's contacts get when the coordinator sends them a version of their special part,
 * written in the region's written standard (Hallingdal's in nynorsk), as the special part's fixed words are.
 * Plain text, as the hearings' e-mails: every mail reader shows it.
 */

export type SentFacts = {
  regionName: string;
  cycleName: string;
  versionNumber: number;
  link: string;
};

export type Mail = { subject: string; text: string };

/** Where the version is read and answered: its own address on the agreement's special part tab. */
export const specialPartLink = (appUrl: string, agreementId: string, versionId: string) =>
  `${appUrl.replace(/\/+$/, '')}${specialPartPath(agreementId, versionId)}`;

export function sentMail(standard: WrittenStandard, f: SentFacts): Mail {
  if (standard === 'nn') {
    return {
      subject: `Særskild del av partnarskapsavtalen til svar – versjon ${f.versionNumber}`,
      text: [
        'Hei,',
        '',
        `Fylkeskommunen har sendt versjon ${f.versionNumber} av den særskilde delen av partnarskapsavtalen med ${f.regionName} (${f.cycleName}) til regionen.`,
        '',
        'Les versjonen og svar i Partnerskap: at regionen er samd, eller med merknader til eitt eller fleire avsnitt. Svaret kan endrast fram til versjonen er registrert som avtalt.',
        f.link,
        '',
        'Denne meldinga er send automatisk frå Partnerskap.',
      ].join('\n'),
    };
  }
  return {
    subject: `Spesiell del av partnerskapsavtalen til svar – versjon ${f.versionNumber}`,
    text: [
      'Hei,',
      '',
      `Fylkeskommunen har sendt versjon ${f.versionNumber} av den spesielle delen av partnerskapsavtalen med ${f.regionName} (${f.cycleName}) til regionen.`,
      '',
      'Les versjonen og svar i Partnerskap: at regionen er enig, eller med merknader til ett eller flere avsnitt. Svaret kan endres fram til versjonen er registrert som avtalt.',
      f.link,
      '',
      'Denne meldingen er sendt automatisk fra Partnerskap.',
    ].join('\n'),
  };
}
