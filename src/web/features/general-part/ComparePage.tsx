import { Button, Field, Heading, Label, Paragraph, Select, Tag } from '@digdir/designsystemet-react';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type {
  Comparison,
  GeneralPartVersionSummary,
  SectionComparison,
} from '../../../shared/contracts/general-part';
import { DetailState } from '../../shared/components/DetailState';
import { Page } from '../../shared/components/Page';
import { QueryState } from '../../shared/components/QueryState';
import { useCurrentCycle } from '../../shared/current-cycle';
import { DiffBlock, DiffText } from './DiffText';
import { each } from './each';
import { useComparison, useGeneralPart } from './general-part.api';
import { VersionStateTag } from './VersionStateTag';

/**
 * Two versions side by side in time: section by section, with inserted and deleted words marked, and
 * sections that were added, removed or moved said so. The choice is kept in the address
 * (`?from=&to=`), so a comparison can be shared; the page prints without the app around it.
 */
export function ComparePage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  const comparison = useComparison(from, to);
  const { cycle } = useCurrentCycle();
  const cycleId = comparison.data?.to.cycleId ?? cycle?.id ?? '';
  const part = useGeneralPart(cycleId);
  const versions = part.data?.versions ?? [];

  // Without a choice, compare the newest version with the one before it.
  useEffect(() => {
    if (from || to) return;
    const [newest, previous] = versions;
    if (newest && previous) setParams({ from: previous.id, to: newest.id }, { replace: true });
  }, [from, to, versions, setParams]);

  return (
    <Page title={t('generalPart.compare.title')}>
      <div className="no-print">
        {versions.length > 0 && (
          <ChooseVersions
            versions={versions}
            from={from}
            to={to}
            onChoose={(f, tt) => setParams({ from: f, to: tt })}
          />
        )}
      </div>
      {from && to ? (
        <DetailState
          query={comparison}
          back={{ to: '/general-part', label: t('generalPart.backToOverview') }}
          notFound={t('generalPart.version.notFound')}
        >
          {(c) => <ComparisonView comparison={c} />}
        </DetailState>
      ) : (
        <QueryState query={part}>
          {(p) => (
            <Paragraph>
              {p.versions.length < 2 ? t('generalPart.compare.onlyOne') : t('generalPart.compare.choose')}
            </Paragraph>
          )}
        </QueryState>
      )}
      <Paragraph className="no-print">
        <Link to="/general-part">{t('generalPart.backToOverview')}</Link>
      </Paragraph>
    </Page>
  );
}

function ChooseVersions({
  versions,
  from,
  to,
  onChoose,
}: {
  versions: readonly GeneralPartVersionSummary[];
  from: string;
  to: string;
  onChoose: (from: string, to: string) => void;
}) {
  const { t } = useTranslation();
  const [chosenFrom, setFrom] = useState(from || versions[1]?.id || '');
  const [chosenTo, setTo] = useState(to || versions[0]?.id || '');
  // Follow the address when it changes (a link, going back).
  useEffect(() => {
    if (from) setFrom(from);
    if (to) setTo(to);
  }, [from, to]);
  const label = (v: GeneralPartVersionSummary) =>
    t('generalPart.compare.option', { number: v.number, state: t(`generalPart.state.${v.state}`) });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (chosenFrom && chosenTo) onChoose(chosenFrom, chosenTo);
  };
  return (
    <form className="row" onSubmit={submit}>
      <Field>
        <Label>{t('generalPart.compare.from')}</Label>
        <Select value={chosenFrom} onChange={(e) => setFrom(e.target.value)}>
          {versions.map((v) => (
            <Select.Option key={v.id} value={v.id}>
              {label(v)}
            </Select.Option>
          ))}
        </Select>
      </Field>
      <Field>
        <Label>{t('generalPart.compare.to')}</Label>
        <Select value={chosenTo} onChange={(e) => setTo(e.target.value)}>
          {versions.map((v) => (
            <Select.Option key={v.id} value={v.id}>
              {label(v)}
            </Select.Option>
          ))}
        </Select>
      </Field>
      <Button type="submit">{t('generalPart.compare.submit')}</Button>
    </form>
  );
}

