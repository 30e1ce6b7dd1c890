/** How an edit's files become Discord's `attachments` and uploads: kept by id only when surely the same file. */
import { describe, expect, it } from 'vitest';
import type { FileView } from '../src/command-layer/types.js';
import { toMessageEdit, type ShownAttachment } from '../src/discord/payloads.js';

const map: FileView = { name: 'dig-map.png', data: Buffer.from('eight by'), description: 'Your 3 digs on the map' };
const shownMap: ShownAttachment = { id: '1100000000000000100', name: 'dig-map.png', size: 8, description: 'Your 3 digs on the map' };
const uploadedNames = (edit: ReturnType<typeof toMessageEdit>) => (edit.files ?? []).map((f) => (f as { name: string }).name);

describe('an edit’s attachments', () => {
  it('keeps an unchanged file the message shows by its id, uploading nothing', () => {
    const edit = toMessageEdit({ content: 'again', files: [{ ...map, unchanged: true }] }, [shownMap]);
    expect(edit.attachments).toEqual([{ id: shownMap.id }]);
    expect(uploadedNames(edit)).toEqual([]);
  });

  it('uploads a file not marked unchanged, so the old copy goes', () => {
    const edit = toMessageEdit({ files: [map] }, [shownMap]);
    expect(edit.attachments).toEqual([]);
    expect(uploadedNames(edit)).toEqual(['dig-map.png']);
  });

  it('uploads an unchanged file the message does not show the same: missing, another size or other alt text', () => {
    for (const shown of [[], [{ ...shownMap, size: 9 }], [{ ...shownMap, description: 'Your 2 digs on the map' }], [{ ...shownMap, name: 'other.png' }]]) {
      const edit = toMessageEdit({ files: [{ ...map, unchanged: true }] }, shown);
      expect(edit.attachments).toEqual([]);
      expect(uploadedNames(edit)).toEqual(['dig-map.png']);
    }
  });

  it('keeps one file and uploads another in the same edit', () => {
    const reveal: FileView = { name: 'dig-reveal.png', data: Buffer.from('reveal'), description: 'The true field' };
    const edit = toMessageEdit({ files: [{ ...map, unchanged: true }, reveal] }, [shownMap, { id: '1100000000000000101', name: 'old.png', size: 3, description: null }]);
    expect(edit.attachments).toEqual([{ id: shownMap.id }]);
    expect(uploadedNames(edit)).toEqual(['dig-reveal.png']);
  });
});
