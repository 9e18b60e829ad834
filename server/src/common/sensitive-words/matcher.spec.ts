import { SensitiveWordMatcher, normalise } from './matcher';

describe('SensitiveWordMatcher', () => {
  const matcher = new SensitiveWordMatcher(['赌博', '博彩', 'sb', '操你妈']);

  it('finds listed words anywhere in the text, each once, in order of appearance', () => {
    expect(matcher.find('周末来礼堂赌博吧，还有博彩，赌博')).toEqual(['赌博', '博彩']);
  });

  it('catches words split by spaces or punctuation and full-width letters', () => {
    expect(matcher.find('你这个 Ｓ．Ｂ')).toEqual(['sb']);
    expect(matcher.find('操 你-妈')).toEqual(['操你妈']);
  });

  it('finds overlapping words through the failure links', () => {
    expect(matcher.find('赌博彩')).toEqual(['赌博', '博彩']);
  });

  it('leaves ordinary text alone', () => {
    expect(matcher.find('演出很精彩，老人们都很喜欢，希望明年再来！')).toEqual([]);
    expect(new SensitiveWordMatcher([]).find('任何内容')).toEqual([]);
  });

  it('normalises the same way for words and text', () => {
    expect(normalise(' Ａｂ，c\u3000d ')).toBe('abcd');
  });
});
