export default definePageConfig({ navigationBarTitleText: '收到的点单' });
