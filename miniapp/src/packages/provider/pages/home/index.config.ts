export default definePageConfig({ navigationBarTitleText: '服务方工作台' });
