import { Button, Field, Heading, Label, Paragraph, Select, Tag } from '@digdir/designsystemet-react';
import { type FormEvent, type ReactNode, useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { SectionComparison } from '../../../shared/contracts/document-versions';
import { each } from '../each';
import { DiffBlock, DiffText } from './DiffText';
import './compare.css';

/**
 * What the compare pages of the versioned documents (the general part, an agreement's special part) share:
 * the choice of two versions kept in the address, the pickers, the line that names the two versions, the
 * legend and each section's diff. Each page keeps its own words, states and links.
 */

type VersionOption<S extends string> = { id: string; number: number; state: S };

type Choice = { from: string; to: string; choose: (from: string, to: string, replace?: boolean) => void };

/**
 * The two versions chosen, kept in the address under the page's parameter names, so that a comparison can
 * be shared.
 */
export function useChosenVersions(names: { from: string; to: string }): Choice {
  const [params, setParams] = useSearchParams();
  const choose = useCallback(
    (from: string, to: string, replace = false) =>
      setParams({ [names.from]: from, [names.to]: to }, { replace }),
    [names.from, names.to, setParams],
  );
  return { from: params.get(names.from) ?? '', to: params.get(names.to) ?? '', choose };
}

/** Without a choice, compare the newest version with the one before it. */
export function useNewestPairByDefault(versions: readonly { id: string }[], { from, to, choose }: Choice) {
  useEffect(() => {
    if (from || to) return;
    const [newest, previous] = versions;
    if (newest && previous) choose(previous.id, newest.id, true);
  }, [from, to, versions, choose]);
}

/** Two pickers (from, to) over a document's versions, newest first; nothing changes until submitted. */
export function ChooseVersions<S extends string>({
  versions,
  from,
  to,
  onChoose,
  labels,
  optionLabel,
}: {
  versions: readonly VersionOption<S>[];
  from: string;
  to: string;
  onChoose: (from: string, to: string) => void;
  labels: { from: string; to: string; submit: string };
  optionLabel: (version: VersionOption<S>) => string;
}) {
  const [chosenFrom, setFrom] = useState(from || versions[1]?.id || '');
  const [chosenTo, setTo] = useState(to || versions[0]?.id || '');
  // Follow the address when it changes (a link, going back).
  useEffect(() => {
    if (from) setFrom(from);
    if (to) setTo(to);
  }, [from, to]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (chosenFrom && chosenTo) onChoose(chosenFrom, chosenTo);
  };
  const options = versions.map((v) => (
    <Select.Option key={v.id} value={v.id}>
      {optionLabel(v)}
    </Select.Option>
  ));
  return (
    <form className="row" onSubmit={submit}>
      <Field>
        <Label>{labels.from}</Label>
        <Select value={chosenFrom} onChange={(e) => setFrom(e.target.value)}>
          {options}
        </Select>
      </Field>
      <Field>
        <Label>{labels.to}</Label>
        <Select value={chosenTo} onChange={(e) => setTo(e.target.value)}>
          {options}
        </Select>
      </Field>
      <Button type="submit">{labels.submit}</Button>
    </form>
  );
}

/** The compared versions by name and state: “Version 2 [Sent] → Version 3 [Draft]”. */
export function ComparedVersions<S extends string>({
  from,
  to,
  versionName,
  stateTag,
}: {
  from: VersionOption<S>;
  to: VersionOption<S>;
  versionName: (number: number) => string;
  stateTag: (state: S) => ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <div className="row">
      <span>{versionName(from.number)}</span>
      {stateTag(from.state)}
      <span aria-hidden="true">→</span>
      <span className="visually-hidden">{t('generalPart.compare.against')}</span>
      <span>{versionName(to.number)}</span>
      {stateTag(to.state)}
    </div>
  );
}

/** How inserted and deleted words are marked, in words as well as in the marks themselves. */
export function DiffLegend() {
  const { t } = useTranslation();
  return (
    <Paragraph data-size="sm" className="diff-legend">
      {t('generalPart.compare.legendBefore')} <ins>{t('generalPart.compare.legendInserted')}</ins>{' '}
      {t('generalPart.compare.legendAnd')} <del>{t('generalPart.compare.legendDeleted')}</del>
      {t('generalPart.compare.legendAfter')}
    </Paragraph>
  );
}

const statusColour = {
  added: 'success',
  removed: 'danger',
  changed: 'warning',
  moved: 'info',
  unchanged: 'neutral',
} as const;

/** One compared section: its title, what happened to it (added, moved …) and its words marked. */
export function SectionDiff({ section }: { section: SectionComparison }) {
  const { t } = useTranslation();
  const title = section.toTitle ?? section.fromTitle ?? section.key;
  const headingId = `diff-${section.key}`;
  const blocks = section.blocks.filter((b) => b.ops.length > 0);
  return (
    <section className={`stack diff-section diff-section--${section.status}`} aria-labelledby={headingId}>
      <div className="row">
        <Heading level={3} data-size="xs" id={headingId}>
          {title}
        </Heading>
        <Tag data-color={statusColour[section.status]}>
          {t(`generalPart.compare.status.${section.status}`)}
        </Tag>
        {section.moved && section.status !== 'moved' && (
          <Tag data-color={statusColour.moved}>{t('generalPart.compare.status.moved')}</Tag>
        )}
      </div>
      {section.moved && section.fromPosition !== null && section.toPosition !== null && (
        <Paragraph data-size="sm">
          {t('generalPart.compare.movedFrom', { from: section.fromPosition + 1, to: section.toPosition + 1 })}
        </Paragraph>
      )}
      {section.titleChanged && (
        <Paragraph data-size="sm">
          {t('generalPart.compare.titleChanged')}{' '}
          <DiffText
            ops={[
              { op: 'delete', text: section.fromTitle ?? '' },
              { op: 'equal', text: ' ' },
              { op: 'insert', text: section.toTitle ?? '' },
            ]}
          />
        </Paragraph>
      )}
      {blocks.length === 0 ? (
        <Paragraph className="muted">{t('generalPart.version.emptySection')}</Paragraph>
      ) : (
        <div className="diff-body">
          {each(blocks, (block) => (
            <DiffBlock block={block} />
          ))}
        </div>
      )}
    </section>
  );
}
