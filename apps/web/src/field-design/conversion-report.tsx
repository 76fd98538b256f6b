/**
 * What a type change did to the values, shown once it is done: how many converted, how many
 * could not and were emptied, and the first of those with the reason (their old values stay in
 * the record history).
 */
import { Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ConversionReport } from '../api/tables';

const shownFailures = 5;

function valueText(value: unknown): string {
  return typeof value === 'string' ? `“${value}”` : JSON.stringify(value);
}

export function ConversionReportDialog({ fieldName, report, onClose }: { fieldName: string; report: ConversionReport | null; onClose(): void }) {
  const { t } = useTranslation();
  return (
    <Modal open={report !== null} title={t('fieldDesign.conversionTitle', { name: fieldName })} onOk={onClose} onCancel={onClose} cancelButtonProps={{ style: { display: 'none' } }} okText={t('fieldDesign.done')} width={480}>
      {report && (
        <div className="mt-conversion-report" data-testid="conversion-report">
          <Typography.Paragraph data-testid="conversion-summary">
            {t('fieldDesign.converted', { count: report.converted })}
            {report.failed > 0 ? ` ${t('fieldDesign.emptied', { count: report.failed })}` : ''}
          </Typography.Paragraph>
          {report.failures.length > 0 && (
            <ul className="mt-conversion-failures">
              {report.failures.slice(0, shownFailures).map((failure) => (
                <li key={failure.recordId} data-testid="conversion-failure">
                  {/* Core's reasons usually quote the value already ("abc" is not a number). */}
                  {!failure.reason.includes(String(failure.value)) && <Typography.Text code>{valueText(failure.value)}</Typography.Text>} <Typography.Text>{failure.reason}</Typography.Text>
                </li>
              ))}
              {report.failed > shownFailures && <li>{t('fieldDesign.moreEmptied', { count: report.failed - shownFailures })}</li>}
            </ul>
          )}
          {report.failed > 0 && <Typography.Text type="secondary">{t('fieldDesign.emptiedInHistory')}</Typography.Text>}
        </div>
      )}
    </Modal>
  );
}
