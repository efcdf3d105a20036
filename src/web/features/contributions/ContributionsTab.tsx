import { Heading, Paragraph, Select } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../../shared/contracts/auth';
import { type ContributionStatus, contributionStatuses } from '../../../shared/contracts/contributions';
import { Notice } from '../../shared/components/Notice';
import { SelectField } from '../../shared/components/SelectField';
import { useUrlParams } from '../../shared/url-state';
import { useAgreementContext } from '../agreements';
import { useDepartments } from '../registry';
import { ContributionList } from './ContributionList';

/**
 * The agreement page's "Bidrag" tab: the agreement's contributions by subject area, filtered by owner and
 * status (kept in the address, so a filtered view can be shared), with what the signed-in person may do.
 */
export function ContributionsTab({ me, agreementId }: { me: Me; agreementId: string }) {
  const { t } = useTranslation();
  const { params, change } = useUrlParams();
  const departments = useDepartments({ activeOnly: true });
  const [notice, setNotice] = useState<string | null>(null);
  const owner = params.get('eier') ?? '';
  const statusParam = params.get('status') ?? '';
  const status = (contributionStatuses as readonly string[]).includes(statusParam)
    ? (statusParam as ContributionStatus)
    : undefined;
  return (
    <section className="stack" aria-labelledby="bidrag-heading">
      <Heading level={2} data-size="md" id="bidrag-heading">
        {t('contributions.heading')}
      </Heading>
      <Paragraph>{t('contributions.intro')}</Paragraph>
      <Notice text={notice} />
      <search className="row" aria-label={t('contributions.filters.label')}>
        <SelectField
          label={t('contributions.filters.owner')}
          value={owner}
          onChange={(v) => change({ eier: v })}
        >
          <Select.Option value="">{t('contributions.filters.all')}</Select.Option>
          <Select.Option value="region">{t('contributions.ownerRegion')}</Select.Option>
          {(departments.data ?? []).map((d) => (
            <Select.Option key={d.id} value={d.id}>
              {d.name}
            </Select.Option>
          ))}
        </SelectField>
        <SelectField
          label={t('contributions.filters.status')}
          value={status ?? ''}
          onChange={(v) => change({ status: v })}
        >
          <Select.Option value="">{t('contributions.filters.all')}</Select.Option>
          {contributionStatuses.map((s) => (
            <Select.Option key={s} value={s}>
              {t(`contributions.status.${s}`)}
            </Select.Option>
          ))}
        </SelectField>
      </search>
      <ContributionList
        me={me}
        agreementId={agreementId}
        owner={owner || undefined}
        status={status}
        headingLevel={3}
        onNotice={setNotice}
      />
    </section>
  );
}

/** The tab as a route inside the agreement's layout, which hands it the agreement and the person. */
export function ContributionsTabRoute() {
  const { agreement, me } = useAgreementContext();
  return <ContributionsTab me={me} agreementId={agreement.id} />;
}
