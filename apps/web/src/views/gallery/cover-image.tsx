/**
 * A gallery card's cover: the first image of the view's cover field (PNG, JPEG, GIF or WebP, the
 * types the server shows inline), else a plain placeholder of the same size.
 */
import { PictureOutlined } from '@ant-design/icons';
import type { ApiRecord } from '../../api/records';
import { attachmentUrl, inlineImageTypes } from '../../api/attachments';

interface AttachmentValue {
  id: string;
  name: string;
  mimeType: string;
}

function firstImage(value: unknown): AttachmentValue | undefined {
  if (!Array.isArray(value)) return undefined;
  return value.find((item): item is AttachmentValue => typeof item === 'object' && item !== null && inlineImageTypes.has((item as AttachmentValue).mimeType));
}

export function CoverImage({ baseId, record, coverFieldId }: { baseId: string; record: ApiRecord; coverFieldId: string | null }) {
  const image = coverFieldId ? firstImage(record.fields[coverFieldId]) : undefined;
  return (
    <div className="mt-gallery-cover">
      {image ? (
        <img src={attachmentUrl(baseId, image.id, true)} alt={image.name} loading="lazy" data-testid="gallery-cover" />
      ) : (
        <PictureOutlined className="mt-gallery-cover-empty" />
      )}
    </div>
  );
}
