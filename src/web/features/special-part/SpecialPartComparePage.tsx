import { Button, Field, Heading, Label, Paragraph, Select } from '@digdir/designsystemet-react';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type {
  SpecialPartComparison,
  SpecialPartVersionSummary,
} from '../../../shared/contracts/special-part';
import { DetailState } from '../../shared/components/DetailState';
import { QueryState } from '../../shared/components/QueryState';
import { useAgreementContext } from '../agreements/AgreementLayout';
import { SectionDiff } from '../general-part/ComparePage';
import '../general-part/general-part.css';
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
  const [params, setParams] = useSearchParams();
  const from = params.get('fra') ?? '';
  const to = params.get('til') ?? '';
  const part = useSpecialPart(agreement.id);
  const comparison = useSpecialPartComparison(from, to);
  const versions = part.data?.versions ?? [];

  useEffect(() => {
    if (from || to) return;
    const [newest, previous] = versions;
    if (newest && previous) setParams({ fra: previous.id, til: newest.id }, { replace: true });
  }, [from, to, versions, setParams]);

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
          onChoose={(f, tt) => setParams({ fra: f, til: tt })}
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

function ChooseVersions({
  versions,
  from,
  to,
  onChoose,
}: {
  versions: readonly SpecialPartVersionSummary[];
  from: string;
  to: string;
  onChoose: (from: string, to: string) => void;
}) {
  const { t } = useTranslation();
  const [chosenFrom, setFrom] = useState(from || versions[1]?.id || '');
  const [chosenTo, setTo] = useState(to || versions[0]?.id || '');
  useEffect(() => {
    if (from) setFrom(from);
    if (to) setTo(to);
  }, [from, to]);
  const label = (v: SpecialPartVersionSummary) =>
    t('specialPart.compare.option', { number: v.number, state: t(`specialPart.state.${v.state}`) });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (chosenFrom && chosenTo) onChoose(chosenFrom, chosenTo);
  };
  return (
    <form className="row" onSubmit={submit}>
      <Field>
        <Label>{t('specialPart.compare.from')}</Label>
        <Select value={chosenFrom} onChange={(e) => setFrom(e.target.value)}>
          {versions.map((v) => (
            <Select.Option key={v.id} value={v.id}>
              {label(v)}
            </Select.Option>
          ))}
        </Select>
      </Field>
      <Field>
        <Label>{t('specialPart.compare.to')}</Label>
        <Select value={chosenTo} onChange={(e) => setTo(e.target.value)}>
          {versions.map((v) => (
            <Select.Option key={v.id} value={v.id}>
              {label(v)}
            </Select.Option>
          ))}
        </Select>
      </Field>
      <Button type="submit">{t('specialPart.compare.submit')}</Button>
    </form>
  );
}

function ComparisonView({ comparison }: { comparison: SpecialPartComparison }) {
  const { t } = useTranslation();
  return (
    <article className="stack" aria-labelledby="special-part-comparison-heading">
      <Heading level={2} data-size="xs" id="special-part-comparison-heading">
        {t('specialPart.compare.heading', { from: comparison.from.number, to: comparison.to.number })}
      </Heading>
      <div className="row">
        <span>{t('specialPart.versions.name', { number: comparison.from.number })}</span>
        <SpecialPartStateTag state={comparison.from.state} />
        <span aria-hidden="true">→</span>
        <span className="visually-hidden">{t('generalPart.compare.against')}</span>
        <span>{t('specialPart.versions.name', { number: comparison.to.number })}</span>
        <SpecialPartStateTag state={comparison.to.state} />
      </div>
      <Paragraph data-size="sm" className="gp-legend">
        {t('generalPart.compare.legendBefore')} <ins>{t('generalPart.compare.legendInserted')}</ins>{' '}
        {t('generalPart.compare.legendAnd')} <del>{t('generalPart.compare.legendDeleted')}</del>
        {t('generalPart.compare.legendAfter')}
      </Paragraph>
      <Paragraph data-size="sm" className="muted">
        {t('specialPart.compare.generatedNote')}
      </Paragraph>
      {comparison.sections.map((section) => (
        <SectionDiff key={section.key} section={section} />
      ))}
    </article>
  );
}
