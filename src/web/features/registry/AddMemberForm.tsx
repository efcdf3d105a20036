import { Button, Select, Textfield } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AddMemberInput, type Region } from '../../../shared/contracts/registry';
import { FormError } from '../../shared/components/FormError';
import { Notice } from '../../shared/components/Notice';
import { SelectField } from '../../shared/components/SelectField';
import { formatDate } from '../../shared/format';
import { currentLocale } from '../../shared/i18n';
import { orNull, useForm } from '../../shared/use-form';
import { useAllMunicipalities } from './municipalities.api';
import { useAddMember } from './regions.api';

type Values = { municipalityId: string; validFrom: string; validTo: string | null };
const empty: Values = { municipalityId: '', validFrom: '', validTo: null };

/**
 * Adds a municipality to the region from a date, optionally to a date. Any municipality may be chosen,
 * also one that is already a member of another region or lies outside the county.
 */
export function AddMemberForm({ region }: { region: Region }) {
  const { t } = useTranslation();
  const municipalities = useAllMunicipalities();
  const add = useAddMember(region.id);
  const form = useForm(AddMemberInput, empty);
  const locale = currentLocale();
  const [added, setAdded] = useState<string | null>(null);

  // The shared schema says an empty choice is not a valid reference; on this field that means "choose one".
  const municipalityError =
    form.errors.municipalityId && !form.values.municipalityId
      ? t('registry.add.chooseMunicipality')
      : form.errors.municipalityId;

  return (
    <form
      className="stack"
      noValidate
      onSubmit={form.submit(async (data) => {
        setAdded(null);
        const m = await add.mutateAsync(data);
        form.reset(empty);
        setAdded(
          t('registry.add.added', { name: m.municipalityName, date: formatDate(m.validFrom, locale) }),
        );
      })}
    >
      <FormError summary={form.summary} error={form.formError} />
      <SelectField
        className="registry-wide-field"
        label={t('registry.members.municipality')}
        description={t('registry.add.municipalityHelp')}
        {...form.field('municipalityId')}
        error={municipalityError}
        disabled={!municipalities.data}
      >
        <Select.Option value="">{t('registry.add.choose')}</Select.Option>
        {municipalities.data?.map((m) => (
          <Select.Option key={m.id} value={m.id}>
            {m.outsideCounty
              ? t('registry.add.optionOutside', { number: m.number, name: m.name })
              : t('registry.add.option', { number: m.number, name: m.name })}
          </Select.Option>
        ))}
      </SelectField>
      <div className="form-grid registry-dates">
        <Textfield
          type="date"
          label={t('registry.add.validFrom')}
          description={t('registry.add.validFromHelp')}
          {...form.field('validFrom')}
        />
        <Textfield
          type="date"
          label={`${t('registry.add.validTo')} ${t('common.optional')}`}
          description={t('registry.add.validToHelp')}
          {...form.field('validTo', orNull)}
        />
      </div>
      <div>
        <Button type="submit" disabled={form.submitting}>
          {form.submitting ? t('common.saving') : t('registry.add.submit')}
        </Button>
      </div>
      {added && <Notice text={added} />}
    </form>
  );
}
