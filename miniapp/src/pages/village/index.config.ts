export default definePageConfig({ navigationBarTitleText: '我的村和礼堂' });
