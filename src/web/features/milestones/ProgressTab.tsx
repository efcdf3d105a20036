import { Button, Card, Heading, Paragraph, Tag } from '@digdir/designsystemet-react';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  type AgreementMilestones,
  type EvidenceLink,
  type Milestone,
  milestoneStages,
} from '../../../shared/contracts/milestones';
import { Notice } from '../../shared/components/Notice';
import { QueryState } from '../../shared/components/QueryState';
import { formatDate } from '../../shared/format';
import { currentLocale } from '../../shared/i18n';
import { useAgreementContext } from '../agreements';
import { MilestoneDialog } from './MilestoneDialog';
import { evidenceHref, howCompleted, phaseColour, stateColour } from './milestone-words';
import { useAgreementMilestones } from './milestones.api';
import { RegionReadyDialog } from './RegionReadyDialog';
import './milestones.css';

/**
 * The agreement page's "Fremdrift" tab: the agreement's phase (derived by the server from the milestones),
 * whether the region is ready to start, and the milestones by stage, each with its state, dates, note and
 * what completed it (its evidence, linked, or the reason it was completed by hand). Who may edit sees the
 * buttons; the server holds the same rules.
 */
export function ProgressTab() {
  const { agreement } = useAgreementContext();
  const { t } = useTranslation();
  const milestones = useAgreementMilestones(agreement.id);
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <section className="stack" aria-labelledby="fremdrift-heading">
      <Heading level={2} data-size="md" id="fremdrift-heading">
        {t('milestones.heading')}
      </Heading>
      <Paragraph>{t('milestones.intro')}</Paragraph>
      <Notice text={notice} />
      <QueryState query={milestones}>{(data) => <Progress data={data} onNotice={setNotice} />}</QueryState>
    </section>
  );
}

function Progress({ data, onNotice }: { data: AgreementMilestones; onNotice: (text: string) => void }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<Milestone | null>(null);
  return (
    <>
      <section aria-labelledby="milestones-phase">
        <Card className="stack stack--tight">
          <Heading level={3} data-size="xs" id="milestones-phase">
            {t('milestones.phaseLabel')}
          </Heading>
          <Paragraph>
            <Tag data-color={phaseColour[data.phase]}>{t(`milestones.phase.${data.phase}`)}</Tag>
          </Paragraph>
          <Paragraph data-size="sm">{t(`milestones.phaseHelp.${data.phase}`)}</Paragraph>
        </Card>
      </section>
      <RegionReady data={data} onNotice={onNotice} />
      <section className="stack" aria-labelledby="milestones-list">
        <Heading level={3} data-size="sm" id="milestones-list">
          {t('milestones.list.heading')}
        </Heading>
        {data.milestones.length === 0 ? (
          <Card>
            <Paragraph>{t('milestones.list.empty')}</Paragraph>
          </Card>
        ) : (
          milestoneStages.map((stage) => {
            const ofStage = data.milestones.filter((m) => m.stage === stage);
            if (ofStage.length === 0) return null;
            return (
              <section key={stage} className="stack" aria-labelledby={`milestones-${stage}`}>
                <Heading level={4} data-size="xs" id={`milestones-${stage}`}>
                  {t(`milestones.stage.${stage}`)}
                </Heading>
                <ol className="milestones-list">
                  {ofStage.map((m) => (
                    <MilestoneItem
                      key={m.id}
                      agreementId={data.agreementId}
                      milestone={m}
                      onEdit={setEditing}
                    />
                  ))}
                </ol>
              </section>
            );
          })
        )}
      </section>
      <MilestoneDialog
        milestone={editing}
        onClose={() => setEditing(null)}
        onSaved={(name) => {
          setEditing(null);
          onNotice(t('milestones.dialog.saved', { name }));
        }}
      />
    </>
  );
}

function RegionReady({ data, onNotice }: { data: AgreementMilestones; onNotice: (text: string) => void }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const [open, setOpen] = useState(false);
  const { regionReady: ready } = data;
  return (
    <section className="stack stack--tight" aria-labelledby="milestones-ready">
      <Heading level={3} data-size="sm" id="milestones-ready">
        {t('milestones.ready.heading')}
      </Heading>
      <Paragraph>
        <Tag data-color={ready.ready ? 'success' : 'warning'}>
          {t(ready.ready ? 'milestones.ready.yes' : 'milestones.ready.no')}
        </Tag>
      </Paragraph>
      {ready.note && <Paragraph>{ready.note}</Paragraph>}
      <Paragraph data-size="sm" className="muted">
        {ready.markedAt
          ? t('milestones.ready.markedBy', {
              who: ready.markedBy?.name ?? t('milestones.system'),
              when: formatDate(ready.markedAt, locale),
            })
          : t('milestones.ready.never')}
      </Paragraph>
      {data.canMarkReady && (
        <div className="row">
          <Button variant="secondary" data-size="sm" onClick={() => setOpen(true)}>
            {t('milestones.ready.change')}
          </Button>
        </div>
      )}
      <RegionReadyDialog
        open={open}
        data={data}
        onClose={() => setOpen(false)}
        onSaved={(isReady) => {
          setOpen(false);
          onNotice(t(isReady ? 'milestones.ready.saved' : 'milestones.ready.savedNotReady'));
        }}
      />
    </section>
  );
}

