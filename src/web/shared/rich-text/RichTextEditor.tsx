import { EditorContent, useEditor } from '@tiptap/react';
import { useEffect, useId, useRef, useState } from 'react';
import type { RichTextDoc } from '../../../shared/contracts/rich-text';
import { EditorToolbar } from './EditorToolbar';
import { editorExtensions } from './editor-extensions';
import { LinkDialog } from './LinkDialog';
import './rich-text.css';

/**
 * A rich-text field: the toolbar and the text, labelled like any form field. `content` is read when the
 * editor starts; from then on the editor owns the text and reports each change (to replace the text from
 * outside, mount a new editor, e.g. with a new React key).
 */
export function RichTextEditor({
  content,
  onChange,
  labelId,
  toolbarLabel,
  describedBy,
  invalid,
}: {
  content: RichTextDoc;
  onChange: (doc: RichTextDoc) => void;
  labelId: string;
  toolbarLabel: string;
  describedBy: string;
  invalid: boolean;
}) {
  const editorId = useId();
  const toolbar = useRef<HTMLDivElement>(null);
  const [linkOpen, setLinkOpen] = useState(false);
  const change = useRef(onChange);
  change.current = onChange;

  const attributes = {
    id: editorId,
    role: 'textbox',
    'aria-multiline': 'true',
    'aria-labelledby': labelId,
    'aria-describedby': describedBy,
    'aria-invalid': invalid ? 'true' : 'false',
    class: 'rich-editor__text rich-text',
  };
  const editor = useEditor({
    extensions: editorExtensions(() =>
      toolbar.current?.querySelector<HTMLElement>('[tabindex="0"]')?.focus(),
    ),
    content,
    immediatelyRender: true,
    shouldRerenderOnTransaction: false,
    editorProps: { attributes },
    // The editor's schema is the server's (editor-extensions.ts), so its JSON has the stored shape; the
    // save checks it with the shared schema all the same.
    onUpdate: ({ editor: e }) => change.current(e.getJSON() as RichTextDoc),
  });

  // The error and its description change after the editor started: hand them to the editing view.
  const attributesKey = JSON.stringify(attributes);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the serialised attributes are the trigger.
  useEffect(() => {
    editor.setOptions({ editorProps: { attributes } });
  }, [editor, attributesKey]);

  return (
    <div className="rich-editor" data-invalid={invalid || undefined}>
      <EditorToolbar
        editor={editor}
        label={toolbarLabel}
        controls={editorId}
        onLink={() => setLinkOpen(true)}
        toolbarRef={toolbar}
      />
      <EditorContent editor={editor} />
      <LinkDialog editor={editor} open={linkOpen} onClose={() => setLinkOpen(false)} />
    </div>
  );
}
