import { Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { Me } from '../../../shared/contracts/auth';
import type { GeneralPartVersion } from '../../../shared/contracts/general-part';
import { isEmptyRichText } from '../../../shared/contracts/rich-text';
import { DetailState } from '../../shared/components/DetailState';
import { Notice } from '../../shared/components/Notice';
import { Page } from '../../shared/components/Page';
import { useCycles } from '../../shared/current-cycle';
import { formatDateTime } from '../../shared/format';
import { currentLocale } from '../../shared/i18n';
import { RichText } from '../../shared/rich-text/RichText';
import { ApprovalDetails } from './ApprovalDetails';
import { ApproveDialog } from './ApproveDialog';
import { CreateDraftButton } from './CreateDraftButton';
import { useGeneralPart, useVersion } from './general-part.api';
import { VersionDownloads } from './VersionDownloads';
import { VersionStateTag } from './VersionStateTag';

/** One version of the general part, read-only: its sections in order, and the approval when it has one. */
export function VersionPage({ me }: { me: Me }) {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const version = useVersion(id);
  return (
    <DetailState
      query={version}
      back={{ to: '/general-part', label: t('generalPart.backToOverview') }}
      notFound={t('generalPart.version.notFound')}
    >
      {(v) => <VersionView version={v} me={me} />}
    </DetailState>
  );
}

function VersionView({ version, me }: { version: GeneralPartVersion; me: Me }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const part = useGeneralPart(version.cycleId);
  const cycles = useCycles();
  const [approving, setApproving] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const isAdmin = me.role === 'admin';
  const cycle = cycles.data?.find((c) => c.id === version.cycleId);
  const versions = part.data?.versions ?? [];
  const numberOf = (id: string | null | undefined) => versions.find((v) => v.id === id)?.number;
  const draftId = part.data?.draftVersionId ?? null;
  const currentId = part.data?.currentVersionId ?? null;
  const basedOn = numberOf(version.basedOnVersionId);
  const canApprove = isAdmin && (version.state === 'draft' || version.state === 'on_hearing');

  return (
    <Page
      title={t('generalPart.version.title', { number: version.number })}
      actions={<VersionStateTag state={version.state} />}
    >
      <Notice text={notice} />
      <Paragraph>
        {cycle && <>{t('generalPart.version.inCycle', { cycle: cycle.name })} </>}
        {version.createdBy
          ? t('generalPart.version.createdBy', {
              name: version.createdBy.name,
              time: formatDateTime(version.createdAt, locale),
            })
          : t('generalPart.version.created', { time: formatDateTime(version.createdAt, locale) })}
        {basedOn !== undefined && <> {t('generalPart.version.basedOn', { number: basedOn })}</>}
      </Paragraph>
      <div className="row">
        {isAdmin && version.state === 'draft' && (
          <Button asChild>
            <Link to={`/general-part/versions/${version.id}/edit`}>{t('generalPart.version.edit')}</Link>
          </Button>
        )}
        {canApprove && (
          <Button variant="secondary" onClick={() => setApproving(true)} aria-haspopup="dialog">
            {t('generalPart.approve.open')}
          </Button>
        )}
        {isAdmin && version.state !== 'draft' && part.data && !draftId && (
          <CreateDraftButton sourceId={version.id} number={version.number} />
        )}
        {isAdmin && draftId && draftId !== version.id && (
          <Link to={`/general-part/versions/${draftId}`}>
            {t('generalPart.version.toDraft', { number: numberOf(draftId) })}
          </Link>
        )}
        {version.basedOnVersionId && (
          <Link to={`/general-part/compare?from=${version.basedOnVersionId}&to=${version.id}`}>
            {t('generalPart.version.compareWithBase', { number: basedOn ?? '' })}
          </Link>
        )}
        {isAdmin && version.state === 'approved' && (
          <Link to={`/general-part/versions/${version.id}/nynorsk`}>{t('generalPart.nynorsk.open')}</Link>
        )}
        <Link to="/general-part">{t('generalPart.backToOverview')}</Link>
      </div>
      <VersionDownloads versionId={version.id} number={version.number} />
      {version.approval && (
        <ApprovalDetails
          versionId={version.id}
          approval={version.approval}
          attachments={version.approvalAttachments}
          canAttach={isAdmin && version.state === 'approved'}
          onAttached={(name) => setNotice(t('generalPart.approval.attached', { name }))}
        />
      )}
      <nav aria-labelledby="toc-heading" className="gp-toc">
        <Heading level={2} data-size="xs" id="toc-heading">
          {t('generalPart.version.contents')}
        </Heading>
        <ol>
          {version.sections.map((s) => (
            <li key={s.key}>
              <a href={`#section-${s.key}`}>{s.title}</a>
            </li>
          ))}
        </ol>
      </nav>
      {version.sections.map((s) => (
        <section
          key={s.key}
          id={`section-${s.key}`}
          aria-labelledby={`section-${s.key}-title`}
          className="gp-section"
        >
          <Heading level={2} data-size="sm" id={`section-${s.key}-title`}>
            {s.title}
          </Heading>
          {isEmptyRichText(s.body) ? (
            <Paragraph className="muted">{t('generalPart.version.emptySection')}</Paragraph>
          ) : (
            <RichText doc={s.body} />
          )}
        </section>
      ))}
      {isAdmin && (
        <ApproveDialog
          version={version}
          current={currentId && currentId !== version.id ? { number: numberOf(currentId) ?? 0 } : null}
          open={approving}
          onClose={() => setApproving(false)}
          onApproved={() => {
            setApproving(false);
            setNotice(t('generalPart.approve.done', { number: version.number }));
          }}
        />
      )}
    </Page>
  );
}
