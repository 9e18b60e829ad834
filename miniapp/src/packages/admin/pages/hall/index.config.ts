export default definePageConfig({ navigationBarTitleText: '礼堂详情' });
