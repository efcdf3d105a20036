import { Button, Textfield } from '@digdir/designsystemet-react';
import type { Editor } from '@tiptap/react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isSafeHref } from '../../../shared/contracts/rich-text';
import { ModalDialog } from '../components/ModalDialog';

/** An address as typed: `www.example.no` is read as https, as a browser's address bar would. */
export function normaliseHref(typed: string): string {
  const value = typed.trim();
  if (value && !/^[a-z][a-z0-9+.-]*:/i.test(value) && /^[^\s@/]+\.[^\s@]+/.test(value))
    return `https://${value}`;
  return value;
}

/**
 * Adds, changes or removes the link on the selected text. With nothing selected, the link is inserted with
 * its own text. Only web and e-mail addresses are accepted, as on the server.
 */
export function LinkDialog({
  editor,
  open,
  onClose,
}: {
  editor: Editor;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <ModalDialog open={open} onClose={onClose} title={t('generalPart.link.title')}>
      <LinkForm editor={editor} onClose={onClose} />
    </ModalDialog>
  );
}

function LinkForm({ editor, onClose }: { editor: Editor; onClose: () => void }) {
  const { t } = useTranslation();
  const existing: unknown = editor.getAttributes('link').href;
  const hasLink = typeof existing === 'string';
  const needsText = editor.state.selection.empty && !hasLink;
  const [href, setHref] = useState(hasLink ? existing : '');
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const url = normaliseHref(href);
    if (!isSafeHref(url)) {
      setError(t('validation.linkProtocol'));
      return;
    }
    const chain = editor.chain().focus();
    if (needsText) {
      chain
        .insertContent({
          type: 'text',
          text: text.trim() || url,
          marks: [{ type: 'link', attrs: { href: url } }],
        })
        .run();
    } else {
      chain.extendMarkRange('link').setLink({ href: url }).run();
    }
    onClose();
  };

  return (
    <form className="stack" noValidate onSubmit={submit}>
      <Textfield
        label={t('generalPart.link.href')}
        description={t('generalPart.link.hrefHelp')}
        value={href}
        onChange={(e) => {
          setHref(e.target.value);
          setError(null);
        }}
        error={error}
        autoComplete="url"
        autoFocus
      />
      {needsText && (
        <Textfield
          label={t('generalPart.link.text')}
          description={t('generalPart.link.textHelp')}
          value={text}
          onChange={(e) => setText(e.target.value)}
          autoComplete="off"
        />
      )}
      <div className="row">
        <Button type="submit">{hasLink ? t('generalPart.link.update') : t('generalPart.link.insert')}</Button>
        {hasLink && (
          <Button
            variant="secondary"
            onClick={() => {
              editor.chain().focus().extendMarkRange('link').unsetLink().run();
              onClose();
            }}
          >
            {t('generalPart.link.remove')}
          </Button>
        )}
        <Button variant="secondary" onClick={onClose}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}
