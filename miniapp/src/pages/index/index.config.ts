export default definePageConfig({ navigationBarTitleText: '礼堂点单' });
