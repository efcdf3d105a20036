import { Card, Heading, Paragraph } from '@digdir/designsystemet-react';
import type { TFunction } from 'i18next';
import { type ReactNode, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Disposition, HearingInput } from '../../../shared/contracts/hearings';
import { formatSize } from '../../shared/attachments';
import { formatDateTime } from '../../shared/format';
import { currentLocale } from '../../shared/i18n';
import { LateTag, OutcomeTag } from './HearingStateTag';
import { attachmentUrl } from './hearings.api';

/**
 * One input as everybody reads it: the region, what it is about, the text, its attachments, and the
 * county's answer when it has one (a region contact gets that only once it is final; the server decides).
 */
export function InputCard({
  input,
  heading = 'both',
  level = 3,
  actions,
}: {
  input: HearingInput;
  /** What the card is called: the region (in a list by section), what it is about (a region's own), or both. */
  heading?: 'region' | 'about' | 'both';
  level?: 3 | 4;
  actions?: ReactNode;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const headingId = useId();
  const title =
    heading === 'region'
      ? input.region.name
      : heading === 'about'
        ? (input.sectionTitle ?? t('hearings.input.wholeDocument'))
        : t('hearings.input.heading', { region: input.region.name, about: aboutText(t, input) });
  return (
    <Card className="stack hearings-tight" aria-labelledby={headingId} asChild>
      <article>
        <div className="row hearings-middle">
          <Heading level={level} data-size="xs" id={headingId}>
            {title}
          </Heading>
          {input.late && <LateTag />}
        </div>
        <Paragraph data-size="sm" className="muted">
          {input.submittedBy
            ? t('hearings.input.submittedBy', {
                name: input.submittedBy.name,
                time: formatDateTime(input.submittedAt, locale),
              })
            : t('hearings.input.submitted', { time: formatDateTime(input.submittedAt, locale) })}
          {input.updatedAt !== input.submittedAt &&
            ` ${t('hearings.input.updated', { time: formatDateTime(input.updatedAt, locale) })}`}
        </Paragraph>
        <Paragraph className="hearings-letter">{input.text}</Paragraph>
        {input.attachments.length > 0 && (
          <div>
            <Paragraph data-size="sm">{t('hearings.input.attachments')}</Paragraph>
            <ul>
              {input.attachments.map((a) => (
                <li key={a.id}>
                  <a href={attachmentUrl(a.id)} download>
                    {a.filename}
                  </a>{' '}
                  ({formatSize(a.size, locale)})
                </li>
              ))}
            </ul>
          </div>
        )}
        {input.disposition && <DispositionText disposition={input.disposition} />}
        {actions && <div className="row">{actions}</div>}
      </article>
    </Card>
  );
}

/** What an input is about, inside a sentence: "Formål", "hele dokumentet". */
export const aboutText = (t: TFunction, input: Pick<HearingInput, 'sectionTitle'>) =>
  input.sectionTitle ?? t('hearings.input.aboutWholeDocument');

/** The county's answer: outcome, reason, who answers it, and where it was taken in. */
export function DispositionText({ disposition }: { disposition: Disposition }) {
  const { t } = useTranslation();
  return (
    <div className="stack hearings-tight hearings-answer">
      <div className="row hearings-middle">
        <Paragraph data-size="sm">
          <strong>{t('hearings.disposition.answer')}</strong>
        </Paragraph>
        <OutcomeTag outcome={disposition.outcome} final={disposition.final} />
      </div>
      <Paragraph className="hearings-letter">{disposition.reason}</Paragraph>
      {disposition.assignedDepartment && (
        <Paragraph data-size="sm">
          {t('hearings.disposition.assignedTo', { department: disposition.assignedDepartment.name })}
        </Paragraph>
      )}
      {disposition.takenIn && (
        <Paragraph data-size="sm">
          <Link
            to={`/general-part/versions/${disposition.takenIn.versionId}${
              disposition.takenIn.sectionKey ? `#section-${disposition.takenIn.sectionKey}` : ''
            }`}
          >
            {t('hearings.disposition.takenInLink', { number: disposition.takenIn.versionNumber })}
          </Link>
        </Paragraph>
      )}
    </div>
  );
}
