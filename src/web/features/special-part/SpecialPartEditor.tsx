import { useTranslation } from 'react-i18next';
import type { SpecialPartVersion } from '../../../shared/contracts/special-part';
import { RichText } from '../../shared/rich-text/RichText';
import { type EditableDraft, SectionsEditor } from '../../shared/sections-editor/SectionsEditor';
import { loadSpecialPartVersion, specialPartPath, useSaveSpecialPartSections } from './special-part.api';

/**
 * A draft of the special part in the sections editor the general part uses too. The contributions section
 * is shown read only as generated (it cannot be removed, and what is sent for its text is ignored by the
 * server).
 */
export function SpecialPartEditor({ draft }: { draft: SpecialPartVersion }) {
  const { t } = useTranslation();
  const save = useSaveSpecialPartSections(draft.id);
  const generatedBody = draft.contributions.body;
  return (
    <SectionsEditor
      draft={editable(draft)}
      save={async (input) => editable(await save.mutateAsync(input))}
      saving={save.isPending}
      load={async () => editable(await loadSpecialPartVersion(draft.id))}
      versionPath={`${specialPartPath(draft.agreementId)}?versjon=${draft.id}`}
      generated={(key) =>
        key === 'contributions'
          ? {
              tag: t('specialPart.generated.tag'),
              note: t('specialPart.generated.live'),
              content: <RichText doc={generatedBody} headingOffset={1} />,
            }
          : undefined
      }
    />
  );
}

/** The sections editor keeps a section that cannot be removed as `required`: here, the generated one. */
function editable(version: SpecialPartVersion): EditableDraft {
  return {
    state: version.state,
    version: version.version,
    sections: version.sections.map((s) => ({
      id: s.id,
      key: s.key,
      title: s.title,
      body: s.body,
      position: s.position,
      required: s.generated,
    })),
  };
}
