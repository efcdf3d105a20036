import { Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { agreementPath } from '../../../shared/contracts/agreements';
import type { Me } from '../../../shared/contracts/auth';
import { caseSections, type PoliticalCase } from '../../../shared/contracts/cases';
import { hearingPath } from '../../../shared/contracts/hearings';
import { ConfirmDialog } from '../../shared/components/ConfirmDialog';
import { DetailState } from '../../shared/components/DetailState';
import { Notice } from '../../shared/components/Notice';
import { Page } from '../../shared/components/Page';
import { formatDate } from '../../shared/format';
import { currentLocale } from '../../shared/i18n';
import { RichText } from '../../shared/rich-text/RichText';
import { agreementDocumentUrl } from '../agreement-document';
import { summaryFileUrl } from '../hearings';
import { CaseEditor } from './CaseEditor';
import { caseDocumentUrl, politicalPaths, useCase, useCreateCouncilCase } from './political.api';
import { TreatmentsSection } from './TreatmentsSection';

/**
 * One political case: its agreements, its treatment plan and the case document. The coordinator edits the
 * document and the treatments and makes the county council's case from the executive board's; the county's
 * other people read it. DOCX and PDF beside it for everyone.
 */
export function CasePage({ me }: { me: Me }) {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const found = useCase(id);
  return (
    <DetailState
      query={found}
      back={{ to: politicalPaths.cases, label: t('political.backToCases') }}
      notFound={t('political.case.notFound')}
    >
      {(c) => <CaseView key={c.id} politicalCase={c} me={me} />}
    </DetailState>
  );
}

function CaseView({ politicalCase: c, me }: { politicalCase: PoliticalCase; me: Me }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const admin = me.role === 'admin';
  const [notice, setNotice] = useState<string | null>(null);
  // The version this page last saw the case at: each of its own writes moves it on, so one save here does
  // not make the next one stale; someone else's save still does.
  const [version, setVersion] = useState(c.version);
  const saved = (next: PoliticalCase) => setVersion((v) => Math.max(v, next.version));
  const board = c.treatments.some((tr) => tr.bodyKind === 'executive_board');
  return (
    <Page title={c.title} actions={<CaseDownloads id={c.id} />}>
      <Notice fromNavigation text={notice} />
      <dl className="facts">
        <dt>{t('political.case.facts.archiveReference')}</dt>
        <dd>{c.archiveReference ?? t('political.case.facts.noArchiveReference')}</dd>
        <dt>{t('political.case.facts.agreements')}</dt>
        <dd>
          <ul className="political-inline-list">
            {c.agreements.map((a) => (
              <li key={a.id}>
                <Link to={agreementPath(a.id)}>{a.regionName}</Link>
              </li>
            ))}
          </ul>
        </dd>
        <dt>{t('political.case.facts.createdAt')}</dt>
        <dd>{formatDate(c.createdAt, locale)}</dd>
        {c.sourceCaseId && (
          <>
            <dt>{t('political.case.facts.source')}</dt>
            <dd>
              <Link to={politicalPaths.case(c.sourceCaseId)}>{t('political.case.sourceLink')}</Link>
            </dd>
          </>
        )}
        {c.followUpCaseId && (
          <>
            <dt>{t('political.case.facts.followUp')}</dt>
            <dd>
              <Link to={politicalPaths.case(c.followUpCaseId)}>{t('political.case.followUpLink')}</Link>
            </dd>
          </>
        )}
      </dl>
      <CaseAttachments politicalCase={c} me={me} />
      {admin && board && !c.followUpCaseId && !c.sourceCaseId && (
        <CouncilCase caseId={c.id} onDone={setNotice} />
      )}
      <TreatmentsSection politicalCase={c} editable={admin} onSaved={saved} onNotice={setNotice} />
      {admin ? (
        <CaseEditor
          politicalCase={c}
          version={version}
          onSaved={saved}
          onReloaded={(fresh) => setVersion(fresh.version)}
          onNotice={setNotice}
        />
      ) : (
        <CaseText politicalCase={c} />
      )}
    </Page>
  );
}

/**
 * "Vedlegg": the case document's attachments in its order, each agreement and then the input summaries of
 * the closed hearings behind the general part the agreements are pinned to, each with its own document. The
 * summary's page and files are the county's (admin and viewer); a department reads it in the case document.
 */
function CaseAttachments({ politicalCase: c, me }: { politicalCase: PoliticalCase; me: Me }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const headingId = useId();
  const county = me.role === 'admin' || me.role === 'viewer';
  return (
    <section className="stack page-section" aria-labelledby={headingId}>
      <Heading level={2} data-size="sm" id={headingId}>
        {t('political.case.attachments.heading')}
      </Heading>
      <ol className="political-attachments">
        {c.agreements.map((a) => {
          const title = t('political.case.attachments.agreement', { region: a.regionName });
          return (
            <li key={a.id}>
              <Link to={agreementPath(a.id)}>{title}</Link>
              <Files
                title={title}
                docx={agreementDocumentUrl(a.id, 'docx')}
                pdf={agreementDocumentUrl(a.id, 'pdf')}
              />
            </li>
          );
        })}
        {c.hearingSummaries.map((h) => {
          const title = t('political.case.attachments.hearingSummary', {
            kind: t(`hearings.kindLower.${h.kind}`),
            version: h.versionNumber,
            deadline: formatDate(h.deadline, locale),
          });
          return (
            <li key={h.hearingId}>
              {county ? (
                <>
                  <Link to={`${hearingPath(h.hearingId)}/summary`}>{title}</Link>
                  <Files
                    title={title}
                    docx={summaryFileUrl(h.hearingId, 'docx')}
                    pdf={summaryFileUrl(h.hearingId, 'pdf')}
                  />
                </>
              ) : (
                <>
                  {title} {t('political.case.attachments.inDocument')}
                </>
              )}
            </li>
          );
        })}
      </ol>
      {c.hearingSummaries.length === 0 && (
        <Paragraph>{t('political.case.attachments.noHearingSummary')}</Paragraph>
      )}
    </section>
  );
}

/** An attachment's DOCX and PDF, each link named with the attachment for whoever hears the links alone. */
function Files({ title, docx, pdf }: { title: string; docx: string; pdf: string }) {
  return (
    <span className="political-attachments__files">
      <a href={docx} download>
        DOCX<span className="visually-hidden"> – {title}</span>
      </a>
      <a href={pdf} download>
        PDF<span className="visually-hidden"> – {title}</span>
      </a>
    </span>
  );
}

/** "Last ned DOCX" and "Last ned PDF": the case document as the server writes it. */
function CaseDownloads({ id }: { id: string }) {
  const { t } = useTranslation();
  return (
    <div className="row">
      <Button asChild variant="secondary">
        <a href={caseDocumentUrl(id, 'docx')} download>
          {t('political.case.downloadDocx')}
        </a>
      </Button>
      <Button asChild variant="secondary">
        <a href={caseDocumentUrl(id, 'pdf')} download>
          {t('political.case.downloadPdf')}
        </a>
      </Button>
    </div>
  );
}

/** "Lag sak til fylkestinget": the county council's case, for information, made from this one. */
function CouncilCase({ caseId, onDone }: { caseId: string; onDone: (text: string) => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const create = useCreateCouncilCase();
  return (
    <div>
      <Button variant="secondary" onClick={() => setOpen(true)}>
        {t('political.case.councilCase')}
      </Button>
      <ConfirmDialog
        open={open}
        onClose={() => setOpen(false)}
        title={t('political.case.councilCaseTitle')}
        body={t('political.case.councilCaseBody')}
        confirmLabel={t('political.case.councilCase')}
        onConfirm={async () => {
          await create.mutateAsync(caseId);
          setOpen(false);
          onDone(t('political.case.councilCaseMade'));
        }}
      />
    </div>
  );
}

/** The case document as the county's other people read it. */
function CaseText({ politicalCase: c }: { politicalCase: PoliticalCase }) {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <section className="stack page-section" aria-labelledby={headingId}>
      <Heading level={2} data-size="sm" id={headingId}>
        {t('political.case.documentHeading')}
      </Heading>
      <Heading level={3} data-size="xs">
        {t('political.case.decisionPoints')}
      </Heading>
      <ol className="political-points-read">
        {c.decisionPoints.map((p) => (
          <li key={p.id}>{p.text}</li>
        ))}
      </ol>
      {caseSections.map((key) => (
        <div key={key} className="stack stack--tight">
          <Heading level={3} data-size="xs">
            {t(`political.section.${key}`)}
          </Heading>
          <RichText doc={c[key]} headingOffset={2} />
        </div>
      ))}
      <Heading level={3} data-size="xs">
        {t('political.case.authority')}
      </Heading>
      <Paragraph>{c.authority || t('political.none')}</Paragraph>
      {c.signer.name && (
        <Paragraph>
          {t('political.case.signedBy', {
            name: c.signer.name,
            title: c.signer.title ?? '',
            date: c.signer.date ? formatDate(c.signer.date, currentLocale()) : '',
          })}
        </Paragraph>
      )}
    </section>
  );
}
