import { describe, expect, it } from 'vitest';
import { englishContext } from '../../src/vocab/index.js';
import { edgeLinks, gapLinks, type GapWord } from '../../src/vocab/gaps.js';

/** Words of a cut Chinese sentence; `links` names the English word each linked one renders. */
function words(cut: string, en: string, links: Record<string, string>, glossable = (w: string) => w.length > 1): GapWord[] {
  let at = 0;
  return cut.split(' ').map((text) => {
    const start = at;
    at += text.length;
    const e = links[text];
    const s = e === undefined ? -1 : en.indexOf(e);
    return { start, end: at, gloss: s < 0 ? null : { start: s, end: s + e!.length }, glossable: glossable(text) };
  });
}

const linked = (cut: string, en: string, links: Record<string, string>) => {
  const ws = words(cut, en, links);
  const ctx = englishContext(en);
  const texts = cut.split(' ');
  return gapLinks(ws, ctx).map(({ word, token }) => [texts[word], ctx.tokens[token]!.text]);
};

describe('the gap pass (gaps.ts)', () => {
  it('a word between two linked words takes the one English content word left between their renderings', () => {
    expect(linked('農民 照顧 果園', 'Farmers tend the orchard.', { 農民: 'Farmers', 果園: 'orchard' })).toEqual([['照顧', 'tend']]);
    // 每天 is rendered at the end: 照顧 lies between 每天 and 果園, whose renderings cross, so it is left.
    expect(linked('農民 每天 照顧 果園', 'Farmers tend the orchard every day.', { 農民: 'Farmers', 果園: 'orchard', 每天: 'every day' })).toEqual([]);
  });

  it('nothing when the gap holds two words to gloss, two English content words, or the order is crossed', () => {
    expect(linked('農民 照顧 修剪 果園', 'Farmers tend the orchard.', { 農民: 'Farmers', 果園: 'orchard' })).toEqual([]);
    expect(linked('農民 照顧 果園', 'Farmers carefully tend the orchard.', { 農民: 'Farmers', 果園: 'orchard' })).toEqual([]);
    expect(linked('果園 照顧 農民', 'Farmers tend the orchard.', { 農民: 'Farmers', 果園: 'orchard' })).toEqual([]);
  });

  it('nothing when the English between the renderings is long, or its one content word is taken', () => {
    expect(linked('農民 照顧 果園', 'Farmers will have to be sure to tend the orchard.', { 農民: 'Farmers', 果園: 'orchard' })).toEqual([]);
    expect(linked('農民 照顧 果園 工作', 'Farmers tend the orchard.', { 農民: 'Farmers', 果園: 'orchard', 工作: 'tend' })).toEqual([]);
  });

  it('function words on the Chinese side do not count as words to gloss', () => {
    expect(linked('農民 也 照顧 果園', 'Farmers also tend the orchard.', { 農民: 'Farmers', 果園: 'orchard', 也: 'also' })).toEqual([['照顧', 'tend']]);
  });
});

describe('the edge of a gap (gaps.ts edgeLinks)', () => {
  const edge = (cut: string, en: string, links: Record<string, string>, usable = () => true) => {
    const ctx = englishContext(en);
    const texts = cut.split(' ');
    return edgeLinks(words(cut, en, links), ctx, usable).map(({ word, token }) => [texts[word], ctx.tokens[token]!.text]);
  };

  it('a word right before a linked word takes the free content word right before its rendering', () => {
    expect(edge('他們 種 古老 果樹', 'They plant ancient fruit trees.', { 他們: 'They', 種: 'plant', 果樹: 'fruit trees' })).toEqual([['古老', 'ancient']]);
  });

  it('not when the run before the rendering holds two free content words, nor a word after its neighbour, nor an unusable word', () => {
    expect(edge('他們 古老 果樹', 'They plant ancient fruit trees.', { 他們: 'They', 果樹: 'fruit trees' })).toEqual([]);
    expect(edge('果樹 古老', 'The fruit trees are ancient.', { 果樹: 'fruit trees' })).toEqual([]);
    expect(edge('他們 種 古老 果樹', 'They plant ancient fruit trees.', { 他們: 'They', 種: 'plant', 果樹: 'fruit trees' }, () => false)).toEqual([]);
  });
});
