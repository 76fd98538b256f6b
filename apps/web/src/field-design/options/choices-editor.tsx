/**
 * A select field's choices: rename in place, recolour, move up or down, remove, add. Choices keep
 * their ids, so a renamed choice stays the one its cells hold (they follow the new name). A new
 * choice gets no id or colour: the server assigns the id and the next free colour.
 */
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { choiceColors, type Choice } from '@multitable/core';
import { Button, Form, Input, Popover } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { choiceStyle } from '../../fields/choice-colors';
import type { OptionsEditorProps } from '../options-editor';

/** A colour as its tag looks: the fill, edged with the text colour so pale tints still show. */
function swatchStyle(color: string) {
  const style = choiceStyle(color);
  return { background: style.background, borderColor: style.color };
}

type DraftChoice = Pick<Choice, 'name'> & Partial<Pick<Choice, 'id' | 'color'>>;

function ColorPicker({ color, onPick }: { color: string; onPick(color: string): void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const palette = (
    <div className="mt-choice-palette">
      {choiceColors.map((candidate) => (
        <button
          key={candidate}
          type="button"
          className="mt-choice-swatch"
          style={swatchStyle(candidate)}
          aria-label={candidate}
          onClick={() => {
            onPick(candidate);
            setOpen(false);
          }}
        />
      ))}
    </div>
  );
  return (
    <Popover content={palette} trigger="click" open={open} onOpenChange={setOpen}>
      <button type="button" className="mt-choice-swatch" style={swatchStyle(color || 'gray')} aria-label={t('fieldDesign.choiceColor')} data-testid="choice-color" />
    </Popover>
  );
}

export function ChoicesEditor({ options, onChange }: OptionsEditorProps) {
  const { t } = useTranslation();
  const choices = (Array.isArray(options.choices) ? options.choices : []) as DraftChoice[];
  const [adding, setAdding] = useState('');
  const set = (next: DraftChoice[]) => onChange({ ...options, choices: next });
  const update = (index: number, patch: Partial<DraftChoice>) => set(choices.map((choice, at) => (at === index ? { ...choice, ...patch } : choice)));
  const move = (index: number, by: number) => {
    const next = [...choices];
    const [moved] = next.splice(index, 1);
    next.splice(index + by, 0, moved!);
    set(next);
  };
  const add = () => {
    // Pasting several lines adds one choice per line.
    const names = adding.split('\n').map((name) => name.trim()).filter((name) => name && !choices.some((choice) => choice.name === name));
    if (names.length > 0) set([...choices, ...names.map((name) => ({ name }))]);
    setAdding('');
  };
  return (
    <Form.Item label={t('fieldDesign.choices')}>
      <div className="mt-choice-list" data-testid="choice-list">
        {choices.map((choice, index) => (
          <div className="mt-choice-row" key={choice.id ?? `new-${index}`} data-testid="choice-row">
            <ColorPicker color={choice.color ?? ''} onPick={(color) => update(index, { color })} />
            <Input size="small" value={choice.name} onChange={(event) => update(index, { name: event.target.value })} aria-label={t('fieldDesign.choiceName')} data-testid="choice-name" />
            <Button size="small" type="text" icon={<ArrowUpOutlined />} disabled={index === 0} onClick={() => move(index, -1)} aria-label={t('fieldDesign.moveUp')} />
            <Button size="small" type="text" icon={<ArrowDownOutlined />} disabled={index === choices.length - 1} onClick={() => move(index, 1)} aria-label={t('fieldDesign.moveDown')} />
            <Button size="small" type="text" icon={<DeleteOutlined />} onClick={() => set(choices.filter((_choice, at) => at !== index))} aria-label={t('fieldDesign.removeChoice')} data-testid="choice-remove" />
          </div>
        ))}
        <div className="mt-choice-row">
          <Input.TextArea
            size="small"
            autoSize={{ minRows: 1, maxRows: 4 }}
            value={adding}
            placeholder={t('fieldDesign.newChoice')}
            onChange={(event) => setAdding(event.target.value)}
            onPressEnter={(event) => {
              event.preventDefault();
              add();
            }}
            data-testid="choice-new"
          />
          <Button size="small" icon={<PlusOutlined />} onClick={add} data-testid="choice-add">
            {t('fieldDesign.addChoice')}
          </Button>
        </div>
      </div>
    </Form.Item>
  );
}
