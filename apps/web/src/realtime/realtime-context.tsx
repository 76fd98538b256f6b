/**
 * The realtime connection of the base on screen, for the components under it: the connection's
 * status (for the banner), a table's messages, and who else views a table. When the user's role
 * changes (`access.changed`), every query of the base is read again.
 */
import { useQueryClient } from '@tanstack/react-query';
import { createContext, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import { RealtimeConnection, realtimeUrl, type ConnectionStatus, type TableListener } from './realtime-connection';
import type { TableMessage, Viewer } from './realtime-messages';

const RealtimeContext = createContext<RealtimeConnection | null>(null);

export function RealtimeProvider({ baseId, children }: { baseId: string; children: ReactNode }) {
  const queryClient = useQueryClient();
  const [connection, setConnection] = useState<RealtimeConnection | null>(null);
  useEffect(() => {
    const opened = new RealtimeConnection(realtimeUrl(baseId));
    setConnection(opened);
    const stopAccess = opened.onAccessChanged(() => void queryClient.invalidateQueries());
    return () => {
      stopAccess();
      opened.close();
    };
  }, [baseId, queryClient]);
  return <RealtimeContext.Provider value={connection}>{children}</RealtimeContext.Provider>;
}

export function useConnectionStatus(): ConnectionStatus {
  const connection = useContext(RealtimeContext);
  const [status, setStatus] = useState<ConnectionStatus>(connection?.status ?? 'connecting');
  useEffect(() => {
    if (!connection) return;
    setStatus(connection.status);
    return connection.onStatus(setStatus);
  }, [connection]);
  return status;
}

/** Calls the latest `listener` with the table's messages while the component is mounted. */
export function useTableRealtime(tableId: string, listener: TableListener): void {
  const connection = useContext(RealtimeContext);
  const latest = useRef(listener);
  latest.current = listener;
  useEffect(() => {
    if (!connection) return;
    return connection.subscribe(tableId, {
      onMessage: (message) => latest.current.onMessage(message),
      onResync: () => latest.current.onResync(),
    });
  }, [connection, tableId]);
}

/** Who views the table right now (the signed-in user included), as the server last said. */
export function usePresence(tableId: string): Viewer[] {
  const [viewers, setViewers] = useState<Viewer[]>([]);
  useTableRealtime(tableId, {
    onMessage: (message: TableMessage) => {
      if (message.type === 'presence') setViewers(message.viewers);
    },
    onResync: () => {},
  });
  return viewers;
}
