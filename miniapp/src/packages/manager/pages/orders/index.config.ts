export default definePageConfig({ navigationBarTitleText: '点单记录' });
