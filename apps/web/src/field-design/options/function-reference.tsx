/**
 * The formula function reference beside the formula editor: core's functions by category, each
 * with its signature from core's registry (parameter names and kinds, optional ones in brackets,
 * repeating ones with "…"), its result kind, and the web's description and example of it in the
 * user's language (../../i18n/formula-functions.*.ts). Search matches names and descriptions;
 * a click inserts the call at the cursor.
 */
import { functionCategories, type FormulaFunction, type FunctionCategory } from '@multitable/core';
import { Input, Typography } from 'antd';
import { useMemo, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { valueKindText } from './value-kind-text';

/** `IF(condition, then, [else])`, `SUM(number, …)`. */
export function functionSignature(name: string, fn: FormulaFunction): string {
  const params = fn.params.map((param) => {
    const text = param.repeats ? `${param.name}, …` : param.name;
    return param.optional ? `[${text}]` : text;
  });
  return `${name}(${params.join(', ')})`;
}

function resultText(fn: FormulaFunction, t: TFunction): string {
  return typeof fn.result === 'function' ? t('fieldDesign.resultVaries') : valueKindText(fn.result, t);
}

export function FunctionReference({ onInsert }: { onInsert(text: string): void }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [picked, setPicked] = useState<{ name: string; fn: FormulaFunction } | null>(null);
  const groups = useMemo(() => {
    const wanted = search.trim().toLowerCase();
    const matches = (name: string) => name.toLowerCase().includes(wanted) || t(`formulaFunctions.${name}.description`).toLowerCase().includes(wanted);
    return (Object.entries(functionCategories) as Array<[FunctionCategory, Readonly<Record<string, FormulaFunction>>]>)
      .map(([category, functions]) => ({ category, names: Object.keys(functions).filter(matches).sort(), functions }))
      .filter((group) => group.names.length > 0);
  }, [search, t]);
  return (
    <div className="mt-function-reference" data-testid="function-reference">
      <Input.Search size="small" allowClear placeholder={t('fieldDesign.searchFunctions')} value={search} onChange={(event) => setSearch(event.target.value)} />
      <div className="mt-function-list">
        {groups.length === 0 && <div className="mt-function-none">{t('fieldDesign.noFunctions')}</div>}
        {groups.map((group) => (
          <div key={group.category} className="mt-function-group">
            <div className="mt-function-category">{t(`fieldDesign.functionCategories.${group.category}`)}</div>
            {group.names.map((name) => (
              <button
                key={name}
                type="button"
                className={`mt-function-name${picked?.name === name ? ' mt-function-picked' : ''}`}
                onMouseEnter={() => setPicked({ name, fn: group.functions[name]! })}
                onFocus={() => setPicked({ name, fn: group.functions[name]! })}
                onClick={() => onInsert(`${name}(`)}
                data-testid="function-item"
              >
                {name}
              </button>
            ))}
          </div>
        ))}
      </div>
      <div className="mt-function-detail" data-testid="function-detail">
        {picked ? (
          <>
            <Typography.Text code>{functionSignature(picked.name, picked.fn)}</Typography.Text>
            <div className="mt-function-description" data-testid="function-description">
              {t(`formulaFunctions.${picked.name}.description`)}
            </div>
            <div className="mt-function-params">
              {picked.fn.params.map((param) => (
                <div key={param.name}>
                  <Typography.Text strong>{param.name}</Typography.Text>{' '}
                  <Typography.Text type="secondary">{t(`fieldDesign.parameterKinds.${param.kind}`)}</Typography.Text>
                </div>
              ))}
              <div>
                <Typography.Text type="secondary">{t('fieldDesign.returns', { kind: resultText(picked.fn, t) })}</Typography.Text>
              </div>
            </div>
            <div className="mt-function-example" data-testid="function-example">
              <Typography.Text type="secondary">{t('fieldDesign.functionExample')}</Typography.Text>
              <code>{t(`formulaFunctions.${picked.name}.example`)}</code>
            </div>
          </>
        ) : (
          <Typography.Text type="secondary">{t('fieldDesign.functionHint')}</Typography.Text>
        )}
      </div>
    </div>
  );
}
