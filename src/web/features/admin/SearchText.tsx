import { Textfield } from '@digdir/designsystemet-react';
import { useEffect, useState } from 'react';

/**
 * A search field that filters as the person types, after a short pause, so the URL (and the request) does
 * not change on every keystroke. Going back or following a link changes the value: the field follows it.
 */
export function SearchText({
  label,
  value,
  onChange,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
}) {
  const [text, setText] = useState(value);
  useEffect(() => setText((current) => (current.trim() === value ? current : value)), [value]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: only the typed text starts a new pause.
  useEffect(() => {
    if (text.trim() === value) return;
    const timer = setTimeout(() => onChange(text), 300);
    return () => clearTimeout(timer);
  }, [text]);
  return (
    <Textfield
      type="search"
      label={label}
      value={text}
      onChange={(e) => setText(e.target.value)}
      onKeyDown={(e) => {
        if (e.key === 'Enter') onChange(text);
      }}
    />
  );
}
