import { Card, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { Approval, ApprovalAttachment } from '../../../shared/contracts/general-part';
import { formatDate, formatDateTime } from '../../shared/format';
import { currentLocale } from '../../shared/i18n';
import { ApprovalDocuments } from './ApprovalDocuments';

/**
 * The executive board's decision that made a version the cycle's general part, with its documents; the
 * admin attaches them while the version is the approved one.
 */
export function ApprovalDetails({
  versionId,
  approval,
  attachments,
  canAttach,
  onAttached,
}: {
  versionId: string;
  approval: Approval;
  attachments: ApprovalAttachment[];
  canAttach: boolean;
  onAttached: (filename: string) => void;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <Card data-color="success" className="stack">
      <Heading level={2} data-size="xs">
        {t('generalPart.approval.title')}
      </Heading>
      <dl className="gp-facts">
        <dt>{t('generalPart.approval.date')}</dt>
        <dd>{formatDate(approval.date, locale)}</dd>
        <dt>{t('generalPart.approval.body')}</dt>
        <dd>{approval.body}</dd>
        <dt>{t('generalPart.approval.caseNumber')}</dt>
        <dd>{approval.caseNumber}</dd>
        <dt>{t('generalPart.approval.decisionText')}</dt>
        <dd className="gp-decision">{approval.decisionText}</dd>
      </dl>
      <Paragraph data-size="sm" className="muted">
        {approval.recordedBy
          ? t('generalPart.approval.recordedBy', {
              name: approval.recordedBy.name,
              time: formatDateTime(approval.recordedAt, locale),
            })
          : t('generalPart.approval.recorded', { time: formatDateTime(approval.recordedAt, locale) })}
      </Paragraph>
      <ApprovalDocuments
        versionId={versionId}
        attachments={attachments}
        canAttach={canAttach}
        onAttached={onAttached}
      />
    </Card>
  );
}
