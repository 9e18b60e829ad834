export default definePageConfig({ navigationBarTitleText: '排期日历' });
