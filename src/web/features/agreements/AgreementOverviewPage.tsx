import { Alert, Button, Card, Heading, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Agreement } from '../../../shared/contracts/agreements';
import type { Me } from '../../../shared/contracts/auth';
import { Notice } from '../../shared/components/Notice';
import { formatDate, formatDateTime } from '../../shared/format';
import { currentLocale } from '../../shared/i18n';
import { AgreementProgressSummary } from '../overview';
import { useAgreementContext } from './agreement-tabs';
import { MoveGeneralPartDialog } from './MoveGeneralPartDialog';
import { PeriodDialog } from './PeriodDialog';
import { WantedSubjectAreas } from './WantedSubjectAreas';

/**
 * The agreement's overview tab: its parties (the county and the region's member municipalities on its
 * first day, those outside the county marked), its period, the general part version it uses with the
 * drift when a newer one is approved, the history of moves, and the subject areas the region wants; first,
 * where the agreement stands (the overview's summary: phase, next milestone, open actions, meetings).
 */
export function AgreementOverviewPage({ me }: { me: Me }) {
  const { agreement } = useAgreementContext();
  const { t } = useTranslation();
  const [notice, setNotice] = useState<string | null>(null);
  const [editingPeriod, setEditingPeriod] = useState(false);
  const locale = currentLocale();
  return (
    <div className="stack">
      <Notice text={notice} />
      {/* A region contact sees where their own agreement stands; another region's is not theirs to follow. */}
      {(me.role !== 'region' || me.regionId === agreement.region.id) && (
        <AgreementProgressSummary agreementId={agreement.id} cycleId={agreement.cycleId} />
      )}
      <section className="stack" aria-labelledby="agreement-parties">
        <Heading id="agreement-parties" level={2} data-size="sm">
          {t('agreements.overview.parties')}
        </Heading>
        <Parties agreement={agreement} />
      </section>
      <section className="stack" aria-labelledby="agreement-period">
        <Heading id="agreement-period" level={2} data-size="sm">
          {t('agreements.overview.period')}
        </Heading>
        <Paragraph>
          {formatDate(agreement.periodFrom, locale)} – {formatDate(agreement.periodTo, locale)}
        </Paragraph>
        {me.role === 'admin' && (
          <div className="row">
            <Button variant="secondary" data-size="sm" onClick={() => setEditingPeriod(true)}>
              {t('agreements.period.action')}
            </Button>
            <PeriodDialog
              open={editingPeriod}
              agreement={agreement}
              onClose={() => setEditingPeriod(false)}
              onSaved={() => {
                setEditingPeriod(false);
                setNotice(t('agreements.period.saved'));
              }}
            />
          </div>
        )}
      </section>
      <section className="stack" aria-labelledby="agreement-general-part">
        <Heading id="agreement-general-part" level={2} data-size="sm">
          {t('agreements.overview.generalPart')}
        </Heading>
        <GeneralPartPin agreement={agreement} me={me} onMoved={setNotice} />
      </section>
      <section className="stack" aria-labelledby="agreement-wanted">
        <Heading id="agreement-wanted" level={2} data-size="sm">
          {t('agreements.wanted.title')}
        </Heading>
        <WantedSubjectAreas agreement={agreement} me={me} onChanged={setNotice} />
      </section>
      {agreement.generalPartMoves.length > 0 && (
        <section className="stack" aria-labelledby="agreement-moves">
          <Heading id="agreement-moves" level={2} data-size="sm">
            {t('agreements.moves.title')}
          </Heading>
          <ol className="agreements-moves">
            {agreement.generalPartMoves.map((m) => (
              <li key={`${m.to.id}-${m.movedAt}`}>
                <Paragraph>
                  {t('agreements.moves.entry', {
                    from: m.from.number,
                    to: m.to.number,
                    when: formatDateTime(m.movedAt, locale),
                    who: m.movedBy?.name ?? t('agreements.moves.system'),
                  })}
                </Paragraph>
                <Paragraph className="muted">{m.reason}</Paragraph>
              </li>
            ))}
          </ol>
        </section>
      )}
    </div>
  );
}

function Parties({ agreement }: { agreement: Agreement }) {
  const { t } = useTranslation();
  const { county, municipalities } = agreement.parties;
  return (
    <>
      <Paragraph>
        {t('agreements.overview.between', { county: county.name, region: agreement.region.name })}
      </Paragraph>
      {municipalities.length === 0 ? (
        <Card>
          <Paragraph>{t('agreements.overview.noMembers')}</Paragraph>
        </Card>
      ) : (
        <>
          <Paragraph>{t('agreements.overview.members', { count: municipalities.length })}</Paragraph>
          <ul className="agreements-members">
            {municipalities.map((m) => (
              <li key={m.id}>
                {m.name} <span className="muted">({m.number})</span>
                {m.outsideCounty && (
                  <>
                    {' '}
                    <Tag data-color="info" data-size="sm">
                      {t('agreements.overview.outsideCounty')}
                    </Tag>
                  </>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

function GeneralPartPin({
  agreement,
  me,
  onMoved,
}: {
  agreement: Agreement;
  me: Me;
  onMoved: (message: string) => void;
}) {
  const { t } = useTranslation();
  const [moving, setMoving] = useState(false);
  const pinned = agreement.generalPartVersion;
  const newer = agreement.newerGeneralPartVersion;
  return (
    <>
      <Paragraph>
        {t('agreements.overview.uses')}{' '}
        <Link to={`/general-part/versions/${pinned.id}`}>
          {t('agreements.versionName', { number: pinned.number })}
        </Link>
      </Paragraph>
      {newer && (
        <Alert data-color="warning">
          <Paragraph>
            {t('agreements.drift.notice', { pinned: pinned.number, newer: newer.number })}
          </Paragraph>
          <div className="row">
            <Link
              to={`/general-part/compare?from=${encodeURIComponent(pinned.id)}&to=${encodeURIComponent(newer.id)}`}
            >
              {t('agreements.drift.compare', { pinned: pinned.number, newer: newer.number })}
            </Link>
            {me.role === 'admin' && (
              <Button data-size="sm" onClick={() => setMoving(true)}>
                {t('agreements.move.action', { number: newer.number })}
              </Button>
            )}
          </div>
        </Alert>
      )}
      {newer && me.role === 'admin' && (
        <MoveGeneralPartDialog
          open={moving}
          agreement={agreement}
          target={newer}
          onClose={() => setMoving(false)}
          onMoved={(number) => {
            setMoving(false);
            onMoved(t('agreements.move.done', { number }));
          }}
        />
      )}
    </>
  );
}
