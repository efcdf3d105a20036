import type { HearingInput } from '../../../shared/contracts/hearings';
import { attachmentUrl } from './hearings.api';

/** The files a region attached to its input, each a download; nothing when it attached none. */
export function InputAttachments({ attachments }: { attachments: HearingInput['attachments'] }) {
  if (attachments.length === 0) return null;
  return (
    <ul className="hearings-attachments">
      {attachments.map((a) => (
        <li key={a.id}>
          <a href={attachmentUrl(a.id)} download>
            {a.filename}
          </a>
        </li>
      ))}
    </ul>
  );
}
