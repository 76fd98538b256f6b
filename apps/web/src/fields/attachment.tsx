/**
 * Attachment: files shown as thumbnails (images the server sends inline) or as chips with the
 * file's name; edited in a popup that uploads files and removes them. The value is the list of
 * `{ id, name, size, mimeType }` the server answered the uploads with (core's attachment cast).
 */
import { CloseOutlined, FileOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import type { AttachmentInfo } from '@multitable/core';
import { Button, Spin, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { attachmentUrl, inlineImageTypes, uploadAttachment } from '../api/attachments';
import type { CellEditorProps, CellRendererProps, CellType, FieldEditorProps } from './cell-type';
import { PopupEditorFrame, usePopupContainer } from './popup-editor-frame';

function attachmentsOf(value: unknown): AttachmentInfo[] {
  return Array.isArray(value) ? value.filter((item): item is AttachmentInfo => typeof item === 'object' && item !== null && typeof (item as AttachmentInfo).id === 'string') : [];
}

function AttachmentItem({ baseId, file }: { baseId: string; file: AttachmentInfo }) {
  if (inlineImageTypes.has(file.mimeType)) {
    return <img className="mt-attachment-thumb" src={attachmentUrl(baseId, file.id, true)} alt={file.name} title={file.name} loading="lazy" data-testid="attachment-thumb" />;
  }
  return (
    <a className="mt-attachment-chip" href={attachmentUrl(baseId, file.id)} title={file.name} data-testid="attachment-chip" onClick={(event) => event.stopPropagation()}>
      <FileOutlined /> {file.name}
    </a>
  );
}

function AttachmentThumbs({ value, baseId }: { value: unknown; baseId: string }) {
  return (
    <span className="mt-cell-attachments">
      {attachmentsOf(value).map((file) => (
        <AttachmentItem key={file.id} baseId={baseId} file={file} />
      ))}
    </span>
  );
}

function AttachmentRenderer({ value, context }: CellRendererProps) {
  return <AttachmentThumbs value={value} baseId={context.baseId} />;
}

interface AttachmentFilesProps {
  baseId: string;
  files: AttachmentInfo[];
  /** Each change: a file uploaded or removed (the list after it). */
  onChange(next: AttachmentInfo[]): void;
  autoFocus?: boolean;
}

/** The files of a cell with a remove button each, and an upload button (in the grid's popup and the record panel). */
function AttachmentFiles({ baseId, files, onChange, autoFocus = false }: AttachmentFilesProps) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const uploadButton = useRef<HTMLButtonElement>(null);
  const [uploading, setUploading] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const upload = async (chosen: FileList | null) => {
    const list = [...(chosen ?? [])];
    if (input.current) input.current.value = '';
    setError(null);
    setUploading((count) => count + list.length);
    let next = files;
    for (const file of list) {
      try {
        next = [...next, await uploadAttachment(baseId, file)];
        onChange(next);
      } catch (failure) {
        setError(t('attachments.uploadFailed', { name: file.name, reason: failure instanceof Error ? failure.message : String(failure) }));
      } finally {
        setUploading((count) => count - 1);
      }
    }
    // The file dialog took the focus; the editor gets it back so Tab and Enter still end the edit.
    uploadButton.current?.focus();
  };
  return (
    <div className="mt-attachment-editor">
      {files.length === 0 && <Typography.Text type="secondary">{t('attachments.none')}</Typography.Text>}
      <ul className="mt-attachment-list">
        {files.map((file) => (
          <li key={file.id} data-testid="attachment-item">
            {inlineImageTypes.has(file.mimeType) ? <AttachmentItem baseId={baseId} file={file} /> : <FileOutlined />}
            <span className="mt-attachment-name">{file.name}</span>
            <Button
              size="small"
              type="text"
              icon={<CloseOutlined />}
              aria-label={t('attachments.remove', { name: file.name })}
              onClick={() => {
                onChange(files.filter((other) => other.id !== file.id));
                // The clicked button goes away with its file; the editor keeps the keyboard.
                uploadButton.current?.focus();
              }}
              data-testid="attachment-remove"
            />
          </li>
        ))}
      </ul>
      {error && <Typography.Text type="danger">{error}</Typography.Text>}
      <input ref={input} type="file" multiple hidden onChange={(event) => void upload(event.target.files)} data-testid="attachment-input" />
      {/* Never disabled while uploading: a disabled button drops the focus, and with it the editor's keys (Tab). */}
      <Button ref={uploadButton} autoFocus={autoFocus} icon={uploading > 0 ? <Spin size="small" /> : <UploadOutlined />} onClick={() => input.current?.click()}>
        {t('attachments.upload')}
      </Button>
    </div>
  );
}

function AttachmentEditor(props: CellEditorProps) {
  const { frame } = usePopupContainer();
  const [files, setFiles] = useState(() => attachmentsOf(props.initialValue));
  const change = (next: AttachmentInfo[]) => {
    setFiles(next);
    props.onValueChange(next.length > 0 ? next : null);
  };
  return (
    <PopupEditorFrame frame={frame} width={props.column.getActualWidth()} api={props.api}>
      <AttachmentFiles baseId={props.context.baseId} files={files} onChange={change} autoFocus />
    </PopupEditorFrame>
  );
}

/** In the record panel: the files with their controls; without them when the user may not edit. */
function AttachmentFieldEditor({ value, context, disabled, onSave }: FieldEditorProps) {
  if (disabled) return <AttachmentThumbs value={value} baseId={context.baseId} />;
  return <AttachmentFiles baseId={context.baseId} files={attachmentsOf(value)} onChange={(next) => onSave(next.length > 0 ? next : null)} />;
}

export const attachmentCell: CellType = {
  icon: PaperClipOutlined,
  Renderer: AttachmentRenderer,
  Editor: AttachmentEditor,
  FieldEditor: AttachmentFieldEditor,
  popupEditor: true,
  editorKeys: ['Enter'],
  width: 200,
};
