/**
 * A formula: the text, checked by core's compiler on every keystroke (the message names the
 * character; the mark shows it), the table's fields and core's functions to insert at the cursor.
 */
import { Form, Input, Tag, Typography } from 'antd';
import type { TextAreaRef } from 'antd/es/input/TextArea';
import { useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldReferenceText } from '@multitable/core';
import { optionOf, type OptionsEditorProps } from '../options-editor';
import { checkFormulaText } from './formula-check';
import { FunctionReference } from './function-reference';
import { valueKindText } from './value-kind-text';

export function FormulaOptionsEditor({ options, onChange, table, saved }: OptionsEditorProps) {
  const { t } = useTranslation();
  const input = useRef<TextAreaRef>(null);
  const text = optionOf(options, 'formula', '');
  const others = table.fields.filter((field) => field.id !== saved?.id);
  const check = useMemo(() => (text.trim() === '' ? undefined : checkFormulaText(text, table.fields, saved?.id)), [text, table.fields, saved?.id]);

  const insert = (piece: string) => {
    const area = input.current?.resizableTextArea?.textArea;
    const start = area?.selectionStart ?? text.length;
    const end = area?.selectionEnd ?? text.length;
    onChange({ ...options, formula: text.slice(0, start) + piece + text.slice(end) });
    requestAnimationFrame(() => {
      area?.focus();
      area?.setSelectionRange(start + piece.length, start + piece.length);
    });
  };

  return (
    <div className="mt-formula-editor">
      <div className="mt-formula-main">
        <Form.Item label={t('fieldDesign.formula')} required>
          <Input.TextArea
            ref={input}
            rows={4}
            className="mt-formula-input"
            value={text}
            placeholder={t('fieldDesign.formulaPlaceholder')}
            onChange={(event) => onChange({ ...options, formula: event.target.value })}
            status={check && !check.ok ? 'error' : ''}
            spellCheck={false}
            data-testid="formula-input"
          />
        </Form.Item>
        <div className="mt-formula-status" data-testid="formula-status">
          {check?.ok === false && (
            <>
              <Typography.Text type="danger" data-testid="formula-error">
                {/* Core's message is English; the label around it follows the user's language. */}
                {t('fieldDesign.formulaError', { message: check.message })}
              </Typography.Text>
              {check.position !== undefined && (
                <code className="mt-formula-mark" aria-hidden>
                  {text.slice(0, check.position)}
                  <mark>{text.slice(check.position, check.position + 1) || ' '}</mark>
                  {text.slice(check.position + 1)}
                </code>
              )}
            </>
          )}
          {check?.ok === true && (
            <Typography.Text type="success" data-testid="formula-ok">
              {t('fieldDesign.formulaValid', { kind: valueKindText(check.resultKind, t) })}
            </Typography.Text>
          )}
        </div>
        <div className="mt-formula-fields">
          <Typography.Text type="secondary">{t('fieldDesign.insertField')}</Typography.Text>
          <div>
            {others.map((field) => (
              <Tag key={field.id} className="mt-formula-field" onClick={() => insert(fieldReferenceText(field.name))}>
                {field.name}
              </Tag>
            ))}
          </div>
        </div>
      </div>
      <FunctionReference onInsert={insert} />
    </div>
  );
}
FormulaOptionsEditor.wide = true;
