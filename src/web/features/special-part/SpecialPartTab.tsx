import { Alert, Button, Heading, Paragraph, Spinner, Table, Tag } from '@digdir/designsystemet-react';
import { lazy, Suspense, useContext, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { Me } from '../../../shared/contracts/auth';
import type { RegionRef } from '../../../shared/contracts/hearings';
import { isEmptyRichText } from '../../../shared/contracts/rich-text';
import type {
  SpecialPart,
  SpecialPartVersion,
  SpecialPartVersionSummary,
} from '../../../shared/contracts/special-part';
import { ApiError } from '../../shared/api';
import { ConfirmDialog } from '../../shared/components/ConfirmDialog';
import { DetailState } from '../../shared/components/DetailState';
import { type MailReport, Notice } from '../../shared/components/Notice';
import { QueryState } from '../../shared/components/QueryState';
import { formatDateTime } from '../../shared/format';
import { currentLocale } from '../../shared/i18n';
import { RichText } from '../../shared/rich-text/RichText';
import { anyUnsaved, UnsavedFormsContext } from '../../shared/unsaved-changes';
import { useAgreementContext } from '../agreements';
import { SpecialPartAnswerSection } from './SpecialPartAnswer';
import { SpecialPartStateTag } from './SpecialPartStateTag';
import {
  specialPartPath,
  useCreateSpecialPartDraft,
  useSendSpecialPart,
  useSpecialPart,
  useSpecialPartVersion,
  useStartSpecialPart,
  useTransition,
} from './special-part.api';

// The editor (Tiptap and ProseMirror) is loaded when the coordinator opens a draft, not by every reader.
const SpecialPartEditor = lazy(() =>
  import('./SpecialPartEditor').then((m) => ({ default: m.SpecialPartEditor })),
);

const refusal = (e: unknown, fallback: string) =>
  e instanceof ApiError ? e.problem.errors?.[0]?.message || e.problem.title || fallback : fallback;

/** What the screen says after an action: its text, and for a sending what became of the e-mail. */
type Said = { text: string; mail?: MailReport };

/** Shows a version, with what was just done to it. */
type OnChanged = (id: string, notice: string, mail?: MailReport) => void;

/**
 * "Spesiell del" of an agreement: its versions, and one of them (`?versjon=`; the draft for the coordinator,
 * for the region's own contact the newest version waiting for the region's answer, else the agreed one, else
 * the newest). The coordinator writes the draft, sends it to the parties and records it agreed; the region's
 * contact answers a sent version; everyone else reads. The contributions section is generated from the
 * agreed contributions and is never typed here.
 */
export function SpecialPartTab() {
  const { agreement, me } = useAgreementContext();
  const part = useSpecialPart(agreement.id);
  return (
    <QueryState query={part}>
      {(p) => <SpecialPartView part={p} me={me} region={agreement.region} />}
    </QueryState>
  );
}

function SpecialPartView({ part, me, region }: { part: SpecialPart; me: Me; region: RegionRef }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const [notice, setNotice] = useState<Said | null>(null);
  const isAdmin = me.role === 'admin';
  const agreedNumber = part.versions.find((v) => v.state === 'agreed')?.number ?? 0;
  const toAnswer =
    me.role === 'region' && me.regionId === region.id
      ? part.versions.find((v) => v.state === 'sent' && v.number > agreedNumber)?.id
      : null;
  const chosen =
    params.get('versjon') ||
    (isAdmin ? part.draftVersionId : null) ||
    toAnswer ||
    part.currentVersionId ||
    part.versions[0]?.id ||
    '';
  const show: OnChanged = (id, text, mail) => {
    setNotice({ text, mail });
    setParams({ versjon: id });
  };

  return (
    <section className="stack" aria-labelledby="special-part-heading">
      <Heading level={2} data-size="sm" id="special-part-heading">
        {t('specialPart.heading')}
      </Heading>
      <Paragraph className="muted">{t('specialPart.intro')}</Paragraph>
      {notice && <Notice text={notice.text} mail={notice.mail} outbox={isAdmin} />}
      {part.versions.length === 0 ? (
        <NotStarted agreementId={part.agreementId} isAdmin={isAdmin} onStarted={show} />
      ) : (
        <>
          <VersionList part={part} chosen={chosen} />
          {part.versions.length > 1 && (
            <Paragraph>
              <Link to={`${specialPartPath(part.agreementId)}/sammenlign`}>
                {t('specialPart.compare.link')}
              </Link>
            </Paragraph>
          )}
          {chosen && <ChosenVersion id={chosen} part={part} me={me} region={region} onChanged={show} />}
        </>
      )}
    </section>
  );
}

function NotStarted({
  agreementId,
  isAdmin,
  onStarted,
}: {
  agreementId: string;
  isAdmin: boolean;
  onStarted: OnChanged;
}) {
  const { t } = useTranslation();
  const start = useStartSpecialPart(agreementId);
  const [error, setError] = useState<string | null>(null);
  const onClick = async () => {
    setError(null);
    try {
      const draft = await start.mutateAsync();
      onStarted(draft.id, t('specialPart.started'));
    } catch (e) {
      setError(refusal(e, t('errors.internal')));
    }
  };
  return (
    <div className="stack">
      <Paragraph>{t('specialPart.notStarted')}</Paragraph>
      {isAdmin && (
        <div>
          <Button onClick={() => void onClick()} disabled={start.isPending}>
            {t('specialPart.start')}
          </Button>
        </div>
      )}
      {error && (
        <Alert data-color="danger" role="alert">
          {error}
        </Alert>
      )}
    </div>
  );
}

function VersionList({ part, chosen }: { part: SpecialPart; chosen: string }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const when = (iso: string | null) => (iso ? formatDateTime(iso, locale) : '–');
  return (
    <div className="table-wrap">
      <Table data-size="sm">
        <caption>{t('specialPart.versions.caption')}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell scope="col">{t('specialPart.versions.number')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('specialPart.versions.state')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('specialPart.versions.created')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('specialPart.versions.sent')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('specialPart.versions.agreed')}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {part.versions.map((v) => (
            <Table.Row key={v.id}>
              <Table.Cell>
                <Link
                  to={`${specialPartPath(part.agreementId)}?versjon=${v.id}`}
                  aria-current={v.id === chosen ? 'true' : undefined}
                >
                  {t('specialPart.versions.name', { number: v.number })}
                </Link>
                {v.id === chosen && (
                  <span className="visually-hidden"> ({t('specialPart.versions.shown')})</span>
                )}
              </Table.Cell>
              <Table.Cell>
                <SpecialPartStateTag state={v.state} />
              </Table.Cell>
              <Table.Cell>{when(v.createdAt)}</Table.Cell>
              <Table.Cell>{when(v.sentAt)}</Table.Cell>
              <Table.Cell>{when(v.agreedAt)}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </div>
  );
}

function ChosenVersion({
  id,
  part,
  me,
  region,
  onChanged,
}: {
  id: string;
  part: SpecialPart;
  me: Me;
  region: RegionRef;
  onChanged: OnChanged;
}) {
  const { t } = useTranslation();
  const version = useSpecialPartVersion(id);
  return (
    <DetailState
      query={version}
      back={{ to: specialPartPath(part.agreementId), label: t('specialPart.compare.back') }}
      notFound={t('specialPart.notFound')}
    >
      {(v) => (
        <VersionView key={v.id} version={v} part={part} me={me} region={region} onChanged={onChanged} />
      )}
    </DetailState>
  );
}

function VersionView({
  version,
  part,
  me,
  region,
  onChanged,
}: {
  version: SpecialPartVersion;
  part: SpecialPart;
  me: Me;
  region: RegionRef;
  onChanged: OnChanged;
}) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState<'send' | 'agree' | null>(null);
  const [unsavedWarning, setUnsavedWarning] = useState(false);
  const unsavedForms = useContext(UnsavedFormsContext);
  const isAdmin = me.role === 'admin';
  // The same query as the one shown: asked again before the question, so that it speaks of the contributions
  // agreed by now, which are what sending freezes.
  const current = useSpecialPartVersion(version.id);
  const send = useSendSpecialPart(version.id);
  const agree = useTransition(version.id, 'agree');
  const basedOn = part.versions.find((v) => v.id === version.basedOnVersionId)?.number;
  const editing = isAdmin && version.state === 'draft';
  const headingId = `special-part-version-${version.id}`;
  // The coordinator reads the region's answer before recording the version as agreed: above its text. The
  // region's contact answers after reading the text: below it.
  const answering = me.role === 'region';
  const answer = <SpecialPartAnswerSection version={version} me={me} regionId={region.id} />;
  // Sending cannot be undone: the question says when the contributions section would be frozen without a
  // single agreed contribution, and names the written sections still empty.
  const empty = version.sections
    .filter((s) => !s.generated && isEmptyRichText(s.body))
    .map((s) => `«${s.title}»`);
  const generated = version.sections.find((s) => s.generated);
  const noContributions =
    generated !== undefined && version.contributions.subjectAreas.every((a) => a.contributions.length === 0);
  const confirmBody = (which: 'send' | 'agree') => {
    if (which === 'agree') return t('specialPart.agree.body');
    return [
      t('specialPart.send.body'),
      noContributions && t('specialPart.send.noContributions', { section: `«${generated?.title}»` }),
      empty.length > 0 &&
        t('specialPart.send.emptySections', { count: empty.length, sections: empty.join(', ') }),
      t('specialPart.send.region', { region: region.name }),
    ]
      .filter(Boolean)
      .join(' ');
  };

  return (
    <article className="stack" aria-labelledby={headingId}>
      <div className="row">
        <Heading level={3} data-size="xs" id={headingId}>
          {t('specialPart.version.title', { number: version.number })}
        </Heading>
        <SpecialPartStateTag state={version.state} />
      </div>
      <VersionFacts version={version} basedOn={basedOn} />
      {isAdmin && (
        <div className="row">
          {version.state === 'draft' && (
            <Button
              onClick={async () => {
                // What is sent is the saved draft: typing not yet saved would silently be left out.
                const unsaved = unsavedForms !== null && anyUnsaved(unsavedForms);
                setUnsavedWarning(unsaved);
                if (unsaved) return;
                await current.refetch();
                setConfirming('send');
              }}
              aria-haspopup="dialog"
            >
              {t('specialPart.send.open')}
            </Button>
          )}
          {version.state === 'sent' && (
            <Button onClick={() => setConfirming('agree')} aria-haspopup="dialog">
              {t('specialPart.agree.open')}
            </Button>
          )}
          {version.state !== 'draft' && !part.draftVersionId && (
            <CreateDraftButton source={version} onCreated={onChanged} />
          )}
        </div>
      )}
      {unsavedWarning && (
        <Alert data-color="warning" role="alert">
          {t('specialPart.send.unsaved')}
        </Alert>
      )}
      {!answering && answer}
      {editing ? (
        <section className="stack" aria-label={t('specialPart.version.editHeading')}>
          <Suspense fallback={<Spinner aria-label={t('app.loading')} />}>
            <SpecialPartEditor draft={version} />
          </Suspense>
        </section>
      ) : (
        <Sections version={version} />
      )}
      {answering && answer}
      <ConfirmDialog
        open={confirming !== null}
        onClose={() => setConfirming(null)}
        title={t(`specialPart.${confirming ?? 'send'}.title`, { number: version.number })}
        body={confirmBody(confirming ?? 'send')}
        confirmLabel={t(`specialPart.${confirming ?? 'send'}.confirm`)}
        onConfirm={async () => {
          if (confirming === 'agree') {
            const done = await agree.mutateAsync(version.version);
            onChanged(done.id, t('specialPart.agree.done', { number: done.number }));
            return;
          }
          const done = await send.mutateAsync(version.version);
          onChanged(done.id, t('specialPart.send.done', { number: done.number }), {
            outcome: done.mail,
            unreached: done.regionsWithoutContact.map((r) => r.name),
          });
        }}
      />
    </article>
  );
}

function VersionFacts({ version, basedOn }: { version: SpecialPartVersion; basedOn: number | undefined }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const time = (iso: string) => formatDateTime(iso, locale);
  return (
    <Paragraph>
      {version.createdBy
        ? t('specialPart.version.createdBy', { name: version.createdBy.name, time: time(version.createdAt) })
        : t('specialPart.version.created', { time: time(version.createdAt) })}
      {basedOn !== undefined && <> {t('specialPart.version.basedOn', { number: basedOn })}</>}
      {version.sentAt && (
        <>
          {' '}
          {version.sentBy
            ? t('specialPart.version.sentBy', { name: version.sentBy.name, time: time(version.sentAt) })
            : t('specialPart.version.sent', { time: time(version.sentAt) })}
        </>
      )}
      {version.agreedAt && (
        <>
          {' '}
          {version.agreedBy
            ? t('specialPart.version.agreedBy', { name: version.agreedBy.name, time: time(version.agreedAt) })
            : t('specialPart.version.agreed', { time: time(version.agreedAt) })}
        </>
      )}
    </Paragraph>
  );
}

/** The version read only: each section's title and text; the generated one says where its text comes from. */
function Sections({ version }: { version: SpecialPartVersion }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <div className="stack">
      {version.sections.map((section) => (
        <section key={section.key} className="stack stack--tight" aria-labelledby={`sp-${section.id}`}>
          <div className="row">
            <Heading level={4} data-size="2xs" id={`sp-${section.id}`}>
              {section.title}
            </Heading>
            {section.generated && <Tag data-color="info">{t('specialPart.generated.tag')}</Tag>}
          </div>
          {section.generated && (
            <Paragraph data-size="sm" className="muted">
              {version.state === 'draft'
                ? t('specialPart.generated.live')
                : t('specialPart.generated.frozen', {
                    time: formatDateTime(version.contributions.generatedAt, locale),
                  })}
            </Paragraph>
          )}
          {isEmptyRichText(section.body) ? (
            <Paragraph className="muted">{t('specialPart.version.emptySection')}</Paragraph>
          ) : (
            <RichText doc={section.body} headingOffset={3} />
          )}
        </section>
      ))}
    </div>
  );
}

function CreateDraftButton({
  source,
  onCreated,
}: {
  source: SpecialPartVersionSummary;
  onCreated: OnChanged;
}) {
  const { t } = useTranslation();
  const create = useCreateSpecialPartDraft();
  const [error, setError] = useState<string | null>(null);
  const onClick = async () => {
    setError(null);
    try {
      const draft = await create.mutateAsync(source.id);
      onCreated(draft.id, t('specialPart.draftCreated', { number: draft.number, from: source.number }));
    } catch (e) {
      setError(refusal(e, t('errors.internal')));
    }
  };
  return (
    <>
      <Button variant="secondary" onClick={() => void onClick()} disabled={create.isPending}>
        {t('specialPart.createDraft')}
        <span className="visually-hidden"> {t('specialPart.fromVersion', { number: source.number })}</span>
      </Button>
      {error && (
        <Alert data-color="danger" role="alert">
          {error}
        </Alert>
      )}
    </>
  );
}
