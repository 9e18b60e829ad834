import { parseTemplateSetup, templateValue } from './subscribe-templates';

describe('subscribe-message templates', () => {
  it('reads a bare template id with the default fields, or a field mapping after a colon', () => {
    expect(parseTemplateSetup('order_answered', 'AbC-123_x')).toEqual({ templateId: 'AbC-123_x', fields: { title: 'thing1', body: 'thing2', time: 'time3' } });
    expect(parseTemplateSetup('order_answered', 'T1:title=thing4,time=date2')).toEqual({ templateId: 'T1', fields: { title: 'thing4', body: 'thing2', time: 'date2' } });
    expect(parseTemplateSetup('order_answered', undefined)).toBeNull();
  });

  it('refuses malformed values with the variable named', () => {
    expect(() => parseTemplateSetup('event_tomorrow', 'bad id')).toThrow('WECHAT_TEMPLATE_EVENT_TOMORROW');
    expect(() => parseTemplateSetup('event_tomorrow', 'T1:colour=thing1')).toThrow('title=thing1');
  });

  it('shapes values the way WeChat accepts them', () => {
    expect(templateValue('thing1', '一二三四五六七八九十一二三四五六七八九十一二')).toBe('一二三四五六七八九十一二三四五六七八九…');
    expect(templateValue('phrase2', '已确定时间')).toBe('已确定时间');
    expect(templateValue('time3', new Date('2026-05-01T06:30:00Z'))).toBe('2026-05-01 14:30');
    expect(templateValue('date2', new Date('2026-05-01T20:00:00Z'))).toBe('2026-05-02');
  });
});
