import { Button, Textfield } from '@digdir/designsystemet-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useUrlParams } from '../../shared/url-state';

/** The `q` of the URL, so a search can be shared as a link and survives going back. */
export function useSearchText(): string {
  const [params] = useSearchParams();
  return params.get('q')?.trim() ?? '';
}

/**
 * A search field that filters the list as the person types (after a short pause) and on Enter. The text
 * lives in the URL's `q`; typing replaces the history entry rather than adding one per keystroke.
 */
export function SearchForm({ label, description }: { label: string; description?: string }) {
  const { t } = useTranslation();
  const { params, change } = useUrlParams();
  const inUrl = params.get('q') ?? '';
  const [text, setText] = useState(inUrl);

  // Going back or following a link changes the URL: the field follows it.
  useEffect(() => setText((current) => (current.trim() === inUrl.trim() ? current : inUrl)), [inUrl]);

  const apply = (value: string) => change({ q: value });

  // biome-ignore lint/correctness/useExhaustiveDependencies: only the typed text starts a new pause.
  useEffect(() => {
    if (text.trim() === inUrl.trim()) return;
    const timer = setTimeout(() => apply(text), 300);
    return () => clearTimeout(timer);
  }, [text]);

  return (
    <search>
      <form
        className="row"
        onSubmit={(e) => {
          e.preventDefault();
          apply(text);
        }}
      >
        <Textfield
          type="search"
          label={label}
          description={description}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        <Button type="submit" variant="secondary">
          {t('common.search')}
        </Button>
      </form>
    </search>
  );
}