const statuses = ['changed', 'added', 'removed', 'moved', 'unchanged'] as const;

function ComparisonView({ comparison }: { comparison: Comparison }) {
  const { t } = useTranslation();
  const counts = Object.fromEntries(
    statuses.map((s) => [
      s,
      comparison.sections.filter((c) => (s === 'moved' ? c.moved : c.status === s)).length,
    ]),
  );
  return (
    <article className="stack gp-printable" aria-labelledby="comparison-heading">
      <div className="row gp-between">
        <Heading level={2} data-size="sm" id="comparison-heading">
          {t('generalPart.compare.heading', { from: comparison.from.number, to: comparison.to.number })}
        </Heading>
        <Button variant="secondary" className="no-print" onClick={() => window.print()}>
          {t('generalPart.compare.print')}
        </Button>
      </div>
      <div className="row">
        <span>{t('generalPart.versions.name', { number: comparison.from.number })}</span>
        <VersionStateTag state={comparison.from.state} />
        <span aria-hidden="true">→</span>
        <span className="visually-hidden">{t('generalPart.compare.against')}</span>
        <span>{t('generalPart.versions.name', { number: comparison.to.number })}</span>
        <VersionStateTag state={comparison.to.state} />
      </div>
      <Paragraph>{t('generalPart.compare.summary', counts)}</Paragraph>
      <Paragraph data-size="sm" className="gp-legend">
        {t('generalPart.compare.legendBefore')} <ins>{t('generalPart.compare.legendInserted')}</ins>{' '}
        {t('generalPart.compare.legendAnd')} <del>{t('generalPart.compare.legendDeleted')}</del>
        {t('generalPart.compare.legendAfter')}
      </Paragraph>
      {comparison.sections.map((section) => (
        <SectionDiff key={section.key} section={section} />
      ))}
    </article>
  );
}

const statusColour = {
  added: 'success',
  removed: 'danger',
  changed: 'warning',
  moved: 'info',
  unchanged: 'neutral',
} as const;

export function SectionDiff({ section }: { section: SectionComparison }) {
  const { t } = useTranslation();
  const title = section.toTitle ?? section.fromTitle ?? section.key;
  const headingId = `diff-${section.key}`;
  const blocks = section.blocks.filter((b) => b.ops.length > 0);
  return (
    <section className={`stack diff-section diff-section--${section.status}`} aria-labelledby={headingId}>
      <div className="row">
        <Heading level={3} data-size="xs" id={headingId}>
          {title}
        </Heading>
        <Tag data-color={statusColour[section.status]}>
          {t(`generalPart.compare.status.${section.status}`)}
        </Tag>
        {section.moved && section.status !== 'moved' && (
          <Tag data-color={statusColour.moved}>{t('generalPart.compare.status.moved')}</Tag>
        )}
      </div>
      {section.moved && section.fromPosition !== null && section.toPosition !== null && (
        <Paragraph data-size="sm">
          {t('generalPart.compare.movedFrom', { from: section.fromPosition + 1, to: section.toPosition + 1 })}
        </Paragraph>
      )}
      {section.titleChanged && (
        <Paragraph data-size="sm">
          {t('generalPart.compare.titleChanged')}{' '}
          <DiffText
            ops={[
              { op: 'delete', text: section.fromTitle ?? '' },
              { op: 'equal', text: ' ' },
              { op: 'insert', text: section.toTitle ?? '' },
            ]}
          />
        </Paragraph>
      )}
      {blocks.length === 0 ? (
        <Paragraph className="muted">{t('generalPart.version.emptySection')}</Paragraph>
      ) : (
        <div className="diff-body">
          {each(blocks, (block) => (
            <DiffBlock block={block} />
          ))}
        </div>
      )}
    </section>
  );
}
