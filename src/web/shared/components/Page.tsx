import { Heading } from '@digdir/designsystemet-react';
import { type ReactNode, useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** A page: its heading is the page's name, and the browser tab says the same. */
export function Page({
  title,
  actions,
  children,
}: {
  title: string;
  actions?: ReactNode;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = `${title} – ${t('app.name')}`;
  }, [title, t]);
  return (
    <div className="stack">
      <div className="row" style={{ justifyContent: 'space-between', alignItems: 'center' }}>
        <Heading level={1} data-size="lg">
          {title}
        </Heading>
        {actions}
      </div>
      {children}
    </div>
  );
}
