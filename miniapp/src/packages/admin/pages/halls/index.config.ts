export default definePageConfig({ navigationBarTitleText: '礼堂管理' });
