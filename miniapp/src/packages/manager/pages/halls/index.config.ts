export default definePageConfig({ navigationBarTitleText: '我管理的礼堂' });
