import { Button, Card, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import type { Me } from '../../../shared/contracts/auth';
import type { Cycle, GeneralPart } from '../../../shared/contracts/general-part';
import { Notice } from '../../shared/components/Notice';
import { Page } from '../../shared/components/Page';
import { QueryState } from '../../shared/components/QueryState';
import { useCurrentCycle } from '../../shared/current-cycle';
import { formatDate } from '../../shared/format';
import { currentLocale } from '../../shared/i18n';
import { CreateDraftButton } from './CreateDraftButton';
import { CycleFormDialog } from './CycleFormDialog';
import { useGeneralPart } from './general-part.api';
import { CycleStatusTag } from './VersionStateTag';
import { VersionTable } from './VersionTable';

const wantsNewCycle = (state: unknown) =>
  Boolean(state && typeof state === 'object' && 'createCycle' in state && state.createCycle === true);

/**
 * "Generell del" for the current cycle: which version is in force, the draft being written, and every
 * version with its state, with the ways to read, compare and (for the coordinator) write a new draft.
 */
export function OverviewPage({ me }: { me: Me }) {
  const { t } = useTranslation();
  const location = useLocation();
  const { cycles, cycle } = useCurrentCycle();
  const isAdmin = me.role === 'admin';
  const [dialog, setDialog] = useState<'create' | 'edit' | null>(null);
  // The top bar's "create a cycle" link leads here with the wish in the navigation's state.
  // biome-ignore lint/correctness/useExhaustiveDependencies: each navigation (its key) is the trigger.
  useEffect(() => {
    if (isAdmin && wantsNewCycle(location.state)) setDialog('create');
  }, [location.key]);
  const [notice, setNotice] = useState<string | null>(null);
  const saved = (message: string) => {
    setDialog(null);
    setNotice(message);
  };

  return (
    <Page
      title={t('generalPart.title')}
      actions={
        isAdmin && (
          <Button variant="secondary" onClick={() => setDialog('create')} aria-haspopup="dialog">
            {t('generalPart.cycle.create')}
          </Button>
        )
      }
    >
      <Notice text={notice} />
      <Paragraph>{t('generalPart.intro')}</Paragraph>
      <QueryState query={cycles}>
        {() =>
          cycle ? (
            <>
              <CycleSummary cycle={cycle} canEdit={isAdmin} onEdit={() => setDialog('edit')} />
              <CycleGeneralPart cycle={cycle} isAdmin={isAdmin} />
            </>
          ) : (
            <Card className="stack">
              <Heading level={2} data-size="sm">
                {t('generalPart.noCycle.title')}
              </Heading>
              <Paragraph>
                {isAdmin ? t('generalPart.noCycle.admin') : t('generalPart.noCycle.reader')}
              </Paragraph>
            </Card>
          )
        }
      </QueryState>
      {isAdmin && (
        <CycleFormDialog
          open={dialog !== null}
          cycle={dialog === 'edit' ? cycle : undefined}
          onClose={() => setDialog(null)}
          onSaved={saved}
        />
      )}
    </Page>
  );
}

function CycleSummary({ cycle, canEdit, onEdit }: { cycle: Cycle; canEdit: boolean; onEdit: () => void }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <div className="row gp-cycle">
      <Heading level={2} data-size="md">
        {cycle.name}
      </Heading>
      <CycleStatusTag status={cycle.status} />
      <Paragraph>
        {t('generalPart.cycle.period', {
          from: formatDate(cycle.periodFrom, locale),
          to: formatDate(cycle.periodTo, locale),
        })}
      </Paragraph>
      {canEdit && (
        <Button variant="tertiary" data-size="sm" onClick={onEdit} aria-haspopup="dialog">
          {t('generalPart.cycle.edit')}
        </Button>
      )}
    </div>
  );
}

function CycleGeneralPart({ cycle, isAdmin }: { cycle: Cycle; isAdmin: boolean }) {
  const part = useGeneralPart(cycle.id);
  return <QueryState query={part}>{(p) => <PartSummary part={p} isAdmin={isAdmin} />}</QueryState>;
}

function PartSummary({ part, isAdmin }: { part: GeneralPart; isAdmin: boolean }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const current = part.versions.find((v) => v.id === part.currentVersionId);
  const draft = part.versions.find((v) => v.id === part.draftVersionId);
  const newest = part.versions[0];
  return (
    <>
      <div className="gp-cards">
        <Card className="stack" data-color={current ? 'success' : 'neutral'}>
          <Heading level={3} data-size="xs">
            {t('generalPart.current.title')}
          </Heading>
          {current?.approval ? (
            <>
              <Paragraph>
                {t('generalPart.current.approved', {
                  number: current.number,
                  body: current.approval.body,
                  date: formatDate(current.approval.date, locale),
                  caseNumber: current.approval.caseNumber,
                })}
              </Paragraph>
              <Link to={`/general-part/versions/${current.id}`}>
                {t('generalPart.version.open', { number: current.number })}
              </Link>
            </>
          ) : (
            <Paragraph>{t('generalPart.current.none')}</Paragraph>
          )}
        </Card>
        <Card className="stack">
          <Heading level={3} data-size="xs">
            {t('generalPart.draft.title')}
          </Heading>
          {draft ? (
            <>
              <Paragraph>{t('generalPart.draft.inProgress', { number: draft.number })}</Paragraph>
              <div className="row">
                {isAdmin && (
                  <Button asChild data-size="sm">
                    <Link to={`/general-part/versions/${draft.id}/edit`}>
                      {t('generalPart.version.edit')}
                    </Link>
                  </Button>
                )}
                <Link to={`/general-part/versions/${draft.id}`}>
                  {t('generalPart.version.open', { number: draft.number })}
                </Link>
                {current && (
                  <Link to={`/general-part/compare?from=${current.id}&to=${draft.id}`}>
                    {t('generalPart.draft.compareWithCurrent')}
                  </Link>
                )}
              </div>
            </>
          ) : (
            <>
              <Paragraph>
                {isAdmin ? t('generalPart.draft.noneAdmin') : t('generalPart.draft.none')}
              </Paragraph>
              {isAdmin && newest && (
                <CreateDraftButton
                  sourceId={(current ?? newest).id}
                  number={(current ?? newest).number}
                  size="sm"
                />
              )}
            </>
          )}
        </Card>
      </div>
      <VersionTable part={part} isAdmin={isAdmin} />
    </>
  );
}
