import { Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Comparison } from '../../../shared/contracts/general-part';
import {
  ChooseVersions,
  ComparedVersions,
  DiffLegend,
  SectionDiff,
  useChosenVersions,
  useNewestPairByDefault,
} from '../../shared/compare/VersionCompare';
import { DetailState } from '../../shared/components/DetailState';
import { Page } from '../../shared/components/Page';
import { QueryState } from '../../shared/components/QueryState';
import { useCurrentCycle } from '../../shared/current-cycle';
import { useComparison, useGeneralPart } from './general-part.api';
import { VersionStateTag } from './VersionStateTag';

/**
 * Two versions side by side in time: section by section, with inserted and deleted words marked, and
 * sections that were added, removed or moved said so. The choice is kept in the address
 * (`?from=&to=`), so a comparison can be shared; the page prints without the app around it.
 */
export function ComparePage() {
  const { t } = useTranslation();
  const chosen = useChosenVersions({ from: 'from', to: 'to' });
  const { from, to } = chosen;
  const comparison = useComparison(from, to);
  const { cycle } = useCurrentCycle();
  const cycleId = comparison.data?.to.cycleId ?? cycle?.id ?? '';
  const part = useGeneralPart(cycleId);
  const versions = part.data?.versions ?? [];
  useNewestPairByDefault(versions, chosen);

  return (
    <Page title={t('generalPart.compare.title')}>
      <div className="no-print">
        {versions.length > 0 && (
          <ChooseVersions
            versions={versions}
            from={from}
            to={to}
            onChoose={chosen.choose}
            labels={{
              from: t('generalPart.compare.from'),
              to: t('generalPart.compare.to'),
              submit: t('generalPart.compare.submit'),
            }}
            optionLabel={(v) =>
              t('generalPart.compare.option', { number: v.number, state: t(`generalPart.state.${v.state}`) })
            }
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
      <ComparedVersions
        from={comparison.from}
        to={comparison.to}
        versionName={(number) => t('generalPart.versions.name', { number })}
        stateTag={(state) => <VersionStateTag state={state} />}
      />
      <Paragraph>{t('generalPart.compare.summary', counts)}</Paragraph>
      <DiffLegend />
      {comparison.sections.map((section) => (
        <SectionDiff key={section.key} section={section} />
      ))}
    </article>
  );
}
