export default definePageConfig({ navigationBarTitleText: '礼堂信息' });
