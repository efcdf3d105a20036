import { Tag } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { MembershipStatus } from './membership';

const colour = { current: 'success', future: 'info', past: 'neutral' } as const;

/** The status as a word in a coloured tag, never colour alone. */
export function MembershipStatusTag({ status }: { status: MembershipStatus }) {
  const { t } = useTranslation();
  return <Tag data-color={colour[status]}>{t(`registry.status.${status}`)}</Tag>;
}

/** Marks a municipality of another county, which a region may include. */
export function CountyTag({ outside }: { outside: boolean }) {
  const { t } = useTranslation();
  if (!outside) return <span className="muted">{t('registry.insideCounty')}</span>;
  return <Tag data-color="warning">{t('registry.outsideCounty')}</Tag>;
}
