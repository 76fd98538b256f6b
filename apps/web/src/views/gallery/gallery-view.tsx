/**
 * A view laid out as a gallery: a card per record, with the view's filter and sorts, its cover
 * the first image of the cover field the view names (`coverFieldId`). Records are read in pages
 * of 60 as the user asks for more; changes by others arrive through the table's realtime messages.
 * A "New record" card (for roles that may add) adds an empty record and opens it.
 */
import { PlusOutlined } from '@ant-design/icons';
import type { ViewConfig } from '@multitable/core';
import { useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Empty, Spin } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Base } from '../../api/bases';
import { countRecords, createRecord, listRecords, type ApiRecord } from '../../api/records';
import type { ApiField, ApiTable } from '../../api/tables';
import { RecordPanel } from '../../grid/record-panel/record-panel';
import { errorText } from '../../pages/form-errors';
import { RecordCard } from '../cards/record-card';
import { useCardContext } from '../cards/use-card-context';
import { useLayoutRealtime } from '../cards/use-layout-realtime';
import { CoverImage } from './cover-image';

const pageSize = 60;

interface GalleryViewProps {
  base: Base;
  table: ApiTable;
  config: ViewConfig;
  /** The fields the view shows, in its order. */
  fields: readonly ApiField[];
  mayEdit(fieldId: string): boolean;
  canAdd: boolean;
  onCount(count: number): void;
}

export function GalleryView({ base, table, config, fields, mayEdit, canAdd, onCount }: GalleryViewProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  /** A record just added: it opens even when it is not on a page read yet (or the filter leaves it out). */
  const [added, setAdded] = useState<ApiRecord | null>(null);
  const queryClient = useQueryClient();
  const galleryKey = ['gallery', base.id, table.id];
  const reread = useCallback(() => queryClient.invalidateQueries({ queryKey: ['gallery', base.id, table.id] }), [queryClient, base.id, table.id]);
  const { context, openId, setOpenId, version } = useCardContext(base, table, mayEdit, reread);
  useLayoutRealtime(base.id, table.id, reread);

  const query = { filter: config.filter, sort: config.sorts };
  const pages = useInfiniteQuery({
    queryKey: [...galleryKey, 'records', JSON.stringify(query)],
    queryFn: ({ pageParam }) => listRecords(base.id, table.id, { offset: pageParam, pageSize }, query),
    initialPageParam: 0,
    getNextPageParam: (last) => last.offset,
  });
  useQuery({
    queryKey: [...galleryKey, 'count', JSON.stringify(config.filter)],
    queryFn: async () => {
      const count = await countRecords(base.id, table.id, { filter: config.filter });
      onCount(count);
      return count;
    },
  });

  const records = pages.data?.pages.flatMap((page) => page.records) ?? [];
  const primary = fields.find((field) => field.isPrimary);
  const cardFields = fields.filter((field) => field.id !== config.coverFieldId);
  const open = records.find((record) => record.id === openId) ?? (added?.id === openId ? added : undefined);
  const add = async () => {
    try {
      const created = await createRecord(base.id, table.id);
      await reread();
      setAdded(created);
      setOpenId(created.id);
    } catch (error) {
      void message.error(errorText(error, t));
    }
  };

  return (
    <div className="mt-gallery" data-testid="gallery">
      {pages.isPending ? (
        <Spin />
      ) : records.length === 0 && !canAdd ? (
        <Empty className="mt-gallery-empty" description={t('gallery.empty')} />
      ) : (
        <div className="mt-gallery-cards">
          {records.map((record) => (
            <RecordCard
              key={record.id}
              record={record}
              cover={<CoverImage baseId={base.id} record={record} coverFieldId={config.coverFieldId} />}
              primary={primary}
              fields={cardFields}
              context={context}
              draggable={false}
              onOpen={() => setOpenId(record.id)}
            />
          ))}
          {canAdd && (
            <button type="button" className="mt-gallery-new" onClick={() => void add()} data-testid="gallery-add">
              <PlusOutlined />
              <span>{t('gallery.newRecord')}</span>
            </button>
          )}
        </div>
      )}
      {pages.hasNextPage && (
        <Button className="mt-gallery-more" loading={pages.isFetchingNextPage} onClick={() => void pages.fetchNextPage()}>
          {t('kanban.showMore')}
        </Button>
      )}
      <RecordPanel baseId={base.id} tableId={table.id} fields={table.fields} record={open} version={version} context={context} onClose={() => setOpenId(null)} />
    </div>
  );
}
