import { Fieldset, Radio, ValidationMessage } from '@digdir/designsystemet-react';
import { useId } from 'react';

/**
 * One choice of a few, as radio buttons under a legend. The error is said once, below the choices, and the
 * group and every choice point to it.
 */
export function AdoptionRadios<V extends string>({
  legend,
  description,
  options,
  value,
  onChange,
  error,
}: {
  legend: string;
  description?: string;
  options: readonly { value: V; label: string }[];
  value: V | '';
  onChange: (value: V) => void;
  error?: string;
}) {
  const id = useId();
  const helpId = `${id}-help`;
  const errorId = `${id}-error`;
  const describedBy =
    [description ? helpId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  return (
    <Fieldset aria-describedby={describedBy}>
      <Fieldset.Legend>{legend}</Fieldset.Legend>
      {description && <Fieldset.Description id={helpId}>{description}</Fieldset.Description>}
      {options.map((o) => (
        <Radio
          key={o.value}
          name={id}
          value={o.value}
          label={o.label}
          checked={value === o.value}
          onChange={() => onChange(o.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
        />
      ))}
      {error && <ValidationMessage id={errorId}>{error}</ValidationMessage>}
    </Fieldset>
  );
}
