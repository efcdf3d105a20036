import {
  Button,
  Heading,
  Label,
  Paragraph,
  Textfield,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import {
  type GeneralPartNynorsk,
  type NynorskSection,
  type NynorskSectionInput,
  UpdateNynorskInput,
} from '../../../shared/contracts/general-part';
import { emptyRichText, isEmptyRichText } from '../../../shared/contracts/rich-text';
import { DetailState } from '../../shared/components/DetailState';
import { FormError, useConflict } from '../../shared/components/FormError';
import { Notice } from '../../shared/components/Notice';
import { Page } from '../../shared/components/Page';
import { RichText } from '../../shared/rich-text/RichText';
import { RichTextEditor } from '../../shared/rich-text/RichTextEditor';
import { type FormFields, useForm } from '../../shared/use-form';
import { useNynorsk, useSaveNynorsk } from './general-part.api';

type Values = { version: number; sections: NynorskSectionInput[] };

const valuesOf = (n: GeneralPartNynorsk): Values => ({
  version: n.version,
  sections: n.sections.map((s) => ({
    key: s.key,
    title: s.nynorsk?.title ?? '',
    body: s.nynorsk?.body ?? emptyRichText(),
  })),
});

/**
 * The coordinator's nynorsk text of an approved version, section by section beside the bokmål. Documents
 * for a region that writes nynorsk use it once every section has one; the server refuses any other version.
 */
export function NynorskPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const nynorsk = useNynorsk(id);
  return (
    <DetailState
      query={nynorsk}
      back={{ to: '/general-part', label: t('generalPart.backToOverview') }}
      notFound={t('generalPart.version.notFound')}
    >
      {(n) => (
        <Page title={t('generalPart.nynorsk.title', { number: n.number })}>
          {n.state === 'approved' ? (
            <NynorskForm key={n.versionId} nynorsk={n} />
          ) : (
            <Paragraph>{t('generalPart.nynorsk.notApproved')}</Paragraph>
          )}
          <Paragraph>
            <Link to={`/general-part/versions/${n.versionId}`}>
              {t('generalPart.version.open', { number: n.number })}
            </Link>
          </Paragraph>
        </Page>
      )}
    </DetailState>
  );
}

function NynorskForm({ nynorsk }: { nynorsk: GeneralPartNynorsk }) {
  const { t } = useTranslation();
  const save = useSaveNynorsk(nynorsk.versionId);
  const conflict = useConflict();
  const form = useForm(UpdateNynorskInput, valuesOf(nynorsk));
  const [notice, setNotice] = useState<string | null>(null);
  const [revision, setRevision] = useState(0);
  const fields = nynorsk.sections.flatMap((_, i) => [`sections.${i}.title`, `sections.${i}.body`]);
  return (
    <form
      className="stack"
      noValidate
      aria-label={t('generalPart.nynorsk.formLabel')}
      onSubmit={form.submit(async (data) => {
        setNotice(null);
        const saved = await conflict.guard(save.mutateAsync(data));
        form.reset(valuesOf(saved));
        setNotice(t('generalPart.nynorsk.saved'));
      })}
    >
      <Notice text={notice} />
      <Paragraph>{t('generalPart.nynorsk.intro')}</Paragraph>
      <FormError
        summary={form.summary}
        error={form.formError}
        conflict={conflict.conflict}
        conflictText={t('generalPart.nynorsk.conflict')}
        onReload={() => {
          conflict.clear();
          setRevision((r) => r + 1);
        }}
        reloadLabel={t('generalPart.nynorsk.reload')}
        errors={form.errors}
        fields={fields}
      />
      {nynorsk.sections.map((section, i) => (
        <NynorskSectionFields
          key={`${section.key}-${revision}`}
          section={section}
          index={i}
          form={form}
          onChange={(next) =>
            form.set(
              'sections',
              form.values.sections.map((s, j) => (j === i ? { ...s, ...next } : s)),
            )
          }
        />
      ))}
      <div>
        <Button type="submit" disabled={form.submitting}>
          {form.submitting ? t('common.saving') : t('generalPart.nynorsk.save')}
        </Button>
      </div>
    </form>
  );
}

function NynorskSectionFields({
  section,
  index,
  form,
  onChange,
}: {
  section: NynorskSection;
  index: number;
  form: FormFields<Values>;
  onChange: (next: Partial<NynorskSectionInput>) => void;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const bodyLabel = useId();
  const bodyError = useId();
  const value = form.values.sections[index];
  const titleField = `sections.${index}.title`;
  const bodyField = `sections.${index}.body`;
  const error = form.errors[bodyField];
  return (
    <section className="gp-nynorsk" aria-labelledby={headingId}>
      <Heading level={2} data-size="sm" id={headingId}>
        {section.title}
      </Heading>
      <div className="gp-nynorsk__columns">
        <div className="stack stack--tight">
          <Heading level={3} data-size="2xs">
            {t('generalPart.nynorsk.bokmal')}
          </Heading>
          {isEmptyRichText(section.body) ? (
            <Paragraph className="muted">{t('generalPart.version.emptySection')}</Paragraph>
          ) : (
            <RichText doc={section.body} headingOffset={2} />
          )}
        </div>
        <div className="stack stack--tight">
          <Textfield
            label={t('generalPart.nynorsk.sectionTitle', { title: section.title })}
            id={form.fieldId(titleField)}
            value={value?.title ?? ''}
            onChange={(e) => onChange({ title: e.target.value })}
            error={form.errors[titleField]}
          />
          <Label asChild>
            <span id={bodyLabel}>{t('generalPart.nynorsk.sectionText', { title: section.title })}</span>
          </Label>
          <div id={form.fieldId(bodyField)} tabIndex={-1}>
            <RichTextEditor
              content={value?.body ?? emptyRichText()}
              onChange={(body) => onChange({ body })}
              labelId={bodyLabel}
              toolbarLabel={t('generalPart.nynorsk.toolbar', { title: section.title })}
              describedBy={error ? bodyError : ''}
              invalid={Boolean(error)}
            />
          </div>
          {error && <ValidationMessage id={bodyError}>{error}</ValidationMessage>}
        </div>
      </div>
    </section>
  );
}
