import type { GeneralPartVersion } from '../../../shared/contracts/general-part';
import { api } from '../../shared/api';
import { SectionsEditor } from '../../shared/sections-editor/SectionsEditor';
import { useSaveSections } from './general-part.api';

/** The general part's draft editor: the sections editor saving to the general part. */
export function DraftEditor({ draft }: { draft: GeneralPartVersion }) {
  const save = useSaveSections(draft.id);
  return (
    <SectionsEditor
      draft={draft}
      save={save.mutateAsync}
      saving={save.isPending}
      load={() => api<GeneralPartVersion>('GET', `/api/v1/general-part-versions/${draft.id}`)}
      versionPath={`/general-part/versions/${draft.id}`}
    />
  );
}
