import { Alert, Button, Heading, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../../shared/contracts/auth';
import type {
  Contribution,
  ContributionList as ContributionListData,
  ContributionStatus,
} from '../../../shared/contracts/contributions';
import { ApiError } from '../../shared/api';
import { ConfirmDialog } from '../../shared/components/ConfirmDialog';
import { QueryState } from '../../shared/components/QueryState';
import { useLandOnHash } from '../../shared/use-land-on-hash';
import { type CardActions, ContributionCard, moveButtonId } from './ContributionCard';
import { ContributionDialog, type ContributionTask } from './ContributionDialog';
import { CopyDialog } from './CopyDialog';
import { useContributions, useDeleteContribution, useMoveContribution } from './contributions.api';
import { StatusDialog } from './StatusDialog';
import './contributions.css';

/** What a link may land on in the list: one contribution, or one subject area's heading. */
const landingPrefixes = ['bidrag-', 'omrade-'] as const;

/** Whether the signed-in person may add contributions to this region's agreement at all. */
export const mayAdd = (me: Me, agreementRegionId: string) =>
  me.role === 'admin' ||
  me.role === 'department' ||
  (me.role === 'region' && me.regionId === agreementRegionId);

/** Whether the signed-in person may copy the item to other regions: a department's, by its editor or the admin. */
export const mayCopy = (me: Me, c: Contribution) =>
  c.owner.type === 'department' &&
  (me.role === 'admin' || (me.role === 'department' && me.departmentId === c.owner.department.id));

/**
 * An agreement's contributions grouped by subject area (wanted ones marked), with everything the
 * signed-in person may do to them: add, edit, change status, reorder, delete, comment. Self-contained, so
 * the matrix can show one cell's contributions with it (`departmentId`: one department's only, and a new
 * contribution is that department's).
 */
export function ContributionList({
  me,
  agreementId,
  departmentId,
  owner,
  status,
  headingLevel = 3,
  showEmptyAreas = true,
  onNotice,
}: {
  me: Me;
  agreementId: string;
  /** Only this department's contributions (the matrix's cell). */
  departmentId?: string;
  /** Only the region's own (`region`) or one department's; `departmentId` wins. */
  owner?: string;
  status?: ContributionStatus;
  /** The level of the subject areas' headings; the items' are one below. */
  headingLevel?: 2 | 3 | 4;
  /** Subject areas without contributions are listed too (with wanted ones marked). */
  showEmptyAreas?: boolean;
  /** Where to say what was done; without it the list says it itself. */
  onNotice?: (message: string) => void;
}) {
  const filters = {
    ...((departmentId ?? owner) ? { owner: departmentId ?? owner } : {}),
    ...(status ? { status } : {}),
  };
  const list = useContributions(agreementId, filters);
  return (
    <QueryState query={list}>
      {(data) => (
        <Groups
          me={me}
          data={data}
          departmentId={departmentId}
          filtered={Object.keys(filters).length > 0}
          headingLevel={headingLevel}
          showEmptyAreas={showEmptyAreas}
          onNotice={onNotice}
        />
      )}
    </QueryState>
  );
}

function Groups({
  me,
  data,
  departmentId,
  filtered,
  headingLevel,
  showEmptyAreas,
  onNotice,
}: {
  me: Me;
  data: ContributionListData;
  departmentId?: string;
  filtered: boolean;
  headingLevel: 2 | 3 | 4;
  showEmptyAreas: boolean;
  onNotice?: (message: string) => void;
}) {
  const { t } = useTranslation();
  const [task, setTask] = useState<ContributionTask | null>(null);
  const [statusOf, setStatusOf] = useState<Contribution | null>(null);
  const [deleting, setDeleting] = useState<Contribution | null>(null);
  const [copying, setCopying] = useState<Contribution | null>(null);
  const [copied, setCopied] = useState<{ sourceId: string; copies: Contribution[] } | null>(null);
  const [ownNotice, setOwnNotice] = useState<string | null>(null);
  const [moveError, setMoveError] = useState<string | null>(null);
  const [pendingFocus, setPendingFocus] = useState<{ id: string; direction: 'up' | 'down' } | null>(null);
  const remove = useDeleteContribution();
  const move = useMoveContribution();
  const say = (message: string) => (onNotice ? onNotice(message) : setOwnNotice(message));
  const itemLevel = (headingLevel + 1) as 3 | 4 | 5;
  const canAdd = mayAdd(me, data.agreement.region.id) && (!departmentId || me.role !== 'region');

  const actions: CardActions = {
    onEdit: (c) => setTask({ mode: 'edit', contribution: c }),
    onStatus: setStatusOf,
    onDelete: setDeleting,
    mayCopy: (c) => mayCopy(me, c),
    onCopy: (c) => {
      setCopied(null);
      setCopying(c);
    },
    onMove: (c, direction) => {
      setMoveError(null);
      move.mutate(
        { id: c.id, direction, version: c.version },
        {
          onSuccess: (moved) => {
            say(
              t('contributions.actions.moved', {
                title: moved.title,
                position: moved.position + 1,
                area: moved.subjectArea.name,
              }),
            );
            setPendingFocus({ id: c.id, direction });
          },
          onError: (e) =>
            setMoveError(
              e instanceof ApiError ? e.problem.title || t('errors.internal') : t('errors.internal'),
            ),
        },
      );
    },
  };

  // Focus stays on the moved item once the list shows its new place: on the same button, or on the other
  // one when the item reached an end (where the same button is disabled).
  useEffect(() => {
    if (!pendingFocus || !data) return;
    const button = (direction: 'up' | 'down') =>
      document.getElementById(moveButtonId(pendingFocus.id, direction)) as HTMLButtonElement | null;
    const same = button(pendingFocus.direction);
    (same && !same.disabled ? same : button(pendingFocus.direction === 'up' ? 'down' : 'up'))?.focus();
    setPendingFocus(null);
  }, [pendingFocus, data]);

  // A link to one contribution (the mention e-mails' `#bidrag-<id>`) or one subject area (`#omrade-<id>`)
  // lands on it once the list is there.
  useLandOnHash(landingPrefixes, data !== undefined);

  const byArea = new Map<string, Contribution[]>();
  for (const c of data.items) byArea.set(c.subjectArea.id, [...(byArea.get(c.subjectArea.id) ?? []), c]);
  const areas = data.subjectAreas.filter((a) => showEmptyAreas || byArea.has(a.id));

  return (
    <div className="stack">
      {!onNotice && ownNotice && (
        <Paragraph role="status" className="contributions-notice">
          {ownNotice}
        </Paragraph>
      )}
      {moveError && (
        <Alert data-color="danger" role="alert">
          {moveError}
        </Alert>
      )}
      {canAdd && (
        <div>
          <Button type="button" onClick={() => setTask({ mode: 'create', departmentId })}>
            {t('contributions.add')}
          </Button>
        </div>
      )}
      {data.items.length === 0 && (
        <Paragraph>{filtered ? t('contributions.emptyFiltered') : t('contributions.empty')}</Paragraph>
      )}
      {areas.map((area) => {
        const items = byArea.get(area.id) ?? [];
        return (
          <section key={area.id} className="contributions-area" aria-labelledby={`omrade-${area.id}`}>
            <div className="contributions-area-head">
              <Heading level={headingLevel} data-size="sm" id={`omrade-${area.id}`}>
                {area.name}
              </Heading>
              {area.wanted && <Tag data-color="accent">{t('contributions.wanted')}</Tag>}
              <span className="contributions-meta">{t('contributions.count', { count: items.length })}</span>
            </div>
            {area.wanted && area.justification && (
              <Paragraph data-size="sm" className="contributions-meta">
                {t('contributions.wantedWhy', { text: area.justification })}
              </Paragraph>
            )}
            {items.length === 0 ? (
              !filtered && <Paragraph data-size="sm">{t('contributions.emptyArea')}</Paragraph>
            ) : (
              <ol className="contributions-items">
                {items.map((c, index) => (
                  <li key={c.id}>
                    <ContributionCard
                      contribution={c}
                      headingLevel={itemLevel}
                      // Moving works on the whole subject area, so the ends are only ends unfiltered.
                      first={index === 0 && !filtered}
                      last={index === items.length - 1 && !filtered}
                      actions={actions}
                      copies={copied?.sourceId === c.id ? copied.copies : undefined}
                    />
                  </li>
                ))}
              </ol>
            )}
            {canAdd && items.length === 0 && !filtered && (
              <div>
                <Button
                  type="button"
                  variant="secondary"
                  data-size="sm"
                  onClick={() => setTask({ mode: 'create', subjectAreaId: area.id, departmentId })}
                >
                  {t('contributions.addIn', { area: area.name })}
                </Button>
              </div>
            )}
          </section>
        );
      })}
      <ContributionDialog
        me={me}
        agreementId={data.agreement.id}
        regionName={data.agreement.region.name}
        subjectAreas={data.subjectAreas}
        task={task}
        onClose={() => setTask(null)}
        onDone={(message) => {
          setTask(null);
          say(message);
        }}
      />
      <StatusDialog
        contribution={statusOf}
        onClose={() => setStatusOf(null)}
        onDone={(message) => {
          setStatusOf(null);
          say(message);
        }}
      />
      <CopyDialog
        contribution={copying}
        onClose={() => setCopying(null)}
        onDone={(copies) => {
          if (copying) setCopied({ sourceId: copying.id, copies });
          setCopying(null);
        }}
      />
      <ConfirmDialog
        open={deleting !== null}
        onClose={() => setDeleting(null)}
        title={t('contributions.deleteTitle')}
        body={t('contributions.deleteBody', { title: deleting?.title ?? '' })}
        confirmLabel={t('contributions.deleteConfirm')}
        danger
        onConfirm={async () => {
          if (!deleting) return;
          await remove.mutateAsync({ id: deleting.id, version: deleting.version });
          say(t('contributions.deleted', { title: deleting.title }));
        }}
      />
    </div>
  );
}
