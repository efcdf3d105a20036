import {
  Alert,
  Button,
  Card,
  Field,
  Heading,
  Input,
  Label,
  Paragraph,
  Table,
  Textfield,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import { type FormEvent, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PopulationImportSummary } from '../../../shared/contracts/populations';
import { ApiError } from '../../shared/api';
import { ListCount } from '../../shared/components/ListCount';
import { Page } from '../../shared/components/Page';
import { QueryState } from '../../shared/components/QueryState';
import { formatDate, intlLocale } from '../../shared/format';
import { currentLocale } from '../../shared/i18n';
import { readCsvText, useImportPopulations, usePopulations } from './populations.api';

/**
 * Innbyggere: each municipality's latest number of inhabitants with its date and source, which the
 * follow-up's per-inhabitant figures use. The coordinator imports SSB's population table as a CSV file;
 * a file with an unknown municipality number or a bad row changes nothing, and every such line is listed.
 */
export function PopulationsPage({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const populations = usePopulations();
  const number = new Intl.NumberFormat(intlLocale(locale));
  return (
    <Page title={t('populations.title')}>
      <Paragraph>{t('populations.intro')}</Paragraph>
      {canEdit && <ImportForm />}
      <QueryState query={populations}>
        {({ items }) =>
          items.length === 0 ? (
            <Card data-color="neutral">
              <Paragraph>{t('populations.empty')}</Paragraph>
            </Card>
          ) : (
            <>
              <ListCount count={t('populations.count', { count: items.length })} />
              <div className="table-wrap">
                <Table aria-label={t('populations.title')} zebra>
                  <Table.Head>
                    <Table.Row>
                      <Table.HeaderCell>{t('populations.municipality')}</Table.HeaderCell>
                      <Table.HeaderCell style={{ textAlign: 'right' }}>
                        {t('populations.inhabitants')}
                      </Table.HeaderCell>
                      <Table.HeaderCell>{t('populations.countedOn')}</Table.HeaderCell>
                      <Table.HeaderCell>{t('populations.source')}</Table.HeaderCell>
                    </Table.Row>
                  </Table.Head>
                  <Table.Body>
                    {items.map((p) => (
                      <Table.Row key={p.municipalityId}>
                        <Table.Cell>
                          {p.municipalityNumber} {p.municipalityName}
                        </Table.Cell>
                        <Table.Cell style={{ textAlign: 'right' }}>{number.format(p.count)}</Table.Cell>
                        <Table.Cell>{formatDate(p.countedOn, locale)}</Table.Cell>
                        <Table.Cell>{p.source}</Table.Cell>
                      </Table.Row>
                    ))}
                  </Table.Body>
                </Table>
              </div>
            </>
          )
        }
      </QueryState>
    </Page>
  );
}

type Outcome =
  | { kind: 'done'; summary: PopulationImportSummary }
  | { kind: 'refused'; title: string; lines: string[] };

function ImportForm() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const headingId = useId();
  const importer = useImportPopulations();
  const fileInput = useRef<HTMLInputElement>(null);
  const [source, setSource] = useState(t('populations.defaultSource'));
  const [fileError, setFileError] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setOutcome(null);
    const file = fileInput.current?.files?.[0];
    if (!file) {
      setFileError(t('populations.chooseFile'));
      return;
    }
    setFileError(null);
    try {
      const summary = await importer.mutateAsync({ content: await readCsvText(file), source });
      setOutcome({ kind: 'done', summary });
    } catch (e) {
      const problem = e instanceof ApiError ? e.problem : null;
      setOutcome({
        kind: 'refused',
        title: problem?.title || t('errors.internal'),
        lines: (problem?.errors ?? []).map((error) => error.message),
      });
    }
  };

  return (
    <Card data-color="neutral">
      <form className="stack" noValidate onSubmit={submit} aria-labelledby={headingId}>
        <Heading level={2} data-size="sm" id={headingId}>
          {t('populations.import.title')}
        </Heading>
        <Paragraph data-size="sm">{t('populations.import.help')}</Paragraph>
        <Field>
          <Label>{t('populations.import.file')}</Label>
          <Field.Description>{t('populations.import.fileHelp')}</Field.Description>
          <Input
            ref={fileInput}
            type="file"
            accept=".csv,text/csv"
            aria-invalid={fileError ? true : undefined}
            onChange={() => setFileError(null)}
          />
          {fileError && <ValidationMessage>{fileError}</ValidationMessage>}
        </Field>
        <Textfield
          label={t('populations.import.source')}
          description={t('populations.import.sourceHelp')}
          value={source}
          onChange={(e) => setSource(e.target.value)}
        />
        <div className="row">
          <Button type="submit" disabled={importer.isPending}>
            {importer.isPending ? t('populations.import.working') : t('populations.import.submit')}
          </Button>
        </div>
        <div aria-live="polite">
          {outcome?.kind === 'done' && (
            <Alert data-color="success">
              <Paragraph>
                {t('populations.import.done', {
                  created: outcome.summary.created,
                  updated: outcome.summary.updated,
                  unchanged: outcome.summary.unchanged,
                  skipped: outcome.summary.skipped,
                })}
              </Paragraph>
              <Paragraph data-size="sm">
                {t('populations.import.dates', {
                  dates: outcome.summary.dates.map((d) => formatDate(d, locale)).join(', '),
                })}
              </Paragraph>
            </Alert>
          )}
          {outcome?.kind === 'refused' && (
            <Alert data-color="danger" role="alert">
              <Paragraph>{t('populations.import.refused')}</Paragraph>
              {outcome.lines.length > 0 ? (
                <ul>
                  {outcome.lines.map((line) => (
                    <li key={line}>{line}</li>
                  ))}
                </ul>
              ) : (
                <Paragraph>{outcome.title}</Paragraph>
              )}
            </Alert>
          )}
        </div>
      </form>
    </Card>
  );
}