function MilestoneItem({
  agreementId,
  milestone: m,
  onEdit,
}: {
  agreementId: string;
  milestone: Milestone;
  onEdit: (m: Milestone) => void;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const dates = [
    m.plannedDate && t('milestones.list.planned', { date: formatDate(m.plannedDate, locale) }),
    m.actualDate && t('milestones.list.actual', { date: formatDate(m.actualDate, locale) }),
  ].filter(Boolean);
  return (
    <li className="milestones-item">
      <div className="milestones-item-head">
        <span className="milestones-name">{m.name}</span>
        <span className="row milestones-tags">
          <Tag
            data-color={stateColour[m.state]}
            variant={m.state === 'not_applicable' ? 'outline' : 'default'}
          >
            {t(`milestones.state.${m.state}`)}
          </Tag>
          {m.optional && (
            <Tag data-color="neutral" variant="outline">
              {t('milestones.list.optional')}
            </Tag>
          )}
          {m.templateItemId === null && (
            <Tag data-color="neutral" variant="outline">
              {t('milestones.list.notInTemplate')}
            </Tag>
          )}
        </span>
      </div>
      {dates.length > 0 && <Paragraph data-size="sm">{dates.join(' · ')}</Paragraph>}
      <Completion agreementId={agreementId} milestone={m} />
      {m.note && (
        <Paragraph data-size="sm">
          <strong>{t('milestones.list.note')}</strong> {m.note}
        </Paragraph>
      )}
      {m.canEdit && (
        <div className="row">
          <Button
            variant="secondary"
            data-size="sm"
            onClick={() => onEdit(m)}
            aria-label={t('milestones.list.editLabel', { name: m.name })}
          >
            {t('milestones.list.edit')}
          </Button>
        </div>
      )}
    </li>
  );
}

/** What completed the milestone, or what will: its evidence (with links), the reason given by hand. */
function Completion({ agreementId, milestone: m }: { agreementId: string; milestone: Milestone }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const condition = m.evidenceKind ? t(`milestones.evidence.${m.evidenceKind}`) : '';
  if (m.completedBy === 'evidence' && m.evidence) {
    return (
      <div className="stack stack--tight">
        <Paragraph data-size="sm">
          {m.evidence.at
            ? t('milestones.list.byEvidence', { when: formatDate(m.evidence.at, locale), condition })
            : t('milestones.list.byEvidenceUndated', { condition })}
        </Paragraph>
        <ul className="milestones-links" aria-label={t('milestones.list.evidenceLabel', { name: m.name })}>
          {m.evidence.links.map((link) => (
            <li key={`${link.target}-${link.owner ?? ''}-${link.meetingId ?? ''}`}>
              <Link to={evidenceHref(agreementId, link)}>{linkText(t, link)}</Link>
            </li>
          ))}
        </ul>
      </div>
    );
  }
  if (m.completedBy === 'hand') {
    return (
      <Paragraph data-size="sm">
        {t('milestones.list.byHand', {
          who: m.doneBy?.name ?? t('milestones.system'),
          when: formatDate(m.doneAt, locale),
        })}{' '}
        <strong>{t('milestones.list.reason')}</strong> {m.doneReason}
      </Paragraph>
    );
  }
  if (m.state === 'not_applicable') return null;
  const how = howCompleted(m);
  return (
    <Paragraph data-size="sm" className="muted">
      {how === 'evidence'
        ? t('milestones.list.pendingEvidence', { condition })
        : t('milestones.list.pendingHand')}
    </Paragraph>
  );
}

function linkText(t: TFunction, link: EvidenceLink): string {
  switch (link.target) {
    case 'wanted_subject_areas':
      return t('milestones.links.wanted', { count: link.count });
    case 'contributions':
      return link.owner === 'region'
        ? t('milestones.links.regionContributions', { count: link.count })
        : t('milestones.links.departmentContributions', { name: link.name ?? '', count: link.count });
    case 'special_part':
      return t('milestones.links.specialPart', { number: link.count });
    case 'meeting':
      return t('milestones.links.meeting', { title: link.name ?? '' });
  }
}
