import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { SpecialPartComparison } from '../../../shared/contracts/special-part';
import {
  ChooseVersions,
  ComparedVersions,
  DiffLegend,
  SectionDiff,
  useChosenVersions,
  useNewestPairByDefault,
} from '../../shared/compare/VersionCompare';
import { DetailState } from '../../shared/components/DetailState';
import { QueryState } from '../../shared/components/QueryState';
import { useAgreementContext } from '../agreements';
import { SpecialPartStateTag } from './SpecialPartStateTag';
import { specialPartPath, useSpecialPart, useSpecialPartComparison } from './special-part.api';

/**
 * Two versions of an agreement's special part, section by section, with the general part's word diff; the
 * contributions section is compared as its generated text. The choice is kept in the address (`?fra=&til=`);
 * without one, the newest version is compared with the one before it.
 */
export function SpecialPartComparePage() {
  const { t } = useTranslation();
  const { agreement } = useAgreementContext();
  const chosen = useChosenVersions({ from: 'fra', to: 'til' });
  const { from, to } = chosen;
  const part = useSpecialPart(agreement.id);
  const comparison = useSpecialPartComparison(from, to);
  const versions = part.data?.versions ?? [];
  useNewestPairByDefault(versions, chosen);

  return (
    <section className="stack" aria-labelledby="special-part-compare-heading">
      <Heading level={2} data-size="sm" id="special-part-compare-heading">
        {t('specialPart.compare.title')}
      </Heading>
      <Paragraph>
        <Link to={specialPartPath(agreement.id)}>{t('specialPart.compare.back')}</Link>
      </Paragraph>
      {versions.length > 1 && (
        <ChooseVersions
          versions={versions}
          from={from}
          to={to}
          onChoose={chosen.choose}
          labels={{
            from: t('specialPart.compare.from'),
            to: t('specialPart.compare.to'),
            submit: t('specialPart.compare.submit'),
          }}
          optionLabel={(v) =>
            t('specialPart.compare.option', { number: v.number, state: t(`specialPart.state.${v.state}`) })
          }
        />
      )}
      {from && to ? (
        <DetailState
          query={comparison}
          back={{ to: specialPartPath(agreement.id), label: t('specialPart.compare.back') }}
          notFound={t('specialPart.notFound')}
        >
          {(c) => <ComparisonView comparison={c} />}
        </DetailState>
      ) : (
        <QueryState query={part}>
          {(p) => (p.versions.length < 2 ? <Paragraph>{t('specialPart.compare.onlyOne')}</Paragraph> : null)}
        </QueryState>
      )}
    </section>
  );
}

function ComparisonView({ comparison }: { comparison: SpecialPartComparison }) {
  const { t } = useTranslation();
  return (
    <article className="stack" aria-labelledby="special-part-comparison-heading">
      <Heading level={2} data-size="xs" id="special-part-comparison-heading">
        {t('specialPart.compare.heading', { from: comparison.from.number, to: comparison.to.number })}
      </Heading>
      <ComparedVersions
        from={comparison.from}
        to={comparison.to}
        versionName={(number) => t('specialPart.versions.name', { number })}
        stateTag={(state) => <SpecialPartStateTag state={state} />}
      />
      <DiffLegend />
      <Paragraph data-size="sm" className="muted">
        {t('specialPart.compare.generatedNote')}
      </Paragraph>
      {comparison.sections.map((section) => (
        <SectionDiff key={section.key} section={section} />
      ))}
    </article>
  );
}
