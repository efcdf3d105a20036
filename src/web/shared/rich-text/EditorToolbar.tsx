import { Button } from '@digdir/designsystemet-react';
import { type Editor, useEditorState } from '@tiptap/react';
import { type KeyboardEvent, type Ref, useState } from 'react';
import { useTranslation } from 'react-i18next';

type Tool = {
  id: string;
  label: string;
  /** A toggle says whether it is on (aria-pressed); a command has no state. */
  pressed?: boolean;
  disabled?: boolean;
  opensDialog?: boolean;
  run: () => void;
};

/**
 * The formatting buttons of one text, as a WAI-ARIA toolbar: one Tab stop, arrow keys (and Home/End) move
 * between the buttons, each button says in words what it does and whether it is on. Clicking keeps the
 * text's selection, so a word can be marked and then made bold.
 */
export function EditorToolbar({
  editor,
  label,
  controls,
  onLink,
  toolbarRef,
}: {
  editor: Editor;
  label: string;
  controls: string;
  onLink: () => void;
  toolbarRef: Ref<HTMLDivElement>;
}) {
  const { t } = useTranslation();
  const [active, setActive] = useState(0);
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      bold: e.isActive('bold'),
      italic: e.isActive('italic'),
      heading: e.isActive('heading', { level: 2 }),
      subheading: e.isActive('heading', { level: 3 }),
      bulletList: e.isActive('bulletList'),
      orderedList: e.isActive('orderedList'),
      link: e.isActive('link'),
      table: e.isActive('table'),
      canUndo: e.can().undo(),
      canRedo: e.can().redo(),
    }),
  });
  const chain = () => editor.chain().focus();

  const tools: Tool[] = [
    {
      id: 'bold',
      label: t('generalPart.toolbar.bold'),
      pressed: state.bold,
      run: () => chain().toggleBold().run(),
    },
    {
      id: 'italic',
      label: t('generalPart.toolbar.italic'),
      pressed: state.italic,
      run: () => chain().toggleItalic().run(),
    },
    {
      id: 'heading',
      label: t('generalPart.toolbar.heading'),
      pressed: state.heading,
      run: () => chain().toggleHeading({ level: 2 }).run(),
    },
    {
      id: 'subheading',
      label: t('generalPart.toolbar.subheading'),
      pressed: state.subheading,
      run: () => chain().toggleHeading({ level: 3 }).run(),
    },
    {
      id: 'bulletList',
      label: t('generalPart.toolbar.bulletList'),
      pressed: state.bulletList,
      run: () => chain().toggleBulletList().run(),
    },
    {
      id: 'orderedList',
      label: t('generalPart.toolbar.orderedList'),
      pressed: state.orderedList,
      run: () => chain().toggleOrderedList().run(),
    },
    {
      id: 'link',
      label: state.link ? t('generalPart.toolbar.editLink') : t('generalPart.toolbar.link'),
      opensDialog: true,
      run: onLink,
    },
    ...(state.table
      ? [
          { id: 'addRow', label: t('generalPart.toolbar.addRow'), run: () => chain().addRowAfter().run() },
          {
            id: 'addColumn',
            label: t('generalPart.toolbar.addColumn'),
            run: () => chain().addColumnAfter().run(),
          },
          {
            id: 'deleteRow',
            label: t('generalPart.toolbar.deleteRow'),
            run: () => chain().deleteRow().run(),
          },
          {
            id: 'deleteColumn',
            label: t('generalPart.toolbar.deleteColumn'),
            run: () => chain().deleteColumn().run(),
          },
          {
            id: 'deleteTable',
            label: t('generalPart.toolbar.deleteTable'),
            run: () => chain().deleteTable().run(),
          },
        ]
      : [
          {
            id: 'table',
            label: t('generalPart.toolbar.table'),
            run: () => chain().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run(),
          },
        ]),
    {
      id: 'undo',
      label: t('generalPart.toolbar.undo'),
      disabled: !state.canUndo,
      run: () => chain().undo().run(),
    },
    {
      id: 'redo',
      label: t('generalPart.toolbar.redo'),
      disabled: !state.canRedo,
      run: () => chain().redo().run(),
    },
  ];
  const current = Math.min(active, tools.length - 1);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const next = { ArrowRight: current + 1, ArrowLeft: current - 1, Home: 0, End: tools.length - 1 }[e.key];
    if (next === undefined) return;
    e.preventDefault();
    const index = (next + tools.length) % tools.length;
    setActive(index);
    e.currentTarget.querySelectorAll<HTMLButtonElement>('button')[index]?.focus();
  };

  return (
    <div
      role="toolbar"
      aria-label={label}
      aria-controls={controls}
      className="rich-toolbar"
      onKeyDown={onKeyDown}
      ref={toolbarRef}
    >
      {tools.map((tool, i) => (
        <Button
          key={tool.id}
          type="button"
          variant="tertiary"
          data-size="sm"
          data-tool={tool.id}
          tabIndex={i === current ? 0 : -1}
          aria-pressed={tool.pressed}
          aria-haspopup={tool.opensDialog ? 'dialog' : undefined}
          // Disabled but still reachable with the arrow keys, so the toolbar does not change under the focus.
          aria-disabled={tool.disabled || undefined}
          onFocus={() => setActive(i)}
          // Keeps the text's selection when the button is clicked with the mouse.
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => {
            if (!tool.disabled) tool.run();
          }}
        >
          {tool.label}
        </Button>
      ))}
    </div>
  );
}
